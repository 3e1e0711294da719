import type { EvaluationRow, RiskLetter } from '@/db/queries/evaluations';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { ZT53_TEXT } from '@/lib/services/evaluations-text';
import { Breakdown } from './breakdown';

/** 风险提示函 (ZT 五.(三)), on one A4 page: the article, the score and its breakdown, the interview. */
export function RiskLetterView({ letter, evaluation }: { letter: RiskLetter; evaluation: EvaluationRow }) {
  const s = letter.summary;
  return (
    <article aria-labelledby="letter-heading" className="mx-auto max-w-[210mm] rounded-lg bg-white p-8 shadow-sm print:max-w-none print:p-0 print:shadow-none">
      <style>{'@page { size: A4; margin: 18mm; }'}</style>
      <h1 id="letter-heading" className="mb-1 text-center text-2xl font-bold tracking-widest">
        风险提示函
      </h1>
      <p className="mb-6 text-center text-sm text-slate-600">
        编号 {letter.code} · 真伪核验：{env().siteUrl}/verify/{letter.code}
      </p>
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
      <p className="mt-8 text-right">物业行政主管部门</p>
      <p className="text-right text-sm text-slate-600">出具时间：{formatDateTime(letter.issuedAt)}</p>
    </article>
  );
}
