export interface NavItem {
  href: string;
  label: string;
}

/** Links of one kind under a name the menu shows on a phone; a group without a label stands first, unnamed. */
export interface NavGroup {
  label?: string;
  items: NavItem[];
}

/**
 * The link for the page being shown: the longest href that is the path or a folder of it, so that
 * /company/staff/import marks 名册导入, /company/staff/123 marks 从业人员, and /bureau only the 工作台 itself.
 */
export function currentHref(groups: NavGroup[], pathname: string | null): string | undefined {
  if (!pathname) return undefined;
  let best: string | undefined;
  for (const { href } of groups.flatMap((g) => g.items)) {
    const matches = pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}

/** Drops empty groups (an account that may use none of a group's pages) and keeps the order given. */
export function navGroups(groups: NavGroup[]): NavGroup[] {
  return groups.filter((g) => g.items.length > 0);
}
