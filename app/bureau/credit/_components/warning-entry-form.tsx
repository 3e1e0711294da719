'use client';

import { useActionState } from 'react';
import { controlProps, errorOf, FieldErr, FILE_ACCEPT, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { SEVERITIES, SEVERITY_HINTS } from '@/lib/domain/records';
import { enterWarningAction, type BureauCreditState } from '../actions';

/** A bureau enters a warning record directly (confirmed at once), possibly an administrative penalty. */
export function WarningEntryForm({
  companyId,
  estates,
  suggestions,
  today,
  penaltyDays,
}: {
  companyId: string;
  estates: { id: string; name: string; districtName: string }[];
  suggestions: string[];
  today: string;
  penaltyDays: number;
}) {
  const [state, action, pending] = useActionState<BureauCreditState, FormData>(enterWarningAction, {});
  const v = state.values ?? {};
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  const severityError = errorOf(state, 'severity');
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="companyId" value={companyId} />
      <FormAlert message={state.message ?? null} />
      <div>
        <Label name="projectId">物业项目（选填）</Label>
        <select {...p('projectId')} key={`p-${v.projectId}`} defaultValue={v.projectId ?? ''} className={inputClass}>
          <option value="">不针对某个项目（企业整体）</option>
          {estates.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}（{e.districtName}）
            </option>
          ))}
        </select>
        <FieldErr state={state} name="projectId" />
      </div>
      <div>
        <Label name="type">警示类型</Label>
        <input {...p('type')} key={`t-${v.type}`} defaultValue={v.type} list="warning-types" required maxLength={60} className={inputClass} />
        <datalist id="warning-types">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldErr state={state} name="type" />
      </div>
      <div>
        <Label name="occurredOn">发生日期</Label>
        <input {...p('occurredOn')} key={`o-${v.occurredOn}`} defaultValue={v.occurredOn} type="date" max={today} required className={inputClass} />
        <FieldErr state={state} name="occurredOn" />
      </div>
      <div>
        <Label name="description">违规事实</Label>
        <textarea {...p('description')} key={`d-${v.description}`} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />
        <FieldErr state={state} name="description" />
      </div>
      <fieldset aria-describedby={severityError ? 'severity-error' : undefined}>
        <legend className="font-medium">情节</legend>
        <div className="mt-1 space-y-1">
          {SEVERITIES.map((s) => (
            <label key={s} className="flex items-start gap-2">
              <input type="radio" name="severity" value={s} defaultChecked={v.severity === s} required className="mt-1" />
              <span>
                {s}
                <span className="block text-xs text-slate-600">{SEVERITY_HINTS[s]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErr state={state} name="severity" />
      </fieldset>
      <div>
        <Label name="points">扣分</Label>
        <Hint name="points">0 至 20 分。</Hint>
        <input {...p('points', true)} key={`pt-${v.points}`} defaultValue={v.points} type="number" min={0} max={20} step={0.5} required inputMode="decimal" className={inputClass} />
        <FieldErr state={state} name="points" />
      </div>
      <fieldset className="space-y-3 rounded border border-slate-300 p-4">
        <legend className="px-1 font-medium">行政处罚</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isPenalty" defaultChecked={v.isPenalty === 'on'} />
          这是一项行政处罚
        </label>
        <p className="text-sm text-slate-600">行政处罚信息应在处罚决定作出之日起 {penaltyDays} 个工作日内公布（按法定节假日安排计算）。</p>
        <div>
          <Label name="decisionOn">处罚决定日期</Label>
          <input {...p('decisionOn')} key={`dc-${v.decisionOn}`} defaultValue={v.decisionOn} type="date" max={today} className={inputClass} />
          <FieldErr state={state} name="decisionOn" />
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="publishNow" defaultChecked={v.publishNow === 'on'} />
          立即公布（不勾选则列入“待公布的行政处罚”，在期限内发布）
        </label>
      </fieldset>
      <div>
        <Label name="issuer">决定机关及文号</Label>
        <Hint name="issuer">行政处罚必填，如“船山区住房和城乡建设局 船住建罚决〔2026〕7号”。</Hint>
        <input {...p('issuer', true)} key={`i-${v.issuer}`} defaultValue={v.issuer} maxLength={100} className={inputClass} />
        <FieldErr state={state} name="issuer" />
      </div>
      <div>
        <Label name="evidence">证据材料（选填）</Label>
        <Hint name="evidence">处罚决定书、检查记录、现场照片等，最多 5 个 PDF 或图片文件，每个不超过 10 MB。</Hint>
        <input {...p('evidence', true)} type="file" multiple accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="evidence" />
      </div>
      <p className="text-sm text-slate-700">提交后即确认生效，并向企业送达告知书（记录内容及异议、信用修复途径）。</p>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '录入警示信息'}
      </button>
    </form>
  );
}
