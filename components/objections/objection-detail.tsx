import type { getObjectionInScope } from '@/db/queries/objections';
import {
  CORRECTABLE_FIELDS,
  correctionRoute,
  isOpenStatus,
  OBJECTION_FIELDS,
  OBJECTION_STATUS_LABELS,
  parseObjectionBody,
  parseObjectionDecision,
  parseObjectionProposal,
  PUBLIC_FACING_FIELDS,
  type CorrectableField,
} from '@/lib/domain/objections';
import { formatDateTime } from '@/lib/format';
import { DecidedRow, DetailHeading, EvidenceLinks, HandleSection } from './detail-parts';
import { CorrectForm, DismissForm, VerifyForm, type HandleState } from './handling-forms';

type Objection = NonNullable<Awaited<ReturnType<typeof getObjectionInScope>>>;

/** One objection for its handler: what the person says, the current record, the evidence, and the decision. */
export function ObjectionDetail({
  o,
  basePath,
  act,
  viewer,
}: {
  o: Objection;
  basePath: string;
  act: (prev: HandleState, fd: FormData) => Promise<HandleState>;
  /** Who is looking: the company, or the district or city bureau. */
  viewer: 'company' | 'district' | 'city';
}) {
  const body = parseObjectionBody(o.body);
  const decision = parseObjectionDecision(o.decision);
  const open = isOpenStatus(o.status);
  const proposal = open ? parseObjectionProposal(o.decision) : null;
  const correctable = (CORRECTABLE_FIELDS as readonly string[]).includes(body.field) ? (body.field as CorrectableField) : null;
  // The items this handler may correct here (the service decides again on submit).
  const fields = CORRECTABLE_FIELDS.filter((f) => correctionRoute(viewer, body.field, f).route !== 'refused');
  const waitsForDistrict = viewer === 'company' && fields.some((f) => correctionRoute(viewer, body.field, f).route === 'district');
  const mayDismiss = viewer !== 'company' || !(PUBLIC_FACING_FIELDS as readonly string[]).includes(body.field);
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
            <DecidedRow at={o.decidedAt} by={o.decidedByName} />
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
      {proposal && (
        <section aria-labelledby="proposal-heading" className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="proposal-heading" className="font-semibold">
            企业提出的更正（待区县住建部门审核）
          </h2>
          {proposal.changes.map((c) => (
            <p key={c.field}>
              {c.label}：{c.before ?? '（空）'} → {c.after ?? '（空）'}
            </p>
          ))}
          <p className="whitespace-pre-wrap">说明：{proposal.note}</p>
          <p className="text-slate-700">提出人：{proposal.proposedBy}</p>
        </section>
      )}
      {open && viewer === 'company' && proposal && <p className="rounded bg-white p-4 shadow-sm">已提交区县住建部门审核，审核前企业不能再处理本异议。</p>}
      {open && !(viewer === 'company' && proposal) && (
        <HandleSection heading="核实与处理">
          {o.status === 'open' && <VerifyForm caseId={o.id} version={o.version} act={act} />}
          {proposal && (
            <>
              <DismissForm caseId={o.id} version={o.version} act={act} actionName="approve" heading="同意企业的更正" submitLabel="同意并更正" noteLabel="审核意见（异议人可以看到）" />
              <DismissForm caseId={o.id} version={o.version} act={act} actionName="reject" heading="不同意企业的更正" submitLabel="不同意" noteLabel="不同意的理由" />
            </>
          )}
          {fields.length > 0 && (
            <CorrectForm
              caseId={o.id}
              version={o.version}
              act={act}
              defaultField={correctable && fields.includes(correctable) ? correctable : null}
              fields={fields}
              hint={waitsForDistrict ? '手机号码关系到公开信息和身份验证，企业的更正须经区县住建部门审核同意后生效。' : undefined}
            />
          )}
          {viewer === 'company' && fields.length === 0 && (
            <p className="text-sm text-slate-700">本异议所指信息（姓名、岗位等公开信息，或需另行认定的事项）的更正由区县住建部门办理，企业可以开始核实并向区县住建部门说明情况。</p>
          )}
          {mayDismiss && <DismissForm caseId={o.id} version={o.version} act={act} />}
        </HandleSection>
      )}
    </div>
  );
}
