'use client';

import { FormAlert } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { publishEvaluationAction, runEvaluationAction, type EvaluationState } from '../actions';

/** 计算 (and recompute while unpublished) and 公布, each a one-click form that works without JavaScript too. */
export function EvaluationActions({ year, computed, published }: { year: number; computed: boolean; published: boolean }) {
  const { state: runState, pending: running, formProps: runFormProps } = useFormAction<EvaluationState>(runEvaluationAction, {});
  const { state: pubState, pending: publishing, formProps: pubFormProps } = useFormAction<EvaluationState>(publishEvaluationAction, {});
  if (published) return null;
  return (
    <div className="space-y-3">
      <FormAlert message={runState.message ?? pubState.message ?? null} />
      <div className="flex flex-wrap gap-3">
        <form {...runFormProps}>
          <input type="hidden" name="year" value={year} />
          <button type="submit" disabled={running} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
            {running ? '正在计算…' : computed ? `重新计算${year}年度评价` : `计算${year}年度评价`}
          </button>
        </form>
        {computed && (
          <form {...pubFormProps}>
            <input type="hidden" name="year" value={year} />
            <button type="submit" disabled={publishing} className="min-h-11 rounded border border-red-700 px-5 py-2 font-medium text-red-800 disabled:opacity-60">
              {publishing ? '正在公布…' : `公布${year}年度评价`}
            </button>
          </form>
        )}
      </div>
      {computed && <p className="text-sm text-slate-600">公布后不能再修改：得分低于约谈线的企业将收到约谈通知和风险提示函，连续两年低于约谈线的企业列入黑榜。</p>}
    </div>
  );
}
