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
import { ListTable } from '@/components/list-kit/table';

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
    <ListTable
      caption="待公布的行政处罚信息及公布期限"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { label: '企业', rowHeader: true, cell: (r) => r.companyName },
        {
          label: '处罚事项',
          cell: (r) => (
            <>
              <a href={`/bureau/credit/${r.id}`} className="text-brand-800 underline">
                {r.type}
              </a>
              {r.projectName && <span className="block text-xs text-slate-600">{r.projectName}</span>}
            </>
          ),
        },
        { label: '决定日期', cell: (r) => formatDate(r.decisionOn) },
        {
          label: '应公布日期',
          cell: (r) => (
            <>
              {formatDate(r.publishBy)}
              <ProvisionalNote date={r.publishBy} />
            </>
          ),
        },
        {
          label: '期限',
          cell: (r) => (
            <>
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[r.state] ?? ''}`}>{PENALTY_STATE_LABELS[r.state]}</span>
              <span className="block text-xs text-slate-600">
                {r.workingDaysLeft >= 0 ? `剩余 ${r.workingDaysLeft} 个工作日` : `已超过 ${-r.workingDaysLeft} 个工作日`}
              </span>
            </>
          ),
        },
        {
          label: '操作',
          cell: (r) => (
            <form action={action}>
              <input type="hidden" name="id" value={r.id} />
              <input type="hidden" name="expectedVersion" value={r.version} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" aria-label={`发布：${r.companyName} ${r.type}`} className="min-h-11 rounded bg-brand-700 px-3 py-1 font-medium text-white">
                发布
              </button>
            </form>
          ),
        },
      ]}
    />
  );
}
