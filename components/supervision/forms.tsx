'use client';
/**
 * The supervision forms (SN 23, 24): plain forms that work without JavaScript; each order form carries the
 * order's version (optimistic lock). Irreversible steps (acceptance, criticism) are confirmed on their own page.
 */
import type { ReactNode } from 'react';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert, inputClass } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { a11yOf, Err, Submit } from '@/components/objections/record-objection-fields';

export interface SupervisionState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
}
type Act = (prev: SupervisionState, fd: FormData) => Promise<SupervisionState>;
type Opt = { value: string; label: string };

const val = (s: SupervisionState, k: string, d = ''): string => {
  const v = s.values?.[k];
  return typeof v === 'string' ? v : d;
};
const vals = (s: SupervisionState, k: string, d: string[]): string[] => {
  const v = s.values?.[k];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : d;
};

function Shell({ act, children, submit, multipart = false }: { act: Act; children: (s: SupervisionState) => ReactNode; submit: string; multipart?: boolean }) {
  const { state, pending, formProps } = useFormAction<SupervisionState>(act, {});
  return (
    <form {...formProps} encType={multipart ? 'multipart/form-data' : undefined} className="space-y-4">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      {children(state)}
      <Submit pending={pending} label={submit} />
    </form>
  );
}

function TextField({ s, name, label, hint, initial = '', type = 'text', area = false, required = true }: { s: SupervisionState; name: string; label: string; hint?: string; initial?: string; type?: string; area?: boolean; required?: boolean }) {
  const { e, a11y } = a11yOf({ fieldErrors: s.fieldErrors });
  const v = val(s, name, initial);
  const props = { ...a11y(name, hint ? `${name}-hint` : undefined), key: `${name}-${v}`, defaultValue: v, required, className: inputClass };
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {area ? <textarea {...props} rows={4} maxLength={2000} /> : <input {...props} type={type} />}
      <Err id={`${name}-error`} msg={e(name)} />
    </div>
  );
}

function Choices({ s, name, legend, options, initial, multiple = false }: { s: SupervisionState; name: string; legend: string; options: Opt[]; initial: string[]; multiple?: boolean }) {
  const { e } = a11yOf({ fieldErrors: s.fieldErrors });
  const chosen = vals(s, name, initial);
  return (
    <fieldset id={name} aria-describedby={e(name) ? `${name}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type={multiple ? 'checkbox' : 'radio'} name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="mt-1 h-5 w-5 shrink-0" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <Err id={`${name}-error`} msg={e(name)} />
    </fieldset>
  );
}

function Files({ s }: { s: SupervisionState }) {
  const { e, a11y } = a11yOf({ fieldErrors: s.fieldErrors });
  return (
    <div>
      <label htmlFor="evidence" className="block font-medium">
        整改证明材料（选填）
      </label>
      <p id="evidence-hint" className="text-sm text-slate-600">
        整改后的照片、补录清单、制度文件等，最多 3 个 PDF 或图片文件，每个不超过 5 MB；图片会去除拍摄信息后保存。
      </p>
      <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block max-w-full" />
      <Err id="evidence-error" msg={e('evidence')} />
    </div>
  );
}

/** SN 23: the year's verification of one estate (a first one, or an amendment of the year's record). */
export function VerificationForm(p: {
  act: Act;
  projectId: string;
  version: number;
  today: string;
  items: Opt[];
  followUps: Opt[];
  initial: { verifiedOn: string; checks: string[]; note: string; discrepancyCount: string; discrepancies: string; followUp: string };
}) {
  return (
    <Shell act={p.act} submit={p.version ? '保存修改' : '保存核查记录'}>
      {(s) => (
        <>
          <input type="hidden" name="projectId" value={p.projectId} />
          <input type="hidden" name="version" value={p.version} />
          <TextField s={s} name="verifiedOn" label="核查日期" type="date" initial={p.initial.verifiedOn} />
          <Choices s={s} name="checks" legend="已核查的内容（可多选）" options={p.items} initial={p.initial.checks} multiple />
          <TextField s={s} name="note" label="其他核查情况（选填）" area required={false} initial={p.initial.note} />
          <TextField s={s} name="discrepancyCount" label="发现的问题数量" type="number" hint="没有发现问题填 0。" initial={p.initial.discrepancyCount} />
          <TextField s={s} name="discrepancies" label="发现的问题（有问题时必填）" area required={false} hint="例如：2 名保安员在岗但未录入；1 名电工证书已过期。" initial={p.initial.discrepancies} />
          <Choices s={s} name="followUp" legend="后续处理" options={p.followUps} initial={[p.initial.followUp]} />
        </>
      )}
    </Shell>
  );
}

/** SN 24: the order to a company (its estates in scope, the ground, the facts, the deadline). */
export function OrderForm(p: { act: Act; companyId: string; verificationId: string; estates: Opt[]; grounds: Opt[]; initial: { facts: string; dueOn: string; projectIds: string[] } }) {
  return (
    <Shell act={p.act} submit="下发整改通知">
      {(s) => (
        <>
          <input type="hidden" name="companyId" value={p.companyId} />
          <input type="hidden" name="verificationId" value={p.verificationId} />
          <Choices s={s} name="ground" legend="整改事由（《遂宁市物业服务从业人员执业管理办法》第二十四条）" options={p.grounds} initial={[]} />
          <Choices s={s} name="projectIds" legend="涉及的小区" options={p.estates} initial={p.initial.projectIds} multiple />
          <TextField s={s} name="facts" label="发现的问题" area hint="企业会看到这段文字。10 至 2000 字。" initial={p.initial.facts} />
          <TextField s={s} name="dueOn" label="整改期限" type="date" hint="默认按信用评价办法的期限计算，可以修改。" initial={p.initial.dueOn} />
        </>
      )}
    </Shell>
  );
}

/** The company's answer (again after a return). */
export function AnswerForm({ act, orderId, version }: { act: Act; orderId: string; version: number }) {
  return (
    <Shell act={act} submit="报送整改情况" multipart>
      {(s) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="version" value={version} />
          <TextField s={s} name="answer" label="整改情况" area hint="做了哪些整改、结果如何。主管部门据此验收。10 至 2000 字。" />
          <Files s={s} />
        </>
      )}
    </Shell>
  );
}

/** Return with the reason (acceptance is confirmed on its own page). */
export function ReturnForm({ act, orderId, version }: { act: Act; orderId: string; version: number }) {
  return (
    <Shell act={act} submit="退回重新整改">
      {(s) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="outcome" value="return" />
          <TextField s={s} name="reason" label="退回理由" area hint="企业会看到这段文字。" />
        </>
      )}
    </Shell>
  );
}

/** The final button of a confirmed step (acceptance, criticism): the page above it says exactly what will happen. */
export function ConfirmForm({ act, orderId, version, fields, label }: { act: Act; orderId: string; version: number; fields: Record<string, string>; label: string }) {
  return (
    <Shell act={act} submit={label}>
      {() => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="version" value={version} />
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        </>
      )}
    </Shell>
  );
}

export function InterviewForm({ act, orderId, version, today }: { act: Act; orderId: string; version: number; today: string }) {
  return (
    <Shell act={act} submit="保存约谈记录">
      {(s) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="version" value={version} />
          <TextField s={s} name="heldOn" label="约谈日期" type="date" initial={today} />
          <TextField s={s} name="place" label="约谈地点" />
          <TextField s={s} name="attendees" label="参加人员" hint="双方参加人员的姓名和职务。" />
          <TextField s={s} name="summary" label="约谈内容" area hint="指出的问题、企业的表态和整改承诺。" />
        </>
      )}
    </Shell>
  );
}
