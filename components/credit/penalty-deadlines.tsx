/**
 * CQ 三.(四): confirmed administrative penalties waiting for publication, against their deadline of 7 working
 * days from the decision; each with a "发布" button (a plain form posting to the bureau's server action).
 */
import type { CreditRecordView } from '@/db/queries/credit-records';
import type { CreditPolicy } from '@/lib/domain/credit-policy';
import { PENALTY_STATE_LABELS } from '@/lib/domain/labels';
import { penaltyDeadlineState, type PenaltyDeadlineState } from '@/lib/domain/records';
import { formatDate } from '@/lib/format';
import { ProvisionalNote } from '@/components/ui/provisional-note';

export interface PenaltyRow {
  id: string;
  version: number;
  companyName: string;
  projectName: string | null;
  type: string;
  decisionOn: string;
  publishBy: string;
  state: PenaltyDeadlineState;
  workingDaysLeft: number;
}

/** The unpublished penalties with their deadline state on `on`, the most urgent first. */
export function penaltyRows(records: CreditRecordView[], on: string, policy: Pick<CreditPolicy, 'penaltyPublicationWorkingDays'>): PenaltyRow[] {
  return records
    .filter((r) => r.decisionOn)
    .map((r) => {
      const s = penaltyDeadlineState({ decisionOn: r.decisionOn!, publishedOn: r.publishedOn }, on, policy);
      return { id: r.id, version: r.version, companyName: r.companyName, projectName: r.projectName, type: r.type, decisionOn: r.decisionOn!, ...s };
    })
    .sort((a, b) => a.publishBy.localeCompare(b.publishBy) || a.id.localeCompare(b.id));
}

const TONE: Record<string, string> = {
  overdue: 'bg-red-100 text-red-900',
  'due-soon': 'bg-amber-100 text-amber-900',
  open: 'bg-slate-100 text-slate-800',
};

export function PenaltyDeadlines({
  rows,
  action,
  back,
  empty,
}: {
  rows: PenaltyRow[];
  action: (fd: FormData) => Promise<void>;
  back: string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">待公布的行政处罚信息及公布期限</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="p-2">企业</th>
            <th scope="col" className="p-2">处罚事项</th>
            <th scope="col" className="p-2">决定日期</th>
            <th scope="col" className="p-2">应公布日期</th>
            <th scope="col" className="p-2">期限</th>
            <th scope="col" className="p-2">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="p-2 font-medium">
                {r.companyName}
              </th>
              <td className="p-2">
                <a href={`/bureau/credit/${r.id}`} className="text-brand-800 underline">
                  {r.type}
                </a>
                {r.projectName && <span className="block text-xs text-slate-600">{r.projectName}</span>}
              </td>
              <td className="p-2">{formatDate(r.decisionOn)}</td>
              <td className="p-2">
                {formatDate(r.publishBy)}
                <ProvisionalNote date={r.publishBy} />
              </td>
              <td className="p-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[r.state] ?? ''}`}>{PENALTY_STATE_LABELS[r.state]}</span>
                <span className="block text-xs text-slate-600">
                  {r.workingDaysLeft >= 0 ? `剩余 ${r.workingDaysLeft} 个工作日` : `已超过 ${-r.workingDaysLeft} 个工作日`}
                </span>
              </td>
              <td className="p-2">
                <form action={action}>
                  <input type="hidden" name="id" value={r.id} />
                  <input type="hidden" name="expectedVersion" value={r.version} />
                  <input type="hidden" name="back" value={back} />
                  <button type="submit" aria-label={`发布：${r.companyName} ${r.type}`} className="rounded bg-brand-700 px-3 py-1 font-medium text-white">
                    发布
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
