import { ListTable, type Column } from '@/components/list-kit/table';
import { ObjectionBadge } from '@/components/records/record-notes';
import type { PublicCreditSummary, PublicListHistoryEntry } from '@/db/queries/public-lists';
import type { ScoreLine } from '@/lib/domain/credit-rating';
import { eventWithoutReason } from '@/lib/domain/lay-summary';
import { formatDate, formatDateTime } from '@/lib/format';

const LIST = { red: '红榜', black: '黑榜' } as const;
const STATUS = { active: '在榜', rectifying: '整改期', removed: '已移出', expired: '期满移出' } as const;

function signed(n: number) {
  return n > 0 ? `+${n}` : String(n);
}

const SCORE_COLUMNS: Column<ScoreLine>[] = [
  { label: '信用记录', rowHeader: true, cell: (l) => l.label },
  { label: '分值', className: 'tabular-nums', cell: (l) => signed(l.points) },
  { label: '停止计分日期', cell: (l) => l.countsUntil ?? '—' },
];

/** The records behind a score, one row each (a card per record on a phone): label, points, the day it stops counting. */
function ScoreLinesTable({ caption, lines, empty }: { caption: string; lines: ScoreLine[]; empty: string }) {
  return (
    <div className="mt-3">
      <p className="mb-2 text-sm text-slate-600">{caption}</p>
      {lines.length === 0 ? <p className="text-slate-700">{empty}</p> : <ListTable caption={caption} columns={SCORE_COLUMNS} rows={lines} rowKey={(l) => l.recordId} />}
    </div>
  );
}

/** ZT 五.3, ZJ 6: the latest published annual evaluation, line by line. */
export function AnnualGrade({ summary }: { summary: PublicCreditSummary }) {
  const e = summary.evaluation;
  return (
    <section aria-labelledby="grade-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="grade-heading" className="mb-3 text-lg font-semibold">
        信用等级
      </h2>
      {!e ? (
        <p className="text-slate-700">尚无已公布的年度信用评价。</p>
      ) : (
        <>
          <p className="text-slate-800">
            {e.year} 年度信用评价：等级 <strong className="text-2xl">{e.grade}</strong> 级
            {e.vetoed ? '（一票否决，取消综合信用评价资格，不计分）' : <>，得分 <strong className="text-xl">{e.score}</strong> 分</>}
            <span className="ml-2 text-sm text-slate-600">（{formatDate(new Date(e.publishedAt))} 公布，信用政策第 {e.policyVersion} 版）</span>
          </p>
          {!e.vetoed && (
            <ScoreLinesTable caption={`${e.year} 年度得分的计算：基础分加业绩分、减警示扣分（不超过基础分）`} lines={e.breakdown} empty="本年度没有计分的信用记录，得分为基础分。" />
          )}
        </>
      )}
    </section>
  );
}

