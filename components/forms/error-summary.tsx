'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';

/** One line of the error summary: the message, and the id of the field it is about (the link's target). */
export interface SummaryItem {
  /** The field's name in the form (`certificates.0.name`): with JavaScript the link finds the control by it. */
  name: string;
  /** The control's id: the link's target without JavaScript (by default the name, dots as dashes). */
  fieldId: string;
  message: string;
}

type Messages = string | readonly string[] | undefined;

/** A field's name as it appears in an action's fieldErrors (`certificates.0.name`) → the id of its control. */
export function fieldIdOf(name: string): string {
  return name.replace(/\./g, '-');
}

/**
 * The summary lines of a server action's field errors, in the order the form lists its fields when `order` is given
 * (else the order the action reported them). `_form` is the form's own message (shown by FormAlert), not a field.
 * `ids` maps a field name to its control's id where the two differ.
 */
export function summaryItems(
  fieldErrors: Readonly<Record<string, Messages>> | undefined,
  { ids = {}, order }: { ids?: Readonly<Record<string, string>>; order?: readonly string[] } = {},
): SummaryItem[] {
  const entries = Object.entries(fieldErrors ?? {}).filter(([name]) => name !== '_form');
  if (order) {
    const rank = (name: string) => {
      const i = order.findIndex((o) => name === o || name.startsWith(`${o}.`));
      return i === -1 ? order.length : i;
    };
    entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  }
  const items: SummaryItem[] = [];
  for (const [name, messages] of entries) {
    const message = typeof messages === 'string' ? messages : messages?.[0];
    if (message) items.push({ name, fieldId: ids[name] ?? fieldIdOf(name), message });
  }
  return items;
}

/** react-hook-form's `formState.errors` (nested objects and arrays) → summary lines, ids as `fieldIdOf`. */
export function hookFormItems(errors: unknown, ids: Readonly<Record<string, string>> = {}): SummaryItem[] {
  const items: SummaryItem[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message && path) {
      items.push({ name: path, fieldId: ids[path] ?? fieldIdOf(path), message });
      return;
    }
    for (const [k, child] of Object.entries(node)) {
      if (k === 'ref' || k === 'type' || k === 'types') continue;
      // A list's own message (useFieldArray's `root`) is about the list; the form's own `root` is not a field.
      if (k === 'root') {
        if (path) walk(child, path);
        continue;
      }
      walk(child, path ? `${path}.${k}` : k);
    }
  };
  walk(errors, '');
  return items;
}

/**
 * The summary of a client-side form (react-hook-form, fetch): a snapshot taken at each refused submit, as GOV.UK
 * does — not the live errors, which change on blur and would move the page under the user's pointer.
 */
export function useSummary() {
  const [summary, setSummary] = useState<{ items: SummaryItem[]; focusKey: number }>({ items: [], focusKey: 0 });
  const show = useCallback((items: SummaryItem[]) => setSummary((s) => ({ items, focusKey: s.focusKey + 1 })), []);
  return { items: summary.items, focusKey: summary.focusKey, show };
}

/** The control a summary line is about: by name in the summary's own form, else by id. */
function controlOf(summary: HTMLElement | null, item: SummaryItem): HTMLElement | null {
  const form = summary?.closest('form');
  const named = form?.elements.namedItem(item.name);
  const first = named instanceof RadioNodeList ? named[0] : named;
  if (first instanceof HTMLElement && first.id) return first;
  return document.getElementById(item.fieldId);
}

/**
 * GOV.UK's error summary: after a refused submit, a box at the top of the form lists every problem as a link to its
 * field, and takes focus so that a screen reader reads it out. The inline message at each field stays.
 *
 * `focusKey` changes with each refused submit (the action's state object; react-hook-form's submitCount): the box
 * takes focus again then, and not on other re-renders. Each link points at its control's id, found by the field's
 * name in the form (so a form whose ids are prefixed needs no map); clicking it focuses the control.
 */
export function ErrorSummary({ items, focusKey, title = '请修改以下问题' }: { items: readonly SummaryItem[]; focusKey: unknown; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    for (const a of box.querySelectorAll<HTMLAnchorElement>('a[data-name]')) {
      const control = controlOf(box, { name: a.dataset.name!, fieldId: a.hash.slice(1), message: '' });
      if (control) a.setAttribute('href', `#${control.id}`);
    }
    box.focus();
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="error-summary"
      className="rounded border-4 border-red-700 bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400"
    >
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {items.map((item) => (
          <li key={`${item.name}:${item.message}`}>
            <a
              href={`#${item.fieldId}`}
              data-name={item.name}
              onClick={(e) => {
                const control = controlOf(ref.current, item);
                if (!control) return;
                e.preventDefault();
                // The label (or the group's legend) scrolls into view with the control, as GOV.UK does.
                const label = document.querySelector(`label[for="${CSS.escape(control.id)}"]`) ?? control.closest('fieldset')?.querySelector('legend');
                (label ?? control).scrollIntoView({ block: 'start' });
                control.focus({ preventScroll: true });
              }}
              className="font-medium text-red-800 underline underline-offset-2"
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
