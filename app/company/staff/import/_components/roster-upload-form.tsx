'use client';

import { useState } from 'react';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import type { ActionResult } from '@/lib/actions/result';
import type { ImportReport } from '@/lib/services/roster-import';

type Result = ActionResult<ImportReport>;

/** Upload the roster and show the row-by-row report. */
export function RosterUploadForm({ maxBytes }: { maxBytes: number }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ file?: string; informed?: string; form?: string }>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  // Counts refused submits: the error summary takes focus on each.
  const [refusals, setRefusals] = useState(0);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const informed = (form.elements.namedItem('informed') as HTMLInputElement).checked;
    const errs: typeof error = {};
    if (!file) errs.file = '请选择要上传的名册文件';
    else if (file.size > maxBytes) errs.file = `文件不能超过 ${maxBytes / 1024 / 1024} MB，请分多个文件上传`;
    if (!informed) errs.informed = '请确认已向名册中每一位人员告知信息采集的目的和用途';
    setError(errs);
    if (errs.file || errs.informed) {
      setRefusals((n) => n + 1);
      return;
    }
    const body = new FormData();
    body.set('file', file!);
    body.set('informed', 'true');
    setPending(true);
    setReport(null);
    try {
      const res = await fetch('/company/staff/import/upload', { method: 'POST', body });
      const result = (await res.json()) as Result;
      if (result.ok) {
        setReport(result.data);
        form.reset();
      } else {
        setError({ file: result.fieldErrors?.file?.[0], informed: result.fieldErrors?.informed?.[0], form: result.fieldErrors ? undefined : result.message });
        setRefusals((n) => n + 1);
      }
    } catch {
      setError({ form: '上传失败，请检查网络后重试' });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-busy={pending}>
        <ErrorSummary items={summaryItems({ file: error.file, informed: error.informed })} focusKey={refusals} />
        <FormAlert message={error.form ?? null} />
        <div>
          <label htmlFor="file" className="block font-medium">
            名册文件（.xlsx）
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!error.file}
            aria-describedby={error.file ? 'file-error' : undefined}
            className="mt-1 block"
          />
          {error.file && (
            <p id="file-error" className="mt-1 text-sm text-red-700">
              {error.file}
            </p>
          )}
        </div>
        <div>
          <label className="flex items-start gap-2">
            <input id="informed" name="informed" type="checkbox" className="mt-1" aria-invalid={!!error.informed} aria-describedby={error.informed ? 'informed-error' : undefined} />
            <span>我已向名册中的每一位人员告知信息采集的目的和用途（SN 5），并只填写了名册所列项目。</span>
          </label>
          {error.informed && (
            <p id="informed-error" className="mt-1 text-sm text-red-700">
              {error.informed}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
          {pending ? '正在逐行校验并登记…' : '上传并登记'}
        </button>
      </form>
      {report && <ImportReportView report={report} />}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const rejected = report.rows.filter((r) => !r.accepted);
  const accepted = report.rows.filter((r) => r.accepted);
  return (
    <section aria-labelledby="report" className="space-y-4">
      <h2 id="report" className="text-lg font-bold">
        导入结果
      </h2>
      <p role="status" className={`rounded px-3 py-2 ${report.rejected ? 'bg-amber-50 text-amber-900' : 'bg-green-50 text-green-900'}`}>
        共 {report.total} 行：接受 {report.accepted} 行，未接受 {report.rejected} 行
        {report.photoMissing > 0 && `；${report.photoMissing} 人待补证件照`}
        {report.late > 0 && `；${report.late} 人逾期登记`}。已接受的人员已提交区县住建部门审核。
      </p>
      {rejected.length > 0 && (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="p-2 text-left font-bold text-red-800">未接受的行（未写入任何数据，请改正后重新上传这些行）</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-3 py-2">行号</th>
                <th scope="col" className="px-3 py-2">姓名</th>
                <th scope="col" className="px-3 py-2">身份证号码</th>
                <th scope="col" className="px-3 py-2">原因</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((r) => (
                <tr key={r.row} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">第 {r.row} 行</th>
                  <td className="px-3 py-2">{r.name || '—'}</td>
                  <td className="px-3 py-2 font-mono">{r.idNumberMasked ?? '—'}</td>
                  <td className="px-3 py-2">
                    <ul className="list-disc pl-4">
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}</strong>：{e.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {accepted.length > 0 && (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="p-2 text-left font-bold text-green-800">已接受的行</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-3 py-2">行号</th>
                <th scope="col" className="px-3 py-2">姓名</th>
                <th scope="col" className="px-3 py-2">身份证号码</th>
                <th scope="col" className="px-3 py-2">服务项目</th>
                <th scope="col" className="px-3 py-2">登记期限</th>
                <th scope="col" className="px-3 py-2">提示</th>
              </tr>
            </thead>
            <tbody>
              {accepted.map((r) => (
                <tr key={r.row} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">第 {r.row} 行</th>
                  <td className="px-3 py-2">{r.name}</td>
                  <td className="px-3 py-2 font-mono">{r.idNumberMasked}</td>
                  <td className="px-3 py-2">{r.estate}</td>
                  <td className="px-3 py-2">{r.deadline}</td>
                  <td className="px-3 py-2">
                    {r.late && <span className="mr-1 inline-block rounded bg-red-100 px-1 text-red-900">逾期 {r.workingDaysOverdue} 个工作日</span>}
                    {r.photoMissing && <span className="inline-block rounded bg-amber-100 px-1 text-amber-900">待补证件照</span>}
                    {r.photoNote && <span className="block text-xs text-slate-600">{r.photoNote}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
