'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { rerunPastedAction, type PasteState } from './actions';

/** Paste a seed and the inputs JSON; get the draw (works without JavaScript). */
export function PasteForm() {
  const { state, pending, formProps } = useFormAction<PasteState>(rerunPastedAction, {});
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <div className="space-y-5">
      <form {...formProps} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
        <ErrorSummary items={summaryItems(state.fieldErrors, { order: ['seed', 'inputs'] })} focusKey={state} />
        <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
        <div>
          <label htmlFor="seed" className="block font-medium">
            种子
          </label>
          <input
            id="seed"
            name="seed"
            maxLength={200}
            defaultValue={state.values?.seed ?? ''}
            autoComplete="off"
            aria-invalid={!!err('seed')}
            aria-describedby={err('seed') ? 'seed-error' : undefined}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2 font-mono text-sm"
          />
          {err('seed') && (
            <p id="seed-error" className="mt-1 text-sm text-red-700">
              {err('seed')}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="inputs" className="block font-medium">
            抽查输入（JSON）
          </label>
          <p id="inputs-hint" className="text-sm text-slate-600">
            粘贴公开页面下载的 JSON 文件内容（整个文件或其中的 inputs 部分），不超过 400 KB。
          </p>
          <textarea
            id="inputs"
            name="inputs"
            rows={10}
            defaultValue={state.values?.inputs ?? ''}
            aria-invalid={!!err('inputs')}
            aria-describedby={`inputs-hint${err('inputs') ? ' inputs-error' : ''}`}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2 font-mono text-xs"
          />
          {err('inputs') && (
            <p id="inputs-error" className="mt-1 text-sm text-red-700">
              {err('inputs')}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
          {pending ? '正在抽取…' : '抽取'}
        </button>
      </form>
      {state.rows && (
        <section aria-labelledby="paste-result" className="space-y-2">
          <h2 id="paste-result" className="text-xl font-semibold">
            抽取结果
          </h2>
          <p role="status">
            从 {state.populationSize} 个候选对象中抽取 {state.rows.length} 个：
          </p>
          <ol className="space-y-2">
            {state.rows.map((r) => (
              <li key={r.id} className="rounded bg-white p-3 shadow-sm">
                {r.rank}. {r.name}
                {r.districtName ? `（${r.districtName}）` : ''}，权重 {r.weight}；检查人员：{r.inspectors.join('、') || '—'}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
