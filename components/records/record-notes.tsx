import { formatDate } from '@/lib/format';
import { parseCorrections, type RecordCorrection } from '@/lib/domain/records';

/** SPEC §3.8: shown beside an item on every page that displays it while an objection about it is open. */
export function ObjectionBadge({ open }: { open: boolean }) {
  if (!open) return null;
  return (
    <span className="ml-2 inline-block rounded border border-amber-600 bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">
      异议处理中
    </span>
  );
}

/** The subject's short public statement, shown beside the record (SPEC §3.7). */
export function StatementNote({ statement, by }: { statement: string | null | undefined; by: string }) {
  if (!statement) return null;
  return (
    <p className="mt-1 border-l-4 border-slate-300 pl-2 text-sm text-slate-700">
      <span className="font-medium">{by}声明：</span>
      {statement}
    </p>
  );
}

/** Published corrections (DW 9): what changed, when and why — never a silent edit. */
export function CorrectionNotes({ corrections }: { corrections: unknown }) {
  const list: RecordCorrection[] = parseCorrections(corrections);
  if (list.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {list.map((c, i) => (
        <li key={i} className="rounded bg-sky-50 px-2 py-1 text-sky-950">
          <span className="font-medium">更正（{formatDate(c.on)}）：</span>
          {c.revoked ? '经异议核查，该记录不成立，已撤销。' : null}
          {Object.keys(c.after).map((k) => (
            <span key={k}>
              {k}由“{c.before[k] ?? '—'}”更正为“{c.after[k]}”。
            </span>
          ))}
          <span>理由：{c.reason}</span>
        </li>
      ))}
    </ul>
  );
}
