'use client';

import { useActionState } from 'react';
import { controlProps, FieldErr, FILE_ACCEPT, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { enterPerformanceAction, type BureauCreditState } from '../actions';

/** A bureau enters a performance record directly, with its points. */
export function PerformanceEntryForm({
  companyId,
  estates,
  suggestions,
  today,
}: {
  companyId: string;
  estates: { id: string; name: string; districtName: string }[];
  suggestions: string[];
  today: string;
}) {
  const [state, action, pending] = useActionState<BureauCreditState, FormData>(enterPerformanceAction, {});
  const v = state.values ?? {};
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="companyId" value={companyId} />
      <FormAlert message={state.message ?? null} />
      <div>
        <Label name="type">业绩类型</Label>
        <input {...p('type')} key={`t-${v.type}`} defaultValue={v.type} list="performance-types" required maxLength={60} className={inputClass} />
        <datalist id="performance-types">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldErr state={state} name="type" />
      </div>
      <div>
        <Label name="projectId">相关物业项目（选填）</Label>
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
        <Label name="occurredOn">获得日期</Label>
        <input {...p('occurredOn')} key={`o-${v.occurredOn}`} defaultValue={v.occurredOn} type="date" max={today} required className={inputClass} />
        <FieldErr state={state} name="occurredOn" />
      </div>
      <div>
        <Label name="issuer">发文单位及文号</Label>
        <input {...p('issuer')} key={`i-${v.issuer}`} defaultValue={v.issuer} required maxLength={100} className={inputClass} />
        <FieldErr state={state} name="issuer" />
      </div>
      <div>
        <Label name="description">情况说明</Label>
        <textarea {...p('description')} key={`d-${v.description}`} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />
        <FieldErr state={state} name="description" />
      </div>
      <div>
        <Label name="points">加分</Label>
        <Hint name="points">0 至 20 分。录入后即公布，公示 1 年。</Hint>
        <input {...p('points', true)} key={`pt-${v.points}`} defaultValue={v.points} type="number" min={0} max={20} step={0.5} required inputMode="decimal" className={inputClass} />
        <FieldErr state={state} name="points" />
      </div>
      <div>
        <Label name="evidence">证明材料（选填）</Label>
        <Hint name="evidence">最多 5 个 PDF 或图片文件，每个不超过 10 MB。</Hint>
        <input {...p('evidence', true)} type="file" multiple accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="evidence" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '录入业绩信息'}
      </button>
    </form>
  );
}
