'use client';

import { useActionState } from 'react';
import { controlProps, FieldErr, FILE_ACCEPT, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { filePerformanceAction, type CreditFormState } from '../actions';

/** DW 8.1.3: the company reports a performance (red) record; works without JavaScript. */
export function PerformanceForm({ estates, suggestions, today }: { estates: { id: string; name: string; districtName: string }[]; suggestions: string[]; today: string }) {
  const [state, action, pending] = useActionState<CreditFormState, FormData>(filePerformanceAction, {});
  const v = state.values ?? {};
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.message ?? null} />
      <div>
        <Label name="type">业绩类型</Label>
        <Hint name="type">可从列表中选择，也可以按文件写明（如“获评省级物业服务示范项目”）。</Hint>
        <input {...p('type', true)} key={`t-${v.type}`} defaultValue={v.type} list="performance-types" required maxLength={60} className={inputClass} />
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
        <Hint name="issuer">授予奖励或通报表扬的部门，以及文件编号，如“遂宁市住房和城乡建设局 遂住建发〔2026〕18号”。</Hint>
        <input {...p('issuer', true)} key={`i-${v.issuer}`} defaultValue={v.issuer} required maxLength={100} className={inputClass} />
        <FieldErr state={state} name="issuer" />
      </div>
      <div>
        <Label name="description">情况说明</Label>
        <textarea {...p('description')} key={`d-${v.description}`} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />
        <FieldErr state={state} name="description" />
      </div>
      <div>
        <Label name="proposedPoints">建议加分</Label>
        <Hint name="proposedPoints">0 至 20 分，由住建部门核准确定分值（“红黑榜”管理办法第八条）。</Hint>
        <input {...p('proposedPoints', true)} key={`pp-${v.proposedPoints}`} defaultValue={v.proposedPoints} type="number" min={0} max={20} step={0.5} required inputMode="decimal" className={inputClass} />
        <FieldErr state={state} name="proposedPoints" />
      </div>
      <div>
        <Label name="evidence">证明材料</Label>
        <Hint name="evidence">表彰文件、通报、证书等的扫描件或照片，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。图片会重新编码并去除拍摄位置等信息。</Hint>
        <input {...p('evidence', true)} type="file" multiple required accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="evidence" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交业绩信息'}
      </button>
    </form>
  );
}
