/**
 * Staff records as the signed-in areas list them: the person (masked ID), kind and type (the short label of a bad
 * record, with the full SN 13 wording), dates with the lateness flag, who filed, status and decision, and beside
 * each record the objection flag, the subject's statement and the published corrections. No data access here.
 */
import Link from 'next/link';
import type { RecordListRow } from '@/db/queries/practitioner-records';
import { PRACTITIONER_RECORD_STATUS_LABELS, RECORD_KIND_LABELS } from '@/lib/domain/labels';
import { badRecordShort, lateLabel } from '@/lib/domain/records';
import { formatDate } from '@/lib/format';
import { CorrectionNotes, ObjectionBadge, StatementNote } from './record-notes';

export function RecordType({ kind, type }: { kind: string; type: string }) {
  return (
    <>
      <span className={kind === 'good' ? 'font-medium text-emerald-800' : 'font-medium text-red-800'}>{RECORD_KIND_LABELS[kind] ?? kind}</span>{' '}
      {kind === 'bad' ? <abbr title={type} className="no-underline">{badRecordShort(type)}</abbr> : type}
    </>
  );
}

export function LateFlag({ days }: { days: number }) {
  const label = lateLabel(days);
  return label ? <span className="ml-1 inline-block rounded bg-amber-100 px-1 text-xs text-amber-900">{label}</span> : null;
}

export function RecordTable({
  caption,
  rows,
  underObjection,
  hrefOf,
  noticeHrefOf,
  showFiler = true,
}: {
  caption: string;
  rows: RecordListRow[];
  underObjection: Set<string>;
  /** The record's page in this area, if it has one. */
  hrefOf?: (id: string) => string;
  noticeHrefOf?: (id: string) => string;
  showFiler?: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">人员</th>
            <th scope="col" className="p-2">记录</th>
            <th scope="col" className="p-2">日期</th>
            {showFiler && <th scope="col" className="p-2">报送单位</th>}
            <th scope="col" className="p-2">小区 · 企业</th>
            <th scope="col" className="p-2">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="p-2 font-medium">
                {hrefOf ? (
                  <Link href={hrefOf(r.id)} className="text-brand-800 underline">
                    {r.name}
                  </Link>
                ) : (
                  r.name
                )}
                <span className="block font-mono text-xs font-normal text-slate-600">{r.idNumberMasked}</span>
              </th>
              <td className="max-w-md p-2">
                <RecordType kind={r.kind} type={r.type} />
                <ObjectionBadge open={underObjection.has(r.id)} />
                <span className="block text-slate-700">{r.description}</span>
                <span className="block text-xs text-slate-600">出具单位：{r.issuer}</span>
                <StatementNote statement={r.statement} by="当事人" />
                <CorrectionNotes corrections={r.corrections} />
              </td>
              <td className="p-2 whitespace-nowrap">
                {formatDate(r.occurredOn)}
                {r.receivedOn && <span className="block text-xs text-slate-600">收到 {formatDate(r.receivedOn)}</span>}
                <span className="block text-xs text-slate-600">报送 {formatDate(r.createdAt)}</span>
                <LateFlag days={r.lateDays} />
              </td>
              {showFiler && <td className="p-2">{r.filerName || '—'}</td>}
              <td className="p-2">
                {r.projectName ?? '—'}
                {r.districtName ? `（${r.districtName}）` : ''}
                <span className="block text-xs text-slate-600">{r.companyName ?? '—'}</span>
              </td>
              <td className="p-2">
                {PRACTITIONER_RECORD_STATUS_LABELS[r.status] ?? r.status}
                {r.decisionReason && <span className="block text-xs text-slate-600">理由：{r.decisionReason}</span>}
                {r.noticeCode && noticeHrefOf && (
                  <Link href={noticeHrefOf(r.id)} className="mt-1 block text-brand-800 underline">
                    打印告知书
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
