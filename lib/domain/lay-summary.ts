/**
 * A company's credit in plain words for an owner (issue 16 item 5; SPEC §3.7 "every number is explained"): the
 * list status first, the grade with its legend, today's score with one sentence of why, and what separates the
 * grade's score (the annual evaluation, ZT 五.3 / ZJ 6) from today's score (the records counting today).
 * Pure: the policy's thresholds and the computed lines come in as arguments.
 */
import type { CreditPolicy } from './credit-policy';
import type { Grade, ListStatus, ScoreLine } from './credit-rating';

export const LIST_STATUS_WORDS: Record<ListStatus, string> = { red: '在红榜', black: '在黑榜', none: '无' };

/** What each status means, in one line. */
export const LIST_STATUS_MEANING: Record<ListStatus, string> = {
  red: '因守信表现列入红榜（业绩信用信息公示期内，或所管小区连续三次评为“优秀”）。',
  black: '因失信行为列入黑榜，期间不具备参加物业服务招投标的信用资格。',
  none: '目前既不在红榜，也不在黑榜。',
};

/** The grade bands of the policy (ZJ 6), as the legend reads: "A 级：95 分及以上". */
export function gradeLegend(p: Pick<CreditPolicy, 'grades'>): { grade: Grade; text: string }[] {
  const { A, B, C } = p.grades;
  return [
    { grade: 'A', text: `${A} 分及以上` },
    { grade: 'B', text: `${B} 分至不足 ${A} 分` },
    { grade: 'C', text: `${C} 分至不足 ${B} 分` },
    { grade: 'D', text: `不足 ${C} 分，或被一票否决` },
  ];
}

function pts(n: number): string {
  return `${Math.round(Math.abs(n) * 100) / 100} 分`;
}

/**
 * One sentence for today's score from the very lines it was computed from: "基础分 100 分，因 2 条警示（不良）
 * 记录扣 12 分，当前 88 分。" Performance points offset deductions but never lift a score above the base.
 */
export function scoreSentence(base: number, score: number, lines: readonly Pick<ScoreLine, 'points'>[]): string {
  const minus = lines.filter((l) => l.points < 0);
  const plus = lines.filter((l) => l.points > 0);
  if (minus.length === 0 && plus.length === 0) return `基础分 ${base} 分，目前没有计分中的信用记录，当前 ${score} 分。`;
  const parts = [`基础分 ${base} 分`];
  if (minus.length) parts.push(`因 ${minus.length} 条警示（不良）记录扣 ${pts(minus.reduce((s, l) => s + l.points, 0))}`);
  if (plus.length) parts.push(`因 ${plus.length} 条业绩（良好）记录加 ${pts(plus.reduce((s, l) => s + l.points, 0))}`);
  const raw = base + lines.reduce((s, l) => s + l.points, 0);
  const capped = raw > base ? `（加分只用于抵扣，总分不超过基础分 ${base} 分）` : '';
  return `${parts.join('，')}，当前 ${score} 分${capped}。`;
}

export interface GradeFacts {
  year: number;
  grade: Grade;
  score: number | null;
  vetoed: boolean;
}

/**
 * Why "C 级 88 分" may sit beside "当前信用分 100": the grade is the result of the last published annual
 * evaluation (the records that counted in that year), fixed until the next one is published; today's score
 * counts only the records still counting today, and moves as they end or new ones are confirmed.
 */
export function gradeVersusScore(evaluation: GradeFacts | null, currentScore: number): string {
  if (!evaluation) return `尚无已公布的年度信用评价，所以暂无信用等级。当前信用分 ${currentScore} 分按今天仍在计分期内的信用记录算出，会随记录到期或新增而变化。`;
  const head = evaluation.vetoed
    ? `${evaluation.year} 年度该企业被一票否决，取消综合信用评价资格，不计分，等级为 D 级。`
    : `“${evaluation.grade} 级 ${evaluation.score} 分”是 ${evaluation.year} 年度信用评价的结果：按该年度内计分的信用记录算出 ${evaluation.score} 分，对应 ${evaluation.grade} 级。`;
  return `${head}等级每年评定一次，下一年度评价公布前不变。“当前信用分 ${currentScore} 分”按今天仍在计分期内的信用记录算出，记录到期或新增时随之变化；它不改变已公布的等级。`;
}

/**
 * A list event as the profile shows it under its entry: the entry's reason is printed once, above, so an event
 * that repeats it ("某公司列入红榜：<reason>（预计…移出）") reads "列入红榜（预计…移出）"; the company's name,
 * which heads the page, is dropped too.
 */
export function eventWithoutReason(detail: string, reason: string, companyName: string): string {
  let d = detail.startsWith(companyName) ? detail.slice(companyName.length) : detail;
  if (reason) d = d.split(`：${reason}`).join('').split(reason).join('');
  return d.replace(/：$/, '').trim();
}

/**
 * A DW 14 flag as the profile says it (issue 17 item 8): where it comes from (the estates) and how long it
 * applies, in plain words; the meaning and the rule come from FLAG_INFO (lib/domain/company-flags.ts).
 * "天宫花园：2026-10-01 起，至 2027-10-01" / "2026-10-01 起，至整改复查结束" / "2024-01-01 起".
 */
export function flagWhenWhere(rows: readonly { projectName: string | null; since: string; until: string | null }[], openEnded?: string): string[] {
  return rows.map((r) => {
    const end = r.until ? `，至 ${r.until}` : openEnded ? `，至${openEnded}` : '';
    return `${r.projectName ? `${r.projectName}：` : ''}${r.since} 起${end}`;
  });
}
