/**
 * A company's credit at a glance (issue 16 item 5): list status first, the grade with its legend, today's score
 * with one sentence of why. The profile shows the whole summary; the estate page shows status and grade beside
 * the company's name. Server components, no client JavaScript.
 */
import type { PublicCreditSummary } from '@/db/queries/public-lists';
import type { CreditPolicy } from '@/lib/domain/credit-policy';
import type { Grade, ListStatus } from '@/lib/domain/credit-rating';
import type { CompanyFlagKind } from '@/lib/domain/company-flags';
import { FlagBadge } from './company-flags';
import { LIST_STATUS_MEANING, LIST_STATUS_WORDS, gradeLegend, gradeVersusScore, scoreSentence } from '@/lib/domain/lay-summary';

const STATUS_STYLE: Record<ListStatus, string> = {
  red: 'bg-red-list text-white',
  black: 'bg-black-list text-white',
  none: 'border border-slate-400 bg-white text-slate-900',
};

export function ListStatusBadge({ status }: { status: ListStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLE[status]}`}>
      <span className="sr-only">红黑榜：</span>
      {LIST_STATUS_WORDS[status]}
    </span>
  );
}

export function GradeBadge({ grade, year }: { grade: Grade | null; year?: number | null }) {
  return (
    <span className="inline-block rounded border border-brand-700 px-2 py-0.5 text-sm font-semibold text-brand-800">
      {grade ? `信用等级 ${grade} 级${year ? `（${year} 年度）` : ''}` : '暂无信用等级'}
    </span>
  );
}

/** The legend of the grades, from the policy in force. */
export function GradeLegend({ policy }: { policy: Pick<CreditPolicy, 'grades'> }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="信用等级标准">
      {gradeLegend(policy).map((b) => (
        <li key={b.grade}>
          <strong>{b.grade} 级</strong>：{b.text}
        </li>
      ))}
    </ul>
  );
}

/** The top of the credit profile: status, grade and score, each with a plain sentence. */
export function CreditLaySummary({
  summary,
  policy,
  flags = [],
}: {
  summary: PublicCreditSummary;
  policy: Pick<CreditPolicy, 'grades'>;
  /** DW 14 flags in force (issue 17 item 8): shown as badges, explained in the section they link to. */
  flags?: readonly CompanyFlagKind[];
}) {
  const status = summary.listStatus;
  const e = summary.evaluation;
  const o = summary.outlook;
  const why = status === 'none' ? [] : summary.listEntries.filter((x) => x.activeOn && x.list === status);
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border-2 border-brand-100 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
        信用概况
      </h2>
      <dl className="space-y-4">
        <div>
          <dt className="text-sm text-slate-600">红黑榜（{summary.on}）</dt>
          <dd className="mt-1">
            <ListStatusBadge status={status} />
            <span className="ml-2 text-slate-800">{LIST_STATUS_MEANING[status]}</span>
            {why.length > 0 && (
              <ul className="mt-1 list-inside list-disc text-sm text-slate-800">
                {why.map((x) => (
                  <li key={x.id}>
                    {x.rule.label}
                    {x.project && <>（{x.project.name}）</>}
                    ，列入 {x.since}
                  </li>
                ))}
              </ul>
            )}
            {why.length > 0 && (
              <a href="#lists-heading" className="mt-1 inline-block text-sm text-brand-700 underline">
                查看列入原因和依据
              </a>
            )}
          </dd>
        </div>
        {flags.length > 0 && (
          <div>
            <dt className="text-sm text-slate-600">守信激励与重点监管</dt>
            <dd className="mt-1">
              {flags.map((k) => (
                <FlagBadge key={k} kind={k} />
              ))}
              <a href="#flags-heading" className="ml-1 text-sm text-brand-700 underline">
                查看含义和依据
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt className="text-sm text-slate-600">信用等级</dt>
          <dd className="mt-1">
            <GradeBadge grade={e?.grade ?? null} year={e?.year} />
            {e && !e.vetoed && <span className="ml-2 text-slate-800">年度评价得分 {e.score} 分</span>}
            <GradeLegend policy={policy} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">当前信用分（截至 {summary.today}）</dt>
          <dd className="mt-1">
            <strong className="text-2xl">{o.score}</strong> 分<p className="mt-1 text-slate-800">{scoreSentence(o.base, o.score, o.lines)}</p>
          </dd>
        </div>
      </dl>
      <div className="mt-4 rounded bg-slate-50 p-3">
        <h3 className="font-medium">信用等级和当前信用分有什么不同？</h3>
        <p className="mt-1 text-sm text-slate-800">{gradeVersusScore(e, o.score)}</p>
      </div>
    </section>
  );
}

/**
 * Beside the company's name on an estate page: its list status and grade, and — when a black entry in force is
 * about this very estate — that fact, with the reason once and the rule by the regulation's name.
 */
export function CompanyCreditLine({ summary, projectId, uscc }: { summary: PublicCreditSummary; projectId: string; uscc: string }) {
  const here = summary.listEntries.filter((x) => x.activeOn && x.list === 'black' && x.project?.id === projectId);
  return (
    <div className="mt-2 space-y-2">
      <p className="flex flex-wrap items-center gap-2">
        <ListStatusBadge status={summary.listStatus} />
        <GradeBadge grade={summary.evaluation?.grade ?? null} year={summary.evaluation?.year} />
        <span className="text-sm text-slate-700">当前信用分 {summary.outlook.score} 分</span>
        <a href={`/companies/${uscc}`} className="text-sm text-brand-700 underline">
          看企业信用概况
        </a>
      </p>
      {here.map((x) => (
        <p key={x.id} className="rounded border-l-4 border-black-list bg-slate-50 px-3 py-2 text-slate-900">
          <strong>该企业因本小区被列入黑榜</strong>（{x.since} 起）：{x.reason}
          {x.rule.citation && <span className="block text-sm text-slate-700">依据：{x.rule.citation}</span>}
        </p>
      ))}
    </div>
  );
}
