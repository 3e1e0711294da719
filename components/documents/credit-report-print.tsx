import type { StoredCreditReport } from '@/db/queries/credit-reports';
import { CREDIT_REPORT_VALID_DAYS, creditReportRows } from '@/lib/domain/credit-report';
import { formatDateTime } from '@/lib/format';
import { A4_PRINT_CSS, VerifyQr, verifyUrl } from './verify-qr';

/** 企业信用报告 on one A4 page: the facts fixed at issue, each explained, with its verification code and QR. */
export async function CreditReportPrint({ report }: { report: StoredCreditReport }) {
  const s = report.summary;
  const rows = creditReportRows(s.facts);
  return (
    <article aria-labelledby="report-heading" className="a4-doc mx-auto max-w-[210mm] rounded-lg bg-white p-8 shadow-sm">
      <style>{A4_PRINT_CSS}</style>
      <div className="flex items-start justify-between gap-4 border-b border-slate-300 pb-3">
        <div>
          <h1 id="report-heading" className="text-2xl font-bold tracking-widest">
            企业信用报告
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            编号 <span className="font-mono">{report.code}</span>
          </p>
          <p className="text-sm text-slate-700">出具日期 {s.issuedOn}，有效期 {CREDIT_REPORT_VALID_DAYS} 日（至 {report.validUntil}）</p>
        </div>
        <VerifyQr code={report.code} />
      </div>
      <dl className="mt-4 grid grid-cols-[11rem_1fr] gap-x-4 gap-y-2">
        <dt className="text-slate-600">企业名称</dt>
        <dd className="font-semibold">{s.companyName}</dd>
        <dt className="text-slate-600">统一社会信用代码</dt>
        <dd className="font-mono">{s.uscc}</dd>
        {s.districtName && (
          <>
            <dt className="text-slate-600">所在区县</dt>
            <dd>{s.districtName}</dd>
          </>
        )}
        {s.purpose && (
          <>
            <dt className="text-slate-600">用途</dt>
            <dd>{s.purpose}</dd>
          </>
        )}
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="explain-heading" className="mt-5 space-y-2 text-sm leading-6">
        <h2 id="explain-heading" className="font-semibold">
          说明
        </h2>
        <p>{s.gradeExplained}</p>
        <p>{s.scoreExplained}</p>
        <p>红黑榜：{s.listExplained}</p>
        <p>
          招投标信用资格（遂宁市物业服务招投标信用管理规定，信用等级为 A 级及以上）：
          {s.facts.eligible ? '出具当日具备。' : `出具当日不具备：${s.eligibilityReasons.join('；')}。`}
        </p>
      </section>
      <div className="mt-6 flex items-end justify-between gap-4 border-t border-slate-300 pt-3 text-sm text-slate-700">
        <p className="max-w-[60%]">
          本报告内容以出具时平台记录为准。扫描二维码或访问 <span className="break-all">{verifyUrl(report.code)}</span> 核验真伪，并查看所载信息今天是否仍然有效。
        </p>
        <p className="text-right">
          {s.issuerName}
          <br />
          出具时间：{formatDateTime(report.issuedAt)}
        </p>
      </div>
    </article>
  );
}
