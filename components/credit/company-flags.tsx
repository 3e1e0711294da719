/**
 * The DW 14 flags (and the green channel) of a company in lay words, each with the rule it rests on (issue 17
 * item 8). The public profile, the company's own area and the bureau's pages show the same words; the bureau
 * also sees the stored reason. Server component, no client JavaScript.
 */
import type { CompanyFlagRow } from '@/db/queries/company-flags';
import { activeFlagGroups, FLAG_INFO, type CompanyFlagKind, type FlagWordsKind } from '@/lib/domain/company-flags';
import { flagWhenWhere } from '@/lib/domain/lay-summary';

const TONE = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  bad: 'border-slate-700 bg-slate-100 text-slate-950',
} as const;

const OPEN_ENDED: Partial<Record<CompanyFlagKind, string>> = { key_supervision: '整改复查结束' };

export function FlagBadge({ kind }: { kind: FlagWordsKind }) {
  const info = FLAG_INFO[kind];
  return (
    <span className={`mr-1 mt-1 inline-block rounded border px-1 text-xs ${info.tone === 'good' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-slate-600 bg-slate-800 text-white'}`}>
      {info.label}
    </span>
  );
}

/** The flags in force on `on`; nothing when there are none unless `emptyText` is given. */
export function CompanyFlags({
  rows,
  on,
  heading = '守信激励与重点监管',
  greenChannel = false,
  showReasons = false,
  emptyText,
}: {
  rows: CompanyFlagRow[];
  on: string;
  heading?: string;
  /** The green channel computed on the day (CQ 三.(五)); pages that show it elsewhere leave it false. */
  greenChannel?: boolean;
  showReasons?: boolean;
  emptyText?: string;
}) {
  const groups = activeFlagGroups(rows, on);
  if (groups.length === 0 && !greenChannel && !emptyText) return null;
  return (
    <section aria-labelledby="flags-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="flags-heading" className="mb-1 text-lg font-semibold">
        {heading}
      </h2>
      <p className="mb-3 text-sm text-slate-700">按住宅小区季度评定结果和信用记录实行的差异化管理措施（截至 {on}）。</p>
      {groups.length === 0 && !greenChannel ? (
        <p className="text-slate-700">{emptyText}</p>
      ) : (
        <ul className="space-y-3">
          {greenChannel && (
            <li className={`rounded border-l-4 px-3 py-2 ${TONE.good}`}>
              <strong>{FLAG_INFO.green_channel.label}</strong>
              <p className="mt-1">{FLAG_INFO.green_channel.lay}</p>
              <p className="mt-1 text-sm text-slate-700">依据：{FLAG_INFO.green_channel.citation}</p>
            </li>
          )}
          {groups.map((g) => (
            <li key={g.kind} className={`rounded border-l-4 px-3 py-2 ${TONE[g.info.tone]}`}>
              <strong>{g.info.label}</strong>
              <p className="mt-1">{g.info.lay}</p>
              <ul className="mt-1 text-sm">
                {flagWhenWhere(g.rows, OPEN_ENDED[g.kind]).map((t, i) => (
                  <li key={g.rows[i]!.id}>
                    {t}
                    {showReasons && <span className="block text-slate-700">{g.rows[i]!.reason}</span>}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-sm text-slate-700">依据：{g.info.citation}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
