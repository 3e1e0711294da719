import { CorrectionNotes, ObjectionBadge, StatementNote } from '@/components/records/record-notes';
import type { CreditRecordForObjection, PractitionerRecordForObjection } from '@/db/queries/record-objections';
import { formatPoints, RECORD_KIND_LABELS } from '@/lib/domain/objections';
import { formatDate } from '@/lib/format';

/**
 * One record as an objection shows it, with 异议处理中, the subject's statement and the published corrections
 * beside it. `audience` 'public' leaves out what public pages do not show (points; a staff record's wording).
 */
export function RecordSummary({
  credit,
  staff,
  underObjection,
  audience,
  headingLevel = 2,
}: {
  credit?: CreditRecordForObjection | null;
  staff?: PractitionerRecordForObjection | null;
  underObjection: boolean;
  audience: 'public' | 'internal';
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const revoked = (credit ?? staff)?.status === 'corrected';
  if (credit) {
    return (
      <section aria-labelledby="record-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <H id="record-heading" className="mb-3 flex flex-wrap items-center text-lg font-semibold">
          异议的信用记录
          <ObjectionBadge open={underObjection} />
        </H>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">企业</dt>
          <dd>
            {credit.companyName}
            <span className="ml-2 font-mono text-sm text-slate-600">{credit.uscc}</span>
          </dd>
          {credit.projectName && (
            <>
              <dt className="text-slate-600">项目</dt>
              <dd>{credit.projectName}</dd>
            </>
          )}
          <dt className="text-slate-600">类别</dt>
          <dd>{RECORD_KIND_LABELS[credit.category] ?? credit.category}</dd>
          <dt className="text-slate-600">类型</dt>
          <dd>{credit.type}</dd>
          {credit.severity && (
            <>
              <dt className="text-slate-600">严重程度</dt>
              <dd>{credit.severity}</dd>
            </>
          )}
          {audience === 'internal' && (
            <>
              <dt className="text-slate-600">分值</dt>
              <dd>{credit.points === null ? '—' : formatPoints(credit.points)}</dd>
            </>
          )}
          <dt className="text-slate-600">发生日期</dt>
          <dd>{formatDate(credit.occurredOn)}</dd>
          <dt className="text-slate-600">事实描述</dt>
          <dd className="whitespace-pre-wrap">{credit.description}</dd>
          {credit.publishedOn && (
            <>
              <dt className="text-slate-600">公示期</dt>
              <dd>
                {formatDate(credit.publishedOn)} 起{credit.publicUntil ? `，${formatDate(credit.publicUntil)} 起不再公示` : ''}
              </dd>
            </>
          )}
          {revoked && <RevokedRow />}
        </dl>
        <StatementNote statement={credit.statement} by="企业" />
        <CorrectionNotes corrections={credit.corrections} />
      </section>
    );
  }
  if (!staff) return null;
  return (
    <section aria-labelledby="record-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <H id="record-heading" className="mb-3 flex flex-wrap items-center text-lg font-semibold">
        异议的从业人员记录
        <ObjectionBadge open={underObjection} />
      </H>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">从业人员</dt>
        <dd>
          {staff.personName}
          {audience === 'internal' && <span className="ml-2 font-mono text-sm text-slate-600">{staff.idNumberMasked}</span>}
        </dd>
        {staff.companyName && (
          <>
            <dt className="text-slate-600">记录时所在企业</dt>
            <dd>
              {staff.companyName}
              {staff.projectName ? ` · ${staff.projectName}` : ''}
            </dd>
          </>
        )}
        <dt className="text-slate-600">类别</dt>
        <dd>{RECORD_KIND_LABELS[staff.kind] ?? staff.kind}</dd>
        <dt className="text-slate-600">类型</dt>
        <dd>{staff.type}</dd>
        <dt className="text-slate-600">日期</dt>
        <dd>{formatDate(staff.occurredOn)}</dd>
        <dt className="text-slate-600">认定单位</dt>
        <dd>{staff.issuer}</dd>
        {audience === 'internal' && (
          <>
            <dt className="text-slate-600">事实描述</dt>
            <dd className="whitespace-pre-wrap">{staff.description}</dd>
          </>
        )}
        {revoked && <RevokedRow />}
      </dl>
      <StatementNote statement={staff.statement} by="本人" />
      <CorrectionNotes corrections={staff.corrections} />
    </section>
  );
}

/** The row that marks a record revoked after an objection. */
function RevokedRow() {
  return (
    <>
      <dt className="text-slate-600">状态</dt>
      <dd className="font-medium">已撤销</dd>
    </>
  );
}
