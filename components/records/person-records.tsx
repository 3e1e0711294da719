/** A person's good and bad records on an internal person page (company, bureau): what the actor may see. */
import type { RecordListRow } from '@/db/queries/practitioner-records';
import { RecordTable } from './record-table';

export function PersonRecords({
  rows,
  underObjection,
  hrefOf,
  noticeHrefOf,
  actions,
}: {
  rows: RecordListRow[];
  underObjection: Set<string>;
  hrefOf: (id: string) => string;
  noticeHrefOf: (id: string) => string;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="person-records" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
      <h2 id="person-records" className="text-lg font-semibold">
        奖惩记录
      </h2>
      {actions}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">无</p>
      ) : (
        <RecordTable caption="该人员的奖惩记录" rows={rows} underObjection={underObjection} hrefOf={hrefOf} noticeHrefOf={noticeHrefOf} />
      )}
    </section>
  );
}
