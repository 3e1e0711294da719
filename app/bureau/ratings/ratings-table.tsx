'use client';
/**
 * The quarter's score table: one numeric input per estate, in one column, so Tab moves down the column. One
 * submit saves the whole table (a plain form POST through the server action: works without JavaScript).
 */
import { RatingBadge } from '@/components/ratings/rating-badge';
import type { EstateRating } from '@/lib/domain/credit-rating';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { saveRatingsAction, type RatingsFormState } from './actions';

export interface TableRow {
  projectId: string;
  projectName: string;
  districtName: string;
  companyName: string | null;
  score: string | null;
  rating: EstateRating | null;
  earlier: (EstateRating | null)[];
}

export function RatingsTable({
  quarter,
  quarterLabel,
  earlierLabels,
  rows,
  showDistrict,
}: {
  quarter: string;
  quarterLabel: string;
  earlierLabels: string[];
  rows: TableRow[];
  showDistrict: boolean;
}) {
  const { state, pending, formProps } = useFormAction<RatingsFormState>(saveRatingsAction, {});
  const errors = state.fieldErrors ?? {};
  const rowError = (id: string) => errors[`scores.${id}`]?.[0];
  const listed = rows.filter((r) => rowError(r.projectId));
  const formError = errors._form?.[0] ?? errors.quarter?.[0];
  return (
    <form {...formProps} noValidate className="space-y-4" key={state.saved?.at ?? 'table'}>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="quarter" value={quarter} />
      {state.saved && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已保存：{state.saved.saved} 个项目的得分已更新{state.saved.removed > 0 ? `，${state.saved.removed} 个项目的得分已撤回` : ''}。
        </p>
      )}
      {state.message && !state.saved && (
        <div role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          <p>{formError ?? state.message}（未保存任何得分）</p>
          {listed.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {listed.map((r) => (
                <li key={r.projectId}>
                  <a href={`#score-${r.projectId}`} className="underline">
                    {r.projectName}：{rowError(r.projectId)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{quarterLabel}住宅小区检查得分：每行一个物业项目，得分 0 至 100，最多两位小数，留空表示尚未评定</caption>
          <thead>
            <tr className="border-b border-slate-300">
              {showDistrict && <th scope="col" className="py-2 pr-3">区县</th>}
              <th scope="col" className="py-2 pr-3">物业项目</th>
              <th scope="col" className="py-2 pr-3">季度末服务企业</th>
              {earlierLabels.map((l) => (
                <th key={l} scope="col" className="py-2 pr-3 font-normal text-slate-700">
                  {l}
                </th>
              ))}
              <th scope="col" className="py-2 pr-3">检查得分</th>
              <th scope="col" className="py-2">已存评定</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `score-${r.projectId}`;
              const error = rowError(r.projectId);
              const value = state.values && !state.saved ? (state.values[r.projectId] ?? '') : (r.score ?? '');
              return (
                <tr key={r.projectId} className="border-b border-slate-100 align-top">
                  {showDistrict && <td className="py-1.5 pr-3">{r.districtName}</td>}
                  <th scope="row" className="py-1.5 pr-3 font-medium">
                    {r.projectName}
                  </th>
                  <td className="py-1.5 pr-3">{r.companyName ?? <span className="text-slate-600">无（不参与评定）</span>}</td>
                  {r.earlier.map((e, i) => (
                    <td key={earlierLabels[i]} className="py-1.5 pr-3">
                      <RatingBadge rating={e} />
                    </td>
                  ))}
                  <td className="py-1.5 pr-3">
                    {r.companyName ? (
                      <>
                        <label htmlFor={id} className="sr-only">
                          {r.projectName} 检查得分
                        </label>
                        <input
                          id={id}
                          name={`score.${r.projectId}`}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          defaultValue={value}
                          aria-invalid={!!error}
                          aria-describedby={error ? `${id}-error` : undefined}
                          className="w-24 rounded border border-slate-400 px-2 py-1 aria-[invalid=true]:border-red-700"
                        />
                        {error && (
                          <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
                            {error}
                          </p>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="py-1.5">
                    <RatingBadge rating={r.rating} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在保存…' : '保存评定'}
      </button>
    </form>
  );
}
