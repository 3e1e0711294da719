/**
 * Credit of the city-scale data: company credit records, four published quarters of estate ratings, the
 * 2024 and 2025 annual evaluations, and the red and black list entries, flags and list history they lead to —
 * each computed with the platform's own rules (lib/domain/credit-rating), so that the data is what the
 * services would have produced.
 */
import {
  annualEvaluation,
  belowLineYearsRunning,
  DW14_CONSEQUENCES,
  quarterEnd,
  quarterIndex,
  quarterLabel,
  ratingOf,
  rectificationUntil,
  runFlag,
  threeInARow,
} from '../../../lib/domain/credit-rating';
import type { EstateRating, Quarter, RatingPoint, ScoredRecord } from '../../../lib/domain/credit-rating';
import { PENALTY_TYPES, PERFORMANCE_TYPES, WARNING_TYPES } from '../names';
import { addDays, addMonths, at, Rng } from '../random';
import { DISTRICTS } from '../regions';
import { TableRows } from './copy';
import type { CompanyInfo, EstateInfo } from './companies';
import { cityUuid, KIND, noticeCodeOf } from './ids';
import type { CityContext } from './plan';

export const CREDIT_RECORD_COLUMNS = ['id', 'company_id', 'project_id', 'category', 'type', 'occurred_on', 'description', 'issuer', 'proposed_points', 'points', 'severity', 'is_penalty', 'veto_type', 'status', 'confirmed_at', 'published_on', 'min_public_until', 'public_until', 'repaired_on', 'reported_by', 'received_on', 'notice_code', 'policy_version', 'created_at'];
export const RATING_COLUMNS = ['id', 'project_id', 'company_id', 'year', 'quarter', 'inspection_score', 'rating', 'rated_by', 'policy_version', 'created_at'];
export const EVALUATION_COLUMNS = ['id', 'company_id', 'year', 'score', 'grade', 'vetoed', 'breakdown', 'policy_version', 'computed_at', 'published_at'];
export const LIST_ENTRY_COLUMNS = ['id', 'company_id', 'project_id', 'list', 'reason', 'rule', 'since', 'until', 'status', 'ended_on', 'end_reason', 'source_record_id', 'policy_version', 'created_at'];
export const LIST_EVENT_COLUMNS = ['id', 'entry_id', 'company_id', 'event', 'detail', 'at'];
export const FLAG_COLUMNS = ['id', 'company_id', 'project_id', 'flag', 'reason', 'since', 'until', 'created_at'];

/** The evaluated years and when the demo city computed and published them. */
const EVALUATION_YEARS = [
  { year: 2024, computedOn: '2025-01-10', publishedOn: '2025-01-20' },
  { year: 2025, computedOn: '2026-01-10', publishedOn: '2026-01-20' },
];
const VETO_SHARE = 0.004;

export class CreditTables {
  records = new TableRows('credit_records', CREDIT_RECORD_COLUMNS);
  ratings = new TableRows('estate_ratings', RATING_COLUMNS);
  evaluations = new TableRows('annual_evaluations', EVALUATION_COLUMNS);
  entries = new TableRows('list_entries', LIST_ENTRY_COLUMNS);
  events = new TableRows('list_events', LIST_EVENT_COLUMNS);
  flags = new TableRows('company_flags', FLAG_COLUMNS);
}

const money = (n: number) => n.toFixed(2);
const pointsOf = (r: Rng, severity: string) => (severity === '轻微' ? r.int(1, 2) : severity === '一般' ? r.int(3, 5) : r.int(6, 10));

