import type { getObjectionInScope } from '@/db/queries/objections';
import {
  CORRECTABLE_FIELDS,
  isOpenStatus,
  OBJECTION_FIELDS,
  OBJECTION_STATUS_LABELS,
  parseObjectionBody,
  parseObjectionDecision,
  type CorrectableField,
} from '@/lib/domain/objections';
import { formatDateTime } from '@/lib/format';
import { DetailHeading, EvidenceLinks, HandleSection } from './detail-parts';
import { CorrectForm, DismissForm, VerifyForm, type HandleState } from './handling-forms';

type Objection = NonNullable<Awaited<ReturnType<typeof getObjectionInScope>>>;

/** One objection for its handler: what the person says, the current record, the evidence, and the decision. */
export function ObjectionDetail({ o, basePath, act }: { o: Objection; basePath: string; act: (prev: HandleState, fd: FormData) => Promise<HandleState> }) {
  const body = parseObjectionBody(o.body);
  const decision = parseObjectionDecision(o.decision);
  const correctable = (CORRECTABLE_FIELDS as readonly string[]).includes(body.field) ? (body.field as CorrectableField) : null;
  const open = isOpenStatus(o.status);
  return (
    <div className="space-y-6">
      <DetailHeading backHref={basePath} open={open}>
        信息异议：{o.person.name}
      </DetailHeading>
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-600">查询码</dt>
        <dd className="font-mono">{o.trackingCode}</dd>
        <dt className="text-slate-600">状态</dt>
        <dd>{OBJECTION_STATUS_LABELS[o.status] ?? o.status}</dd>
        <dt className="text-slate-600">身份证号码</dt>
        <dd className="font-mono">{o.person.idNumberMasked}</dd>
        <dt className="text-slate-600">小区 / 企业</dt>
        <dd>
          {o.projectName ?? '—'} · {o.companyName ?? '—'} · {o.districtName ?? '—'}
        </dd>
        <dt className="text-slate-600">提出时间</dt>
        <dd>{formatDateTime(o.filedAt)}</dd>
        <dt className="text-slate-600">异议事项</dt>
        <dd className="font-medium">{OBJECTION_FIELDS[body.field]}</dd>
        {correctable && (
          <>
            <dt className="text-slate-600">现登记信息</dt>
            <dd>{o.person[correctable] ?? '（空）'}</dd>
          </>
        )}
        <dt className="text-slate-600">本人称正确的信息</dt>
        <dd className="whitespace-pre-wrap">{body.claimed}</dd>
        {body.statement && (
          <>
            <dt className="text-slate-600">补充说明</dt>
            <dd className="whitespace-pre-wrap">{body.statement}</dd>
          </>
        )}
        <dt className="text-slate-600">证明材料</dt>
        <dd>
          {o.evidence.length === 0 ? '未提供' : <EvidenceLinks files={o.evidence} />}
        </dd>
        {o.decidedAt && (
          <>
            <dt className="text-slate-600">办结</dt>
            <dd>
              {formatDateTime(o.decidedAt)} {o.decidedByName ?? ''}
            </dd>
            {decision && decision.changes.length > 0 && (
              <>
                <dt className="text-slate-600">更正内容</dt>
                <dd>
                  {decision.changes.map((c) => (
                    <span key={c.field} className="block">
                      {c.label}：{c.before ?? '（空）'} → {c.after ?? '（空）'}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {o.answer && (
              <>
                <dt className="text-slate-600">{o.status === 'corrected' ? '更正说明' : '理由'}</dt>
                <dd className="whitespace-pre-wrap">{o.answer}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {open && (
        <HandleSection heading="核实与处理">
          {o.status === 'open' && <VerifyForm caseId={o.id} version={o.version} act={act} />}
          <CorrectForm caseId={o.id} version={o.version} act={act} defaultField={correctable} />
          <DismissForm caseId={o.id} version={o.version} act={act} />
        </HandleSection>
      )}
    </div>
  );
}
