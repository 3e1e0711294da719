/**
 * One staff record in full for the signed-in areas: the person (masked ID), what was filed and by whom, the
 * evidence files (served by the scoped /attachments route), the decision, and the record notes. No data access.
 */
import type { RecordDetail } from '@/db/queries/practitioner-records';
import { PRACTITIONER_RECORD_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { CorrectionNotes, ObjectionBadge, StatementNote } from './record-notes';
import { LateFlag, RecordType } from './record-table';

export function RecordDetailView({ r, objectionOpen }: { r: RecordDetail; objectionOpen: boolean }) {
  const rows: [string, React.ReactNode][] = [
    ['人员', <span key="p">{r.name}（身份证号码 <span className="font-mono">{r.idNumberMasked}</span>）</span>],
    ['小区 · 企业', `${r.projectName ?? '—'}${r.districtName ? `（${r.districtName}）` : ''} · ${r.companyName ?? '—'}`],
    ['记录类型', <span key="t"><RecordType kind={r.kind} type={r.type} /><ObjectionBadge open={objectionOpen} /></span>],
    ...(r.kind === 'bad' ? ([['类型全称', r.type]] as [string, React.ReactNode][]) : []),
    [r.kind === 'good' ? '事由' : '事实经过', r.description],
    ...(r.participants ? ([['参与人员', r.participants]] as [string, React.ReactNode][]) : []),
    ['出具单位', r.issuer],
    ['发生日期', formatDate(r.occurredOn)],
    ...(r.receivedOn
      ? ([['收到（出具）日期', <span key="r">{formatDate(r.receivedOn)}<LateFlag days={r.lateDays} /></span>]] as [string, React.ReactNode][])
      : []),
    ['报送单位', r.filerName || '—'],
    ['报送时间', formatDateTime(r.createdAt)],
    ['状态', PRACTITIONER_RECORD_STATUS_LABELS[r.status] ?? r.status],
    ...(r.decidedAt
      ? ([['审核', `${formatDateTime(r.decidedAt)} ${r.deciderOrgName ?? ''} ${r.deciderName ?? ''}${r.decisionReason ? `：${r.decisionReason}` : ''}`]] as [string, React.ReactNode][])
      : []),
    ...(r.noticeCode ? ([['告知书编号', <span key="c" className="font-mono">{r.noticeCode}</span>]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      <StatementNote statement={r.statement} by="当事人" />
      <CorrectionNotes corrections={r.corrections} />
      <section aria-labelledby="files-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="files-heading" className="mb-2 text-lg font-semibold">
          证明材料
        </h2>
        {r.files.length === 0 ? (
          <p className="text-sm text-slate-600">无</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {r.files.map((f) => (
              <li key={f.id}>
                <a href={`/attachments/${f.id}`} className="text-brand-800 underline" target="_blank" rel="noopener">
                  {f.kind === 'photo' ? '现场照片' : '证明材料'}：{f.filename}
                </a>{' '}
                <span className="text-slate-600">（{Math.max(1, Math.round(f.size / 1024))} KB）</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