export function generateCredit(ctx: CityContext, companies: CompanyInfo[], estates: EstateInfo[], out: CreditTables) {
  const p = ctx.policy;
  const bureauName = new Map(DISTRICTS.map((d) => [d.id, d.bureau]));
  const estatesOf = new Map<number, EstateInfo[]>();
  for (const e of estates) estatesOf.set(e.companyIdx, [...(estatesOf.get(e.companyIdx) ?? []), e]);
  let recordNo = 0;
  let entryNo = 0;
  let eventNo = 0;
  let flagNo = 0;

  const listEntry = (
    c: CompanyInfo,
    e: { list: 'red' | 'black'; rule: string; reason: string; since: string; until: string | null; projectId?: string | null; sourceRecordId?: string | null; rectifying?: boolean },
  ) => {
    const id = cityUuid(KIND.listEntry, entryNo++);
    const listName = e.list === 'red' ? '红榜' : '黑榜';
    // Nothing ends an entry by a job: one past its date out is `expired`, as the demo city stores them.
    const expired = !!e.until && e.until <= ctx.ref && !e.rectifying;
    const removed = !!e.rectifying && !!e.until && e.until <= ctx.ref;
    const status = expired ? 'expired' : removed ? 'removed' : e.rectifying ? 'rectifying' : 'active';
    const endReason = expired ? '公示期满，自动移出' : removed ? '整改复查合格，移出黑榜（复查情况：已按期完成整改）' : null;
    out.entries.add([id, c.id, e.projectId ?? null, e.list, e.reason, e.rule, e.since, e.until, status, expired || removed ? e.until : null, endReason, e.sourceRecordId ?? null, ctx.policyVersion, at(e.since, 9).toISOString()]);
    out.events.add([cityUuid(KIND.listEvent, eventNo++), id, c.id, 'added', `${c.name}列入${listName}：${e.reason}${e.until ? `（预计${e.until}移出）` : ''}`, at(e.since, 9).toISOString()]);
    if (endReason) out.events.add([cityUuid(KIND.listEvent, eventNo++), id, c.id, expired ? 'expired' : 'removed', `${c.name}移出${listName}：${endReason}`, at(e.until!, 9).toISOString()]);
  };
  const flag = (c: CompanyInfo, projectId: string | null, kind: string, reason: string, since: string, until: string | null) =>
    out.flags.add([cityUuid(KIND.flag, flagNo++), c.id, projectId, kind, reason, since, until, at(since, 9).toISOString()]);

  // ---- Credit records, and the entries that follow them while they count (DW 8, DW 11, severe warnings).
  const scored = new Map<number, ScoredRecord[]>();
  for (const c of companies) {
    if (c.status !== 'approved' && c.status !== 'revoked') continue;
    const own = estatesOf.get(c.idx) ?? [];
    if (own.length === 0) continue;
    const r = new Rng(`${ctx.seed}:credit:${c.idx}`);
    const list: ScoredRecord[] = [];
    const bureau = bureauName.get(c.districtId) ?? '遂宁市住房和城乡建设局';
    const add = (category: 'performance' | 'warning', type: string, severity: string | null, points: number, estate: EstateInfo, opts: { penalty?: boolean; veto?: string } = {}) => {
      const occurred = r.date('2024-01-05', addDays(ctx.ref, -25));
      const confirmed = addDays(occurred, r.int(5, 12));
      const published = addDays(confirmed, 1);
      const months = category === 'performance' ? [p.performancePublicityMonths, p.performancePublicityMonths] : p.warningPublicityMonths[severity as '轻微' | '一般' | '严重'];
      const minUntil = addMonths(published, months[0]);
      const until = addMonths(published, months[1]);
      const roll = r.next();
      const status = roll < 0.02 ? 'submitted' : category === 'warning' && roll < 0.03 && !opts.veto ? 'repaired' : 'approved';
      const id = cityUuid(KIND.creditRecord, recordNo++);
      const done = status !== 'submitted';
      const description = category === 'performance' ? `${estate.name}${type}（${bureau}${occurred.slice(0, 4)}年发文）` : `${bureau}在检查中发现${estate.name}${type}，已责令限期整改`;
      out.records.add([
        id, c.id, estate.id, category, type, occurred, description, category === 'performance' ? bureau : null, money(points), done ? money(points) : null,
        severity, !!opts.penalty, opts.veto ?? null, status, done ? at(confirmed, 16).toISOString() : null, done ? published : null, done ? minUntil : null, done ? until : null,
        status === 'repaired' ? addDays(minUntil, 10) : null, category === 'warning' ? (ctx.bureauOf.get(estate.districtId) ?? null) : null, occurred,
        done ? noticeCodeOf(KIND.creditRecord, recordNo) : null, ctx.policyVersion, at(addDays(occurred, 1), 9).toISOString(),
      ]);
      list.push({ id, category, status, type, occurredOn: occurred, points: done ? points : null, publishedOn: done ? published : null, publicUntil: done ? until : null, vetoType: opts.veto ?? null, projectName: estate.name });
      if (status !== 'approved') return;
      if (opts.veto) listEntry(c, { list: 'black', rule: 'DW11-veto', reason: `一票否决：${type}（${estate.name}），取消综合信用评价资格`, since: published, until, projectId: estate.id, sourceRecordId: id });
      else if (category === 'performance') listEntry(c, { list: 'red', rule: 'DW8-performance', reason: `业绩信用信息：${estate.name}${type}（加${points}分）`, since: published, until, projectId: estate.id, sourceRecordId: id });
      else if (severity === '严重') listEntry(c, { list: 'black', rule: 'severe-warning', reason: `严重警示信用信息：${estate.name}${type}（扣${points}分）`, since: published, until, projectId: estate.id, sourceRecordId: id });
    };
    const perf = r.chance(0.15 + 0.5 * c.quality) ? r.int(1, 2) : 0;
    for (let i = 0; i < perf; i++) {
      const [type, lo, hi] = r.pick(PERFORMANCE_TYPES);
      add('performance', type, null, r.int(lo, hi), r.pick(own));
    }
    const warnings = Math.max(0, Math.round(r.normal(3.2 - 3 * c.quality, 1.3)));
    for (let i = 0; i < warnings; i++) {
      const penalty = r.chance(0.08);
      const [type, severity] = penalty ? [r.pick(PENALTY_TYPES), '一般' as const] : r.pick(WARNING_TYPES);
      add('warning', type, severity, pointsOf(r, severity), r.pick(own), { penalty });
    }
    if (r.chance(VETO_SHARE)) add('warning', '一票否决：在物业服务合同有效期内无正当理由擅自退出管理项目', '严重', 10, r.pick(own), { veto: '合同期内无正当理由撤离' });
    scored.set(c.idx, list);
  }

  // ---- Annual evaluations (ZT 五.3) of 2024 and 2025, and two years below the line → black list.
  let evaluationNo = 0;
  for (const c of companies) {
    if (c.status !== 'approved') continue;
    const history: { year: number; score: number | null; vetoed: boolean }[] = [];
    for (const y of EVALUATION_YEARS) {
      if (!c.approvedOn || c.approvedOn >= `${y.year}-01-01`) continue;
      const res = annualEvaluation(y.year, scored.get(c.idx) ?? [], p);
      history.push({ year: y.year, score: res.score, vetoed: res.vetoed });
      out.evaluations.add([cityUuid(KIND.evaluation, evaluationNo++), c.id, y.year, res.score == null ? null : money(res.score), res.grade, res.vetoed, JSON.stringify(res.breakdown), ctx.policyVersion, at(y.computedOn, 10).toISOString(), at(y.publishedOn, 10).toISOString()]);
      if (res.interview && belowLineYearsRunning(history, y.year, p)) {
        const since = addDays(y.publishedOn, 7);
        listEntry(c, { list: 'black', rule: 'ZT5.3-two-years', reason: `连续${p.blackListAfterYearsBelow}年信用评价得分低于${p.interviewBelow}分（${y.year}年度 ${res.score!.toFixed(2)} 分）`, since, until: addMonths(since, 12) });
      }
    }
  }

  // ---- Four published quarters of ratings (DW 10, 12) and what three in a row led to at each publication (DW 14).
  let ratingNo = 0;
  const quarters: (Quarter & { on: string })[] = ctx.quarters;
  const companyById = new Map(companies.map((c) => [c.id, c]));
  for (const e of estates) {
    if (!e.residential) continue;
    const r = new Rng(`${ctx.seed}:ratings:${e.idx}`);
    const current = companies[e.companyIdx];
    const base = 80 + 10 * current.quality + r.normal(0, 3);
    const history: RatingPoint[] = [];
    for (const q of quarters) {
      const end = quarterEnd(q);
      const serving = e.contractStart <= end ? current : e.previousCompanyIdx != null ? companies[e.previousCompanyIdx] : null;
      if (!serving) continue;
      const score = Math.round(Math.min(100, Math.max(40, (serving === current ? base : 82) + r.normal(0, 2))) * 2) / 2;
      const rating: EstateRating = ratingOf(score, p);
      out.ratings.add([cityUuid(KIND.rating, ratingNo++), e.id, serving.id, q.year, q.quarter, money(score), rating, ctx.cityUserId, ctx.policyVersion, at(addDays(end, r.int(3, 9)), 10).toISOString()]);
      history.push({ year: q.year, quarter: q.quarter, rating, companyId: serving.id });
      const run = threeInARow(history, p);
      if (!run || quarterIndex(run.quarters[run.quarters.length - 1]) !== quarterIndex(q)) continue;
      const c = companyById.get(run.companyId) ?? serving;
      const period = `${quarterLabel(run.quarters[0])}至${quarterLabel(run.quarters[run.quarters.length - 1])}`;
      const kind = runFlag(run.rating);
      if (run.rating === '优秀') {
        const until = addMonths(q.on, 12);
        listEntry(c, { list: 'red', rule: 'DW14-three-excellent', reason: `${e.name}${period}连续三次评定为“优秀”`, since: q.on, until, projectId: e.id });
        flag(c, e.id, kind, `${e.name}连续三次评定为“优秀”（DW 14）：${DW14_CONSEQUENCES.优秀.join('；')}`, q.on, until);
      } else if (run.rating === '良好') {
        flag(c, e.id, kind, `${e.name}${period}连续三次评定为“良好”（DW 14）：${DW14_CONSEQUENCES.良好.join('；')}`, q.on, addMonths(q.on, 12));
      } else {
        const until = rectificationUntil(q.on, p);
        listEntry(c, {
          list: 'black',
          rule: 'DW14-three-poor',
          reason: `${e.name}${period}连续三次评定为“差”，项目进入${p.rectificationDays}天整改期（至${until}），整改期内重点监管，不得参加政府和行业各类评优活动`,
          since: q.on,
          until,
          projectId: e.id,
          rectifying: true,
        });
        flag(c, e.id, kind, `${e.name}连续三次评定为“差”，整改期内重点监管（DW 14）`, q.on, until <= ctx.ref ? until : null);
      }
    }
  }
}
