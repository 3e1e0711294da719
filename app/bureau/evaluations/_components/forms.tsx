'use client';

import { FormAlert } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import Link from 'next/link';
import { publishEvaluationAction, runEvaluationAction, type EvaluationState } from '../actions';

/** 计算 (and recompute while unpublished), a one-click form that works without JavaScript too, and the way to 公布: its check-your-answers page. */
export function EvaluationActions({ year, computed, published }: { year: number; computed: boolean; published: boolean }) {
  const { state: runState, pending: running, formProps: runFormProps } = useFormAction<EvaluationState>(runEvaluationAction, {});
  if (published) return null;
  return (
    <div className="space-y-3">
      <FormAlert message={runState.message ?? null} />
      <div className="flex flex-wrap gap-3">
        <form {...runFormProps}>
          <input type="hidden" name="year" value={year} />
          <button type="submit" disabled={running} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
            {running ? '正在计算…' : computed ? `重新计算${year}年度评价` : `计算${year}年度评价`}
          </button>
        </form>
        {computed && (
          <Link href={`/bureau/evaluations/${year}/publish`} className="inline-flex min-h-11 items-center rounded border border-red-700 px-5 py-2 font-medium text-red-800">
            核对并公布{year}年度评价
          </Link>
        )}
      </div>
      {computed && <p className="text-sm text-slate-600">公布后不能再修改：得分低于约谈线的企业将收到约谈通知和风险提示函，连续两年低于约谈线的企业列入黑榜。</p>}
    </div>
  );
}

/** The second confirmation on the check-your-answers page: it carries the fingerprint of the plan shown. */
export function ConfirmPublishForm({ year, fingerprint }: { year: number; fingerprint: string }) {
  const { state, pending, formProps } = useFormAction<EvaluationState>(publishEvaluationAction, {});
  return (
    <form {...formProps} className="space-y-3">
      <FormAlert message={state.message ?? null} />
      {state.message && (
        <p>
          <Link href={`/bureau/evaluations/${year}/publish`} className="text-brand-800 underline">
            重新核对
          </Link>
        </p>
      )}
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-red-800 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在公布…' : `确认公布${year}年度评价`}
      </button>
    </form>
  );
}
