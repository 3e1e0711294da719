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
import { ListTable, type Column } from '@/components/list-kit/table';
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

type RecordLinks = {
  /** The record's page in this area, if it has one. */
  hrefOf?: (id: string) => string;
  noticeHrefOf?: (id: string) => string;
  showFiler?: boolean;
};

/** The columns of a records list (the list kit's table: cards on a phone). */
export function recordColumns({ hrefOf, noticeHrefOf, showFiler = true, underObjection }: RecordLinks & { underObjection: Set<string> }): Column<RecordListRow>[] {
  const columns: (Column<RecordListRow> | null)[] = [
    {
      label: '人员',
      rowHeader: true,
      cell: (r) => (
        <>
          {hrefOf ? (
            <Link href={hrefOf(r.id)} className="text-brand-800 underline">
              {r.name}
            </Link>
          ) : (
            r.name
          )}
          <span className="block font-mono text-xs font-normal text-slate-600">{r.idNumberMasked}</span>
        </>
      ),
    },
    {
      label: '记录',
      className: 'max-w-md',
      cell: (r) => (
        <>
          <RecordType kind={r.kind} type={r.type} />
          <ObjectionBadge open={underObjection.has(r.id)} />
          <span className="block text-slate-700">{r.description}</span>
          <span className="block text-xs text-slate-600">出具单位：{r.issuer}</span>
          <StatementNote statement={r.statement} by="当事人" />
          <CorrectionNotes corrections={r.corrections} />
        </>
      ),
    },
    {
      label: '日期',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <>
          {formatDate(r.occurredOn)}
          {r.receivedOn && <span className="block text-xs text-slate-600">收到 {formatDate(r.receivedOn)}</span>}
          <span className="block text-xs text-slate-600">报送 {formatDate(r.createdAt)}</span>
          <LateFlag days={r.lateDays} />
        </>
      ),
    },
    showFiler ? { label: '报送单位', cell: (r) => r.filerName || '—' } : null,
    {
      label: '小区 · 企业',
      cell: (r) => (
        <>
          {r.projectName ?? '—'}
          {r.districtName ? `（${r.districtName}）` : ''}
          <span className="block text-xs text-slate-600">{r.companyName ?? '—'}</span>
        </>
      ),
    },
    {
      label: '状态',
      cell: (r) => (
        <>
          {PRACTITIONER_RECORD_STATUS_LABELS[r.status] ?? r.status}
          {r.decisionReason && <span className="block text-xs text-slate-600">理由：{r.decisionReason}</span>}
          {r.noticeCode && noticeHrefOf && (
            <Link href={noticeHrefOf(r.id)} className="mt-1 block text-brand-800 underline">
              打印告知书
            </Link>
          )}
        </>
      ),
    },
  ];
  return columns.filter((c): c is Column<RecordListRow> => c !== null);
}

export function RecordTable({ caption, rows, underObjection, ...links }: RecordLinks & { caption: string; rows: RecordListRow[]; underObjection: Set<string> }) {
  return <ListTable caption={caption} columns={recordColumns({ ...links, underObjection })} rows={rows} rowKey={(r) => r.id} />;
}
