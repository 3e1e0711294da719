import type { EvaluationRow } from '@/db/queries/evaluations';

const fmt = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/**
 * ZT 五.(三): the score line by line — the base, each record counted in the year, the result. The base is that of
 * the evaluation's own policy version, the one its score was computed under (not the version current today).
 */
export function Breakdown({ evaluation, caption }: { evaluation: Pick<EvaluationRow, 'breakdown' | 'score' | 'vetoed' | 'grade' | 'baseScore'>; caption?: string }) {
  return (
    <table className="w-full border-collapse text-sm">
      {caption && <caption className="mb-1 text-left font-medium">{caption}</caption>}
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3">
            项目
          </th>
          <th scope="col" className="py-1 pr-3 text-right">
            分值
          </th>
          <th scope="col" className="py-1">
            计分截止
          </th>
        </tr>
      </thead>
      <tbody>
        <tr className="border-b border-slate-100">
          <td className="py-1 pr-3">基础分</td>
          <td className="py-1 pr-3 text-right font-mono">{evaluation.baseScore.toFixed(2)}</td>
          <td className="py-1">—</td>
        </tr>
        {evaluation.breakdown.map((l) => (
          <tr key={l.recordId} className="border-b border-slate-100">
            <td className="py-1 pr-3">{l.label}</td>
            <td className={`py-1 pr-3 text-right font-mono ${l.points < 0 ? 'text-red-800' : 'text-emerald-800'}`}>{fmt(l.points)}</td>
            <td className="py-1">{l.countsUntil ?? '—'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <td className="py-1 pr-3">{evaluation.vetoed ? '一票否决，取消综合信用评价资格' : '得分（不超过基础分，不低于 0 分）'}</td>
          <td className="py-1 pr-3 text-right font-mono">{evaluation.score == null ? '—' : evaluation.score.toFixed(2)}</td>
          <td className="py-1">等级 {evaluation.grade}</td>
        </tr>
      </tfoot>
    </table>
  );
}
