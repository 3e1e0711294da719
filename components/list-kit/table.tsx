import type { ReactNode } from 'react';

export type Column<R> = {
  /** The header; on a phone also the label before each value (`data-label`). */
  label: string;
  cell: (row: R) => ReactNode;
  /** The row's header cell (`<th scope="row">`), shown as the card's title on a phone. One per table. */
  rowHeader?: boolean;
  /** Extra classes of the cells (e.g. `text-right`, `whitespace-nowrap`; a phone's card overrides them). */
  className?: string;
  /** A header only screen readers need (e.g. the column of a row's buttons): hidden, and no label on a card. */
  hideLabel?: boolean;
};

/**
 * A real table at desktop width; below 640 px the same markup reflows into one card per row (CSS only, see
 * `.lk-table` in app/globals.css): the header row is visually hidden but stays for assistive technology, each
 * cell shows its column's label before its value, and nothing scrolls sideways.
 */
export type ListTableProps<R> = {
  caption: ReactNode;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowClassName?: string;
  testId?: string;
};

export function ListTable<R>({ caption, columns, rows, rowKey, rowClassName = '', testId }: ListTableProps<R>) {
  return (
    <div className="lk-wrap overflow-x-auto rounded-lg bg-white shadow-sm" data-testid={testId}>
      <table className="lk-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c) => (
              <th key={c.label} scope="col" className={`px-3 py-2 ${c.className ?? ''}`}>
                {c.hideLabel ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className={`border-b border-slate-100 align-top ${rowClassName}`}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.label} scope="row" className={`px-3 py-2 font-medium ${c.className ?? ''}`}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.label} data-label={c.hideLabel ? undefined : c.label} className={`px-3 py-2 ${c.className ?? ''}`}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
