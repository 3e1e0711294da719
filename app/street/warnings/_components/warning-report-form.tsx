'use client';

import { useActionState } from 'react';
import { controlProps, errorOf, FieldErr, FILE_ACCEPT, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { SEVERITIES, SEVERITY_HINTS } from '@/lib/domain/records';
import { reportWarningAction, type WarningReportState } from '../actions';

export function WarningReportForm({
  estates,
  suggestions,
  today,
}: {
  estates: { id: string; name: string; companyName: string }[];
  suggestions: string[];
  today: string;
}) {
  const [state, action, pending] = useActionState<WarningReportState, FormData>(reportWarningAction, {});
  const v = state.values ?? {};
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  const severityError = errorOf(state, 'severity');
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.message ?? null} />
      <div>
        <Label name="projectId">物业项目</Label>
        <Hint name="projectId">本街道（社区）辖区内的项目；警示信息记入该项目目前的物业服务企业。</Hint>
        <select {...p('projectId', true)} key={`p-${v.projectId}`} defaultValue={v.projectId ?? ''} required className={inputClass}>
          <option value="" disabled>
            请选择
          </option>
          {estates.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}（{e.companyName}）
            </option>
          ))}
        </select>
        <FieldErr state={state} name="projectId" />
      </div>
      <div>
        <Label name="type">警示类型</Label>
        <Hint name="type">可从列表中选择常见情形，也可以直接填写。</Hint>
        <input {...p('type', true)} key={`t-${v.type}`} defaultValue={v.type} list="warning-types" required maxLength={60} className={inputClass} />
        <datalist id="warning-types">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldErr state={state} name="type" />
      </div>
      <div>
        <Label name="occurredOn">发现日期</Label>
        <input {...p('occurredOn')} key={`o-${v.occurredOn}`} defaultValue={v.occurredOn} type="date" max={today} required className={inputClass} />
        <FieldErr state={state} name="occurredOn" />
      </div>
      <div>
        <Label name="description">违规事实</Label>
        <Hint name="description">时间、地点、具体情况和已采取的措施（如责令整改），10 至 1000 字。</Hint>
        <textarea {...p('description', true)} key={`d-${v.description}`} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />
        <FieldErr state={state} name="description" />
      </div>
      <fieldset aria-describedby={severityError ? 'severity-error' : undefined}>
        <legend className="font-medium">建议情节</legend>
        <p className="text-sm text-slate-600">情节轻重决定公示期限，由住建部门核定。</p>
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
        <Label name="proposedPoints">建议扣分</Label>
        <Hint name="proposedPoints">0 至 20 分，由住建部门核准确定分值（“红黑榜”管理办法第八条）。</Hint>
        <input {...p('proposedPoints', true)} key={`pp-${v.proposedPoints}`} defaultValue={v.proposedPoints} type="number" min={0} max={20} step={0.5} required inputMode="decimal" className={inputClass} />
        <FieldErr state={state} name="proposedPoints" />
      </div>
      <div>
        <Label name="evidence">证据材料</Label>
        <Hint name="evidence">现场照片、检查记录、整改通知等，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。图片会重新编码并去除拍摄位置等信息。</Hint>
        <input {...p('evidence', true)} type="file" multiple required accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="evidence" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交警示信息'}
      </button>
    </form>
  );
}
