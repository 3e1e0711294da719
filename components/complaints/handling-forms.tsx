'use client';
/**
 * The handlers' plain forms (work without JavaScript): the company's answer, the district's decision. Each carries
 * the case's version: of two handlers, the second is told the case changed (optimistic lock).
 */
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert, inputClass } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { a11yOf, Err, Submit } from '@/components/objections/record-objection-fields';
import { SEVERITIES } from '@/lib/domain/records';

export interface HandlingState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}
type Act = (prev: HandlingState, fd: FormData) => Promise<HandlingState>;

function Hidden({ caseId, version }: { caseId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function Files({ state, label, hint }: { state: HandlingState; label: string; hint: string }) {
  const { e, a11y } = a11yOf(state);
  return (
    <div>
      <label htmlFor="evidence" className="block font-medium">
        {label}
      </label>
      <p id="evidence-hint" className="text-sm text-slate-600">
        {hint}
      </p>
      <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block max-w-full" />
      <Err id="evidence-error" msg={e('evidence')} />
    </div>
  );
}

function TextArea({ state, name, label, hint }: { state: HandlingState; name: string; label: string; hint: string }) {
  const { e, a11y } = a11yOf(state);
  const v = state.values?.[name];
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <p id={`${name}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <textarea {...a11y(name, `${name}-hint`)} key={`${name}-${v}`} defaultValue={v} required rows={5} maxLength={2000} className={inputClass} />
      <Err id={`${name}-error`} msg={e(name)} />
    </div>
  );
}

/** The serving company's answer to a complaint, or its acknowledgement of a praise. */
export function AnswerForm({ act, caseId, version, praise }: { act: Act; caseId: string; version: number; praise: boolean }) {
  const { state, pending, formProps } = useFormAction<HandlingState>(act, {});
  return (
    <form {...formProps} encType="multipart/form-data" className="space-y-4">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      <Hidden caseId={caseId} version={version} />
      <TextArea
        state={state}
        name="answer"
        label={praise ? '回复业主' : '答复内容'}
        hint={praise ? '业主凭查询码可以看到。10 至 2000 字。' : '核实的情况和处理结果，业主凭查询码可以看到，住建部门据此核实。10 至 2000 字。'}
      />
      <Files state={state} label="答复材料（选填）" hint="整改照片、处理记录等，最多 3 个 PDF 或图片文件，每个不超过 5 MB。" />
      <Submit pending={pending} label={praise ? '确认收到' : '提交答复'} />
    </form>
  );
}

/** The district's decision: substantiated with its records, or not substantiated with the reason the owner reads. */
export function DecideForm({
  act,
  caseId,
  version,
  staff,
  named,
  hasCompany,
}: {
  act: Act;
  caseId: string;
  version: number;
  staff: { id: string; name: string; post: string }[];
  /** The staff member the owner named, chosen by default as the responsible person. */
  named: string | null;
  hasCompany: boolean;
}) {
  const { state, pending, formProps } = useFormAction<HandlingState>(act, {});
  const { e, a11y } = a11yOf(state);
  const v = state.values ?? {};
  const outcome = v.outcome ?? '';
  const person = v.practitionerId ?? named ?? '';
  return (
    <form {...formProps} encType="multipart/form-data" className="space-y-5">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      <Hidden caseId={caseId} version={version} />
      <fieldset aria-describedby={e('outcome') ? 'outcome-error' : undefined}>
        <legend className="font-medium">核实结果</legend>
        <div key={`o-${outcome}`} className="mt-1 flex flex-wrap gap-x-6">
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" id="outcome" name="outcome" value="upheld" defaultChecked={outcome === 'upheld'} required />
            投诉属实
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="outcome" value="dismissed" defaultChecked={outcome === 'dismissed'} required />
            投诉不成立
          </label>
        </div>
        <Err id="outcome-error" msg={e('outcome')} />
      </fieldset>
      <TextArea state={state} name="reason" label="核实情况（业主可见）" hint="投诉不成立的，写明理由；属实的，写明查明的事实。10 至 1000 字，业主凭查询码可以看到。" />
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">投诉属实时的处理</legend>
        <p className="text-sm text-slate-600">确认后立即记录并按规定公开：人员不良信息显示在其公开信息中，企业警示信息计入企业信用。</p>
        {staff.length > 0 && (
          <>
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" id="staffRecord" name="staffRecord" defaultChecked={v.staffRecord === 'on' || (!v.outcome && !!named)} aria-describedby={e('staffRecord') ? 'staffRecord-error' : undefined} />
              记入负有责任人员的不良信息（第十三条第五项）
            </label>
            <Err id="staffRecord-error" msg={e('staffRecord')} />
            <div>
              <label htmlFor="practitionerId" className="block font-medium">
                负有责任的人员
              </label>
              <select {...a11y('practitionerId')} key={`p-${person}`} defaultValue={person} className={inputClass}>
                <option value="">请选择</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}（{s.post}）
                  </option>
                ))}
              </select>
              <Err id="practitionerId-error" msg={e('practitionerId')} />
            </div>
          </>
        )}
        {hasCompany && (
          <>
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" id="companyWarning" name="companyWarning" defaultChecked={v.companyWarning === 'on'} aria-describedby={e('companyWarning') ? 'companyWarning-error' : undefined} />
              记入物业服务企业警示信息
            </label>
            <Err id="companyWarning-error" msg={e('companyWarning')} />
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="severity" className="block font-medium">
                  情节轻重
                </label>
                <select {...a11y('severity')} key={`s-${v.severity}`} defaultValue={v.severity ?? ''} className={inputClass}>
                  <option value="">请选择</option>
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <Err id="severity-error" msg={e('severity')} />
              </div>
              <div>
                <label htmlFor="points" className="block font-medium">
                  扣分
                </label>
                <input {...a11y('points')} key={`pt-${v.points}`} defaultValue={v.points} inputMode="decimal" className={inputClass} />
                <Err id="points-error" msg={e('points')} />
              </div>
            </div>
          </>
        )}
        <Files state={state} label="核实材料" hint="调查笔录、现场照片等。记入不良信息须有证明材料：未上传时使用业主照片和企业答复材料，合计最多 5 个文件。" />
      </fieldset>
      <Submit pending={pending} label="提交核实结果" />
    </form>
  );
}
