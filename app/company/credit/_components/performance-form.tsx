'use client';

import { DateField, DescriptionField, EstateField, EvidenceField, IssuerField, PointsField, SubmitButton, TypeField } from '@/components/credit/record-fields';
import { FormAlert } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { filePerformanceAction, type CreditFormState } from '../actions';

/** DW 8.1.3: the company reports a performance (red) record; works without JavaScript. */
export function PerformanceForm({ estates, suggestions, today }: { estates: { id: string; name: string; districtName: string }[]; suggestions: string[]; today: string }) {
  const { state, pending, formProps } = useFormAction<CreditFormState>(filePerformanceAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <TypeField
        state={state}
        label="业绩类型"
        hint="可从列表中选择，也可以按文件写明（如“获评省级物业服务示范项目”）。"
        listId="performance-types"
        suggestions={suggestions}
      />
      <EstateField state={state} label="相关物业项目（选填）" estates={estates.map((e) => ({ id: e.id, name: e.name, detail: e.districtName }))} />
      <DateField state={state} label="获得日期" today={today} />
      <IssuerField state={state} label="发文单位及文号" hint="授予奖励或通报表扬的部门，以及文件编号，如“遂宁市住房和城乡建设局 遂住建发〔2026〕18号”。" required />
      <DescriptionField state={state} label="情况说明" />
      <PointsField state={state} name="proposedPoints" label="建议加分" hint="0 至 20 分，由住建部门核准确定分值（“红黑榜”管理办法第八条）。" />
      <EvidenceField
        state={state}
        label="证明材料"
        hint="表彰文件、通报、证书等的扫描件或照片，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。图片会重新编码并去除拍摄位置等信息。"
        required
      />
      <SubmitButton pending={pending}>提交业绩信息</SubmitButton>
    </form>
  );
}
