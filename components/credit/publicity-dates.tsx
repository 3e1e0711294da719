import { formatDate } from '@/lib/format';

/** A warning record's publicity window, as rows of a <dl>: published, earliest repair, leaves the evaluation. */
export function PublicityDates({ record }: { record: { publishedOn: string | null; minPublicUntil: string | null; publicUntil: string | null } }) {
  return (
    <>
      <dt className="text-slate-600">公布日期</dt>
      <dd>{formatDate(record.publishedOn)}</dd>
      <dt className="text-slate-600">最短公示期届满</dt>
      <dd>{formatDate(record.minPublicUntil)}</dd>
      <dt className="text-slate-600">停止计入信用评价日期</dt>
      <dd>{formatDate(record.publicUntil)}</dd>
    </>
  );
}
