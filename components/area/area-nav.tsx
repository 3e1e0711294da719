'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef } from 'react';
import { currentHref, type NavGroup } from './nav-groups';

const linkClass = 'flex min-h-11 items-center px-3 text-sm hover:bg-white/10 aria-[current=page]:bg-white/20 aria-[current=page]:font-semibold';

/**
 * A signed-in area's navigation. From 1024 px wide: every link in one row (at most two lines), the groups set apart
 * by a rule. Narrower: one "菜单" button that opens the links under their group names (a native <details>, so it
 * opens without JavaScript too), closing again when a link is followed. Every link is at least 44 px tall.
 */
export function AreaNav({ label, groups }: { label: string; groups: NavGroup[] }) {
  const pathname = usePathname();
  const current = currentHref(groups, pathname);
  const menu = useRef<HTMLDetailsElement>(null);
  const currentLabel = groups.flatMap((g) => g.items).find((i) => i.href === current)?.label;
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    <nav aria-label={label} className="bg-brand-700">
      <ul className="mx-auto hidden max-w-6xl flex-wrap px-2 lg:flex">
        {groups.map((g, gi) =>
          g.items.map((n, i) => (
            <li key={n.href} className={gi > 0 && i === 0 ? 'ml-1 border-l border-white/25 pl-1' : undefined}>
              <Link href={n.href} className={linkClass} aria-current={n.href === current ? 'page' : undefined}>
                {n.label}
              </Link>
            </li>
          )),
        )}
      </ul>
      <details ref={menu} className="group lg:hidden">
        <summary className="mx-auto flex min-h-11 max-w-6xl cursor-pointer list-none items-center gap-2 px-4 text-sm [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          <span className="font-medium">菜单</span>
          {currentLabel && <span className="truncate text-white/80">· {currentLabel}</span>}
        </summary>
        <div className="mx-auto grid max-w-6xl gap-x-4 gap-y-2 px-2 pb-3 sm:grid-cols-2">
          {groups.map((g, gi) => (
            <div key={g.label ?? gi}>
              {g.label && (
                <p id={`nav-group-${gi}`} className="px-3 pt-2 text-xs font-medium tracking-wide text-white/70">
                  {g.label}
                </p>
              )}
              <ul aria-labelledby={g.label ? `nav-group-${gi}` : undefined}>
                {g.items.map((n) => (
                  <li key={n.href}>
                    <Link href={n.href} className={linkClass} aria-current={n.href === current ? 'page' : undefined} onClick={close}>
                      {n.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </details>
    </nav>
  );
}
