import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listCompanyEstates } from '@/db/queries/roster';
import { requireActor } from '@/lib/auth/actor';
import { IMPORT_COLUMNS, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS } from '@/lib/domain/roster';
import { PURPOSE_NOTE } from '@/lib/services/roster-import';
import { RosterUploadForm } from './_components/roster-upload-form';

export const metadata: Metadata = { title: '名册导入', robots: { index: false } };

export default async function RosterImportPage() {
  const actor = await requireActor(['company'], '/company/staff/import');
  const estates = await listCompanyEstates(getDb(), actor.companyId!);
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-bold">从业人员信息名册导入</h1>
      <section aria-labelledby="purpose" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
        <h2 id="purpose" className="font-bold">信息采集的目的和用途</h2>
        <p className="mt-1">{PURPOSE_NOTE}</p>
      </section>
      <section aria-labelledby="how" className="space-y-2 rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 id="how" className="text-base font-bold">填写与上传</h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            <a href="/company/staff/import/template.xlsx" className="text-brand-800 underline" download>
              下载名册模板（.xlsx）
            </a>
            ，每位人员填写一行；“填表说明”工作表列出各列的要求。
          </li>
          <li>必填列：{IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、')}。</li>
          <li>日期写作 2026-09-28；身份证号码列须为“文本”格式；资格证书每项写作“名称|编号|发证机关|有效期”，多项用“;”分隔。</li>
          <li>证件照以浮动图片粘贴在本行的证件照单元格内；没有照片的人员先登记，之后在人员页面补传，补齐前不能审核通过。</li>
          <li>
            每个文件最多 {ROSTER_MAX_ROWS} 行、不超过 {ROSTER_MAX_BYTES / 1024 / 1024} MB。每行单独校验：符合要求的行即登记并提交区县审核，未接受的行列出原因，改正后只需重新上传这些行。
          </li>
        </ol>
      </section>
      <RosterUploadForm maxBytes={ROSTER_MAX_BYTES} />
      <section aria-labelledby="export" className="rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 id="export" className="text-base font-bold">导出在册人员名册</h2>
        {estates.length === 0 ? (
          <p className="mt-1 text-slate-600">本企业暂无在管项目。</p>
        ) : (
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {estates.map((e) => (
              <li key={e.id}>
                <a href={`/company/staff/roster.xlsx?project=${e.id}`} className="text-brand-800 underline" download>
                  {e.name} 信息名册（.xlsx）
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
