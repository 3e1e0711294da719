import type { ComponentType, ReactNode } from 'react';

/**
 * The link element the kit renders. Public pages use plain anchors (decision 022); the signed-in areas pass
 * `next/link` through `./signed-in`, so that no module of the kit itself imports a client component.
 */
export type Anchor = ComponentType<{ href: string; className?: string; rel?: string; 'aria-current'?: 'page'; download?: boolean | string; children: ReactNode }>;

export function PlainAnchor({ children, ...props }: { href: string; className?: string; rel?: string; 'aria-current'?: 'page'; download?: boolean | string; children: ReactNode }) {
  return <a {...props}>{children}</a>;
}