/** SPEC §3.7 "every number is explained": today's counting score, record by record, and where it goes next. */
export function CurrentScore({ summary }: { summary: PublicCreditSummary }) {
  const o = summary.outlook;
  return (
    <section aria-labelledby="score-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="score-heading" className="mb-2 text-lg font-semibold">
        当前信用分
      </h2>
      <p className="text-slate-800">
        截至 {summary.today}，按计分中的信用记录计算为 <strong className="text-xl">{o.score}</strong> 分（基础分 {o.base} 分）。
      </p>
      <ScoreLinesTable caption={`计分中的信用记录（${o.lines.length} 条）`} lines={o.lines} empty="没有计分中的信用记录。" />
      {o.steps.length > 0 && (
        <>
          <h3 className="mt-4 font-medium">如无新的信用记录，分数将这样变化</h3>
          <ol className="mt-2 list-inside list-disc space-y-1 text-slate-800" aria-label="分数变化">
            {o.steps.map((s) => (
              <li key={s.on}>
                自 <time dateTime={s.on}>{s.on}</time> 起 {s.recordIds.length} 条记录停止计分，分数为 <strong>{s.score}</strong> 分
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function entryState(e: PublicListHistoryEntry) {
  if (e.activeOn) return e.status === 'rectifying' ? '整改期' : '在榜';
  if (e.endedOn) return STATUS[e.status] === '在榜' ? '已移出' : STATUS[e.status];
  return e.until ? '期满移出' : '未在榜';
}

function EntryItem({ e }: { e: PublicListHistoryEntry }) {
  return (
    <li className={`border-l-4 py-3 pl-3 ${e.list === 'red' ? 'border-red-list' : 'border-black-list'}`}>
      <p className="font-medium">
        {LIST[e.list]} · {e.rule.label}
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{entryState(e)}</span>
        <ObjectionBadge open={e.underObjection} />
      </p>
      <p className="text-sm text-slate-800">{e.reason}</p>
      {e.rule.citation && <p className="text-sm text-slate-700">依据：{e.rule.citation}</p>}
      <p className="text-sm text-slate-700">
        列入 {e.since} · 预计移出 {e.until ?? '—'}
        {e.endedOn && ` · ${e.endedOn} 移出${e.endReason ? `（${e.endReason}）` : ''}`}
        {e.project && (
          <>
            {' · '}
            <a href={`/projects/${e.project.id}`} className="text-brand-700 underline">
              {e.project.name}
            </a>
          </>
        )}
      </p>
      {e.events.length > 0 && (
        <ol className="mt-1 space-y-0.5 text-sm text-slate-700" aria-label="变动记录">
          {e.events.map((x) => (
            <li key={x.id}>
              <time dateTime={x.at}>{x.event === '期满移出' ? formatDate(new Date(x.at)) : formatDateTime(new Date(x.at))}</time> {eventWithoutReason(x.detail, e.reason, e.company.name)}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** DW 6, 8.3: every list entry the company has had, with its events (the history stays after it leaves). */
export function ListHistory({ summary }: { summary: PublicCreditSummary }) {
  const status = summary.listStatus;
  return (
    <section aria-labelledby="lists-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="lists-heading" className="mb-2 text-lg font-semibold">
        红黑榜记录
      </h2>
      <p className="text-slate-800">
        {summary.on} 状态：<strong>{status === 'none' ? '不在红黑榜' : `在${LIST[status]}`}</strong>
      </p>
      {summary.listEntries.length === 0 ? (
        <p className="mt-2 text-slate-700">没有红黑榜记录。</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200" aria-label="红黑榜记录">
          {summary.listEntries.map((e) => (
            <EntryItem key={e.id} e={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** ZJ 6, CQ "应查必查": eligibility for tenders on a day, with a plain GET date form. */
export function TenderEligibility({ summary, uscc, dateError }: { summary: PublicCreditSummary; uscc: string; dateError?: string }) {
  const el = summary.eligibility;
  return (
    <section aria-labelledby="eligibility-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="eligibility-heading" className="mb-2 text-lg font-semibold">
        招投标资格查询
      </h2>
      <p className="mb-3 text-sm text-slate-700">依据：信用等级为 A 级及以上，且当日不在黑榜。</p>
      <form action={`/companies/${uscc}`} method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="eligibility-on" className="text-sm font-medium">
            查询日期
          </label>
          <input
            id="eligibility-on"
            name="on"
            type="date"
            defaultValue={summary.on}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'eligibility-on-error' : undefined}
            className="min-h-11 rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
        {dateError && (
          <p id="eligibility-on-error" className="w-full text-sm text-red-800">
            {dateError}
          </p>
        )}
      </form>
      <div role="status" className="mt-3">
        {el.eligible ? (
          <p className="font-medium text-emerald-900">
            {summary.on}：具备参加物业服务招投标的信用资格（{el.gradeYear} 年度 {el.grade} 级）。
          </p>
        ) : (
          <>
            <p className="font-medium text-red-900">{summary.on}：不具备参加物业服务招投标的信用资格。</p>
            <ul className="mt-1 list-inside list-disc text-slate-800">
              {el.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
