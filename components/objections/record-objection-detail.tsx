import { CorrectionNotes } from '@/components/records/record-notes';
import type { RecordObjectionForHandler } from '@/db/queries/record-objections';
import {
  formatPoints,
  isOpenStatus,
  OBJECTION_SUBJECT_LABELS,
  parseRecordObjectionBody,
  parseRecordObjectionDecision,
  RECORD_OBJECTION_FILER_LABELS,
  recordObjectionStatusLabel,
} from '@/lib/domain/objections';
import { BAD_RECORD_TYPES, GOOD_RECORD_TYPES } from '@/lib/domain/records';
import { formatDateTime } from '@/lib/format';
import { DecidedRow, DetailHeading, EvidenceLinks, HandleSection } from './detail-parts';
import { VerifyForm, type HandleState } from './handling-forms';
import { RecordCorrectForm, RecordDismissForm, RevokeForm, type CorrectableValues } from './record-handling-forms';
import { RecordSummary } from './record-summary';

/** One objection about a record for the bureau: the objection, the record as it is now, the evidence, the steps. */
export function RecordObjectionDetail({ o, act }: { o: RecordObjectionForHandler; act: (prev: HandleState, fd: FormData) => Promise<HandleState> }) {
  const body = parseRecordObjectionBody(o.body);
  const decision = parseRecordObjectionDecision(o.decision);
  const open = isOpenStatus(o.status);
  const record = (o.credit ?? o.staff)!;
  const current: CorrectableValues = o.credit
    ? {
        type: o.credit.type,
        description: o.credit.description,
        ...(o.credit.category === 'warning' ? { severity: o.credit.severity } : {}),
        points: o.credit.points === null ? '' : formatPoints(o.credit.points),
      }
    : { type: o.staff!.type, description: o.staff!.description, types: o.staff!.kind === 'good' ? GOOD_RECORD_TYPES : BAD_RECORD_TYPES };
  const title = o.credit ? o.credit.companyName : `${o.staff!.personName}（${o.staff!.idNumberMasked}）`;
  return (
    <div className="space-y-6">
      <DetailHeading backHref="/bureau/objections" open={open}>
        {OBJECTION_SUBJECT_LABELS[o.subjectType]}异议：{title}
      </DetailHeading>
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-600">查询码</dt>
        <dd className="font-mono">{o.trackingCode}</dd>
        <dt className="text-slate-600">状态</dt>
        <dd>{recordObjectionStatusLabel(o.status, decision?.outcome ?? null)}</dd>
        <dt className="text-slate-600">异议人</dt>
        <dd>
          {o.filerName}（{RECORD_OBJECTION_FILER_LABELS[body.filer]}）{o.filerPhone ? ` · ${o.filerPhone}` : ''}
        </dd>
        <dt className="text-slate-600">处理机关</dt>
        <dd>{o.districtName ? `${o.districtName}住建主管部门` : '市住建主管部门'}</dd>
        <dt className="text-slate-600">提出时间</dt>
        <dd>{formatDateTime(o.filedAt)}</dd>
        <dt className="text-slate-600">异议内容</dt>
        <dd className="whitespace-pre-wrap">{body.reason}</dd>
        <dt className="text-slate-600">书面证明材料</dt>
        <dd>
          <EvidenceLinks files={o.evidence} />
        </dd>
        {o.decidedAt && (
          <>
            <DecidedRow at={o.decidedAt} by={o.decidedByName} />
            {decision?.correction ? (
              <>
                <dt className="text-slate-600">公开的更正</dt>
                <dd>
                  <CorrectionNotes corrections={[decision.correction]} />
                </dd>
              </>
            ) : (
              o.answer && (
                <>
                  <dt className="text-slate-600">理由</dt>
                  <dd className="whitespace-pre-wrap">{o.answer}</dd>
                </>
              )
            )}
          </>
        )}
      </dl>
      <RecordSummary credit={o.credit} staff={o.staff} underObjection={open} audience="internal" />
      {open && record.status === 'approved' && (
        <HandleSection heading="核查与处理">
          {o.status === 'open' && <VerifyForm caseId={o.id} version={o.version} act={act} />}
          <RecordCorrectForm caseId={o.id} version={o.version} act={act} current={current} />
          <RevokeForm caseId={o.id} version={o.version} act={act} />
          <RecordDismissForm caseId={o.id} version={o.version} act={act} />
        </HandleSection>
      )}
      {open && record.status !== 'approved' && (
        <HandleSection heading="核查与处理">
          <p>该记录已不在有效状态（已撤销、已修复或已更正为无效），请说明情况后办结本异议。</p>
          <RecordDismissForm caseId={o.id} version={o.version} act={act} />
        </HandleSection>
      )}
    </div>
  );
}
