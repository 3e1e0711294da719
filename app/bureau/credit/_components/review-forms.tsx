'use client';

import { controlProps, FieldErr, Hint, Label } from '@/components/credit/form-bits';
import { PointsField, SeverityField, SubmitButton } from '@/components/credit/record-fields';
import { FormAlert, inputClass } from '@/components/forms/field';
import type { Severity } from '@/lib/domain/records';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction, type ActionFormProps } from '@/components/forms/use-form-action';
import type { RecordConfirmationPreview } from '@/lib/services/credit-record-decisions';
import { confirmRecordAction, rejectRecordAction, type BureauCreditState } from '../actions';

/** Which record, at which version, and the answer when it was decided meanwhile (or failed as a whole). */
function Decision({ id, version, state }: { id: string; version: number; state: BureauCreditState }) {
  const conflict = !state.message || (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) ? null : (
    <FormAlert message={`${state.message}${state.conflict ? '，请刷新页面查看最新结果。' : ''}`} />
  );
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      {conflict}
    </>
  );
}

/** DW 8.2: confirm the points (and a warning's severity, which fixes its publicity window). */
export function ConfirmForm({
  id,
  version,
  category,
  proposedPoints,
  proposedSeverity,
}: {
  id: string;
  version: number;
  category: 'performance' | 'warning';
  proposedPoints: string | null;
  proposedSeverity: Severity | null;
}) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(confirmRecordAction, {});
  const label = category === 'performance' ? '核定加分' : '核定扣分';
  if (state.preview) return <CheckYourAnswers id={id} version={version} preview={state.preview} pending={pending} formProps={formProps} />;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <Decision id={id} version={version} state={state} />
      <PointsField
        state={state}
        name="points"
        label={label}
        hint={<>报送单位建议 {proposedPoints != null ? Number(proposedPoints) : '—'} 分；0 至 20 分。</>}
        fallback={proposedPoints != null ? String(Number(proposedPoints)) : ''}
      />
      {category === 'warning' && (
        <SeverityField
          state={state}
          legend="情节"
          note={<>情节轻重决定公示期限；报送单位建议：{proposedSeverity ?? '—'}。</>}
          selected={state.values?.severity || proposedSeverity}
        />
      )}
      {category === 'warning' ? (
        <button type="submit" name="intent" value="preview" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
          {pending ? '正在提交…' : '核对公布内容'}
        </button>
      ) : (
        <SubmitButton pending={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
          核准并公布
        </SubmitButton>
      )}
    </form>
  );
}

const LIST_NAMES = { red: '红榜', black: '黑榜' } as const;

/** A warning's second confirmation: the record as the public will read it, its window, its list, the company's notice. */
function CheckYourAnswers({
  id,
  version,
  preview,
  pending,
  formProps,
}: {
  id: string;
  version: number;
  preview: RecordConfirmationPreview;
  pending: boolean;
  formProps: ActionFormProps;
}) {
  const p = preview.plan;
  const row = (term: string, value: React.ReactNode) => (
    <div className="sm:flex sm:gap-3">
      <dt className="shrink-0 text-slate-600 sm:w-28">{term}</dt>
      <dd className="break-words">{value}</dd>
    </div>
  );
  return (
    <form {...formProps} className="space-y-4" aria-labelledby="cya-heading">
      <h3 id="cya-heading" className="text-lg font-semibold">
        核对后确认：公布后不能撤回
      </h3>
      <dl className="space-y-2 text-sm">
        {row('企业', p.companyName)}
        {row('项目', p.projectName ?? '—')}
        {row('类型', p.type)}
        {row('发生日期', p.occurredOn)}
        {row('事实', p.description)}
        {p.issuer && row('决定机关及文号', p.issuer)}
        {row('情节和扣分', `${p.severity}，扣 ${Number(p.points)} 分`)}
        {row('公示', p.shownToPublic ? `自 ${p.publishedOn} 起向社会公示，最短至 ${p.minPublicUntil ?? '—'}，最长至 ${p.publicUntil}` : `情节轻微，不向社会公示；自 ${p.publishedOn} 起计入信用评价，至 ${p.publicUntil} 止`)}
        {row('红黑榜', p.list ? `列入${LIST_NAMES[p.list.list]}（${p.list.label}），${p.list.since} 至 ${p.list.until}` : '不因此列入红黑榜')}
      </dl>
      <details>
        <summary className="cursor-pointer text-brand-800">企业将收到的警示信用信息告知书</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm">{p.notice}</pre>
      </details>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="points" value={p.points} />
      <input type="hidden" name="severity" value={p.severity} />
      <input type="hidden" name="fingerprint" value={preview.fingerprint} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="confirm" disabled={pending} className="min-h-11 rounded bg-red-800 px-5 py-2 font-medium text-white disabled:opacity-60">
          {pending ? '正在提交…' : '确认核准并公布'}
        </button>
        <button type="submit" name="intent" value="edit" disabled={pending} className="min-h-11 rounded border border-slate-400 px-5 py-2 font-medium text-slate-800 disabled:opacity-60">
          返回修改
        </button>
      </div>
    </form>
  );
}

/** Decline a report, with the reason the reporter will see. */
export function RejectForm({ id, version }: { id: string; version: number }) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(rejectRecordAction, {});
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <Decision id={id} version={version} state={state} />
      <div>
        <Label name="reason">不予采纳的理由</Label>
        <Hint name="reason">报送单位可以看到理由（4 至 500 字）。</Hint>
        <textarea {...controlProps(state, 'reason', true)} key={`r-${state.values?.reason}`} defaultValue={state.values?.reason} rows={3} maxLength={500} className={inputClass} />
        <FieldErr state={state} name="reason" />
      </div>
      <SubmitButton pending={pending} className="rounded border border-red-700 px-5 py-2 font-medium text-red-800 disabled:opacity-60">
        不予采纳
      </SubmitButton>
    </form>
  );
}
