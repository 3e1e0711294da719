'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { enterResultAction, type ResultState } from '../actions';

/** One drawn item's result: date, who went, score (0–100), findings. */
export function ResultForm({
  item,
  inspectors,
  isEstate,
  quarterLabel,
}: {
  item: { id: string; version: number; checkedOn: string | null; checkedBy: string[]; score: string | null; findings: string | null; name: string };
  inspectors: { id: string; name: string; unit: string; drawn: boolean }[];
  isEstate: boolean;
  quarterLabel: string;
}) {
  const { state, pending, formProps } = useFormAction<ResultState>(enterResultAction, {});
  const v = state.values;
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const p = `r-${item.id}`;
  const went = new Set(item.checkedBy.length ? item.checkedBy : inspectors.filter((i) => i.drawn).map((i) => i.id));
  return (
    <form {...formProps} className="mt-3 space-y-3 border-t border-slate-200 pt-3">
      <ErrorSummary
        items={summaryItems(state.fieldErrors, { order: ['checkedOn', 'inspectorIds', 'score', 'findings'], ids: { checkedOn: `${p}-checkedOn`, score: `${p}-score`, findings: `${p}-findings`, inspectorIds: `${p}-inspectors` } })}
        focusKey={state}
      />
      <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <div>
        <label htmlFor={`${p}-checkedOn`} className="block font-medium">
          检查日期<span className="sr-only">（{item.name}）</span>
        </label>
        <input
          id={`${p}-checkedOn`}
          name="checkedOn"
          type="date"
          defaultValue={v?.checkedOn ?? item.checkedOn ?? ''}
          aria-invalid={!!err('checkedOn')}
          aria-describedby={err('checkedOn') ? `${p}-checkedOn-error` : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {err('checkedOn') && (
          <p id={`${p}-checkedOn-error`} className="mt-1 text-sm text-red-700">
            {err('checkedOn')}
          </p>
        )}
      </div>
      <fieldset id={`${p}-inspectors`} tabIndex={-1} aria-describedby={err('inspectorIds') ? `${p}-inspectors-error` : undefined}>
        <legend className="font-medium">实际到场的检查人员</legend>
        {inspectors.map((i) => (
          <div key={i.id} className="flex items-center gap-2">
            <input id={`${p}-i-${i.id}`} type="checkbox" name="inspectorIds" value={i.id} defaultChecked={went.has(i.id)} className="h-5 w-5" />
            <label htmlFor={`${p}-i-${i.id}`}>
              {i.name}（{i.unit}）{i.drawn ? '' : '（替补）'}
            </label>
          </div>
        ))}
        {err('inspectorIds') && (
          <p id={`${p}-inspectors-error`} className="mt-1 text-sm text-red-700">
            {err('inspectorIds')}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${p}-score`} className="block font-medium">
          检查得分（0–100）<span className="sr-only">（{item.name}）</span>
        </label>
        {isEstate && (
          <p id={`${p}-score-hint`} className="text-sm text-slate-600">
            得分即该小区{quarterLabel}的评定得分，按信用政策的分数线评为优秀、良好或差。
          </p>
        )}
        <input
          id={`${p}-score`}
          name="score"
          inputMode="decimal"
          defaultValue={v?.score ?? item.score ?? ''}
          aria-invalid={!!err('score')}
          aria-describedby={[isEstate ? `${p}-score-hint` : null, err('score') ? `${p}-score-error` : null].filter(Boolean).join(' ') || undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {err('score') && (
          <p id={`${p}-score-error`} className="mt-1 text-sm text-red-700">
            {err('score')}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${p}-findings`} className="block font-medium">
          检查发现的问题<span className="sr-only">（{item.name}）</span>
        </label>
        <textarea
          id={`${p}-findings`}
          name="findings"
          rows={3}
          maxLength={2000}
          defaultValue={v?.findings ?? item.findings ?? ''}
          aria-invalid={!!err('findings')}
          aria-describedby={err('findings') ? `${p}-findings-error` : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {err('findings') && (
          <p id={`${p}-findings-error`} className="mt-1 text-sm text-red-700">
            {err('findings')}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在保存…' : item.score ? '修改检查结果' : '保存检查结果'}
        <span className="sr-only">（{item.name}）</span>
      </button>
    </form>
  );
}
