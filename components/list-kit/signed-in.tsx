import Link from 'next/link';
import type { Anchor } from './anchor';
import { ListResults as BaseListResults, UnpagedList as BaseUnpagedList, type ListResultsProps } from './results';

/** The kit for the signed-in areas: the same results block with `next/link` (decision 022 keeps it there). */
export function ListResults<R>(props: Omit<ListResultsProps<R>, 'anchor'>) {
  return <BaseListResults {...props} anchor={Link as unknown as Anchor} />;
}

export function UnpagedList<R>(props: Omit<Parameters<typeof BaseUnpagedList<R>>[0], 'anchor'>) {
  return <BaseUnpagedList {...props} anchor={Link as unknown as Anchor} />;
}

export { CheckFilter, DateFilter, FilterBar, optionsOf, SelectFilter, TextFilter } from './filters';
export { ExportLink, exportLinkOf } from './export-link';
export { enumParam, flagParam, listHref, pageParam, parseFilters, regionParam, textParam, uuidParam } from './params';
export type { Column } from './table';
