import type { EvaluationRow, RiskLetter } from '@/db/queries/evaluations';
import { A4_PRINT_CSS, VerifyQr, verifyUrl } from '@/components/documents/verify-qr';
import { formatDateTime } from '@/lib/format';
import { ZT53_TEXT } from '@/lib/services/evaluations-text';
import { Breakdown } from './breakdown';

/**
 * 风险提示函 (ZT 五.(三)), on one A4 page: the article, the score and its breakdown, the interview; the issuing
 * bureau by name (`issuerName`, from the organisations table), room for its seal and the date, and the verification
 * code with its QR (issue 17 item 2). The area's navigation is hidden on paper (A4_PRINT_CSS, AreaShell).
 */
export async function RiskLetterView({ letter, evaluation, issuerName }: { letter: RiskLetter; evaluation: EvaluationRow; issuerName: string }) {
  const s = letter.summary;
  return (
    <article aria-labelledby="letter-heading" className="a4-doc mx-auto max-w-[210mm] rounded-lg bg-white p-8 shadow-sm print:max-w-none print:p-0 print:shadow-none">
      <style>{A4_PRINT_CSS}</style>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 id="letter-heading" className="mb-1 text-center text-2xl font-bold tracking-widest">
            风险提示函
          </h1>
          <p className="mb-6 text-center text-sm text-slate-600">
            编号 <span className="font-mono">{letter.code}</span> · 真伪核验：<span className="break-all">{verifyUrl(letter.code)}</span>
          </p>
        </div>
        <VerifyQr code={letter.code} className="h-[22mm] w-[22mm]" />
      </div>
      <div className="space-y-4 leading-7">
        <p>{s.companyName}（统一社会信用代码 {s.uscc}）：</p>
        <p>
          经年度信用评价，你单位 {s.year} 年度信用评价得分为 <strong>{s.score.toFixed(2)} 分</strong>，低于 {s.line} 分。
        </p>
        <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-800">
          ZT 五.(三)：“{ZT53_TEXT}”
        </blockquote>
        <p>
          现向你单位提示信用风险：请于 <strong>{s.interviewDue}</strong> 前到{s.districtName ?? '所在县（市、区）'}物业行政主管部门接受约谈，
          对照下列扣分事项逐项整改。连续两年信用评价得分低于 {s.line} 分的，将列入全市物业管理服务“黑名单”。
        </p>
        <Breakdown evaluation={evaluation} caption={`${s.year} 年度信用评价得分明细`} />
      </div>
      <div className="mt-8 flex items-end justify-end gap-6 break-inside-avoid">
        <div aria-label="盖章处" className="flex h-[40mm] w-[40mm] items-center justify-center rounded-full border border-dashed border-slate-400 text-sm text-slate-500">
          （盖章处）
        </div>
        <div className="text-right">
          <p className="font-semibold">{issuerName}</p>
          <p className="mt-2">
            日期：<span className="inline-block min-w-[8em] border-b border-slate-500">&nbsp;</span>
          </p>
          <p className="text-sm text-slate-600">出具时间：{formatDateTime(letter.issuedAt)}</p>
        </div>
      </div>
    </article>
  );
}
