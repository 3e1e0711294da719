'use client';

import { FormAlert } from '@/components/forms/field';
import { CodeStep, IdentityStep } from '@/components/objections/identity-steps';
import { Err, NameInput, NoticeIdentityFields, PhoneInput, ReasonAndEvidence, Submit, a11yOf } from '@/components/objections/record-objection-fields';
import { RECORD_KIND_LABELS } from '@/lib/domain/objections';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import {
  fileOwnRecordByNoticeAction,
  filePublicRecordObjectionAction,
  ownRecordLookupAction,
  type RecordObjectionFormState,
} from '../actions';
import { OwnDataUseSection } from './own-data-use';

type State = RecordObjectionFormState;

/** What is wrong and the written evidence, then the submit button: the end of each record objection form. */
function ObjectionContent({ state, pending }: { state: State; pending: boolean }) {
  return (
    <>
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">异议内容</legend>
          <ReasonAndEvidence state={state} />
        </fieldset>
        <Submit pending={pending} />
    </>
  );
}

/** DW 9 第二款: anyone about a published record — who they are, a phone, what is wrong, written evidence. */
export function PublicRecordObjectionForm({ subject, recordId }: { subject: 'credit_record' | 'practitioner_record'; recordId: string }) {
  const { state, pending, formProps } = useFormAction<State>(filePublicRecordObjectionAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="recordId" value={recordId} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">异议人</legend>
        <p id="who-hint" className="text-sm text-slate-600">
          用于住建部门核查时与您联系，不会公开。
        </p>
        <NameInput state={state} label="姓名或单位名称" />
        <PhoneInput state={state} name="phone" label="联系电话" />
      </fieldset>
      <ObjectionContent state={state} pending={pending} />
    </form>
  );
}

/** SN 18: the person about their own record, by the code on the notice they were given. */
export function OwnRecordNoticeForm({ noticeCode }: { noticeCode?: string }) {
  const { state, pending, formProps } = useFormAction<State>(fileOwnRecordByNoticeAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <NoticeIdentityFields state={state} noticeCode={noticeCode} />
      <ObjectionContent state={state} pending={pending} />
    </form>
  );
}

/** SN 18 without the notice: name, ID number and mobile, the code sent to the registered mobile, then the person's records. */
export function OwnRecordLookupForm() {
  const { state, pending, formProps } = useFormAction<State>(ownRecordLookupAction, {});
  const { e } = a11yOf(state);
  const v = state.values;
  const lookup = state.lookup;
  if (!lookup) {
    if (state.challenge) return <CodeStep state={state} formProps={formProps} pending={pending} restartHref="/objections/new?mode=own-record-lookup" submitLabel="查找本人记录" />;
    return <IdentityStep state={state} formProps={formProps} pending={pending} />;
  }
  const ownUse = <OwnDataUseSection token={lookup.token} dataUse={lookup.dataUse} />;
  if (lookup.records.length === 0) {
    return (
      <>
        <p role="status" className="rounded bg-slate-50 p-4">
          {lookup.name}，平台上没有您的有效奖惩记录，无需提出异议。如认为本人登记信息有误，请使用“本人信息有误”提出异议。
        </p>
        {ownUse}
      </>
    );
  }
  return (
    <>
      <form {...formProps} className="space-y-5" noValidate>
        <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
        <FormAlert message={state.message ?? null} />
        <input type="hidden" name="step" value="file" />
        <input type="hidden" name="token" value={lookup.token} />
        <fieldset className="space-y-3" aria-describedby={e('recordId') ? 'recordId-error' : undefined}>
          <legend className="text-lg font-semibold">第三步：选择有误的记录（{lookup.name}）</legend>
          {lookup.records.map((r) => (
            <div key={r.id} className="flex gap-3 rounded border border-slate-200 p-3">
              <input type="radio" id={`rec-${r.id}`} name="recordId" value={r.id} defaultChecked={v?.recordId === r.id} required className="mt-1" />
              <label htmlFor={`rec-${r.id}`}>
                <span className="font-medium">
                  {RECORD_KIND_LABELS[r.kind]}：{r.type}
                </span>
                <span className="block text-sm text-slate-700">
                  {r.occurredOn} · {r.issuer}
                </span>
                <span className="block text-sm text-slate-700">{r.description}</span>
              </label>
            </div>
          ))}
          <Err id="recordId-error" msg={e('recordId')} />
        </fieldset>
        <ObjectionContent state={state} pending={pending} />
      </form>
      {ownUse}
    </>
  );
}
