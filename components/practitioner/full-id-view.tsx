'use client';

import { useFormAction } from '@/components/forms/use-form-action';

export interface FullIdState {
  idNumber?: string;
  message?: string;
}

/**
 * "查看完整身份证号": an explicit request, logged on the server (SPEC §3.11). The number lives only in this
 * form's response state; the page itself never carries it.
 */
export function FullIdView({ practitionerId, action }: { practitionerId: string; action: (prev: FullIdState, fd: FormData) => Promise<FullIdState> }) {
  const { state, pending, formProps } = useFormAction<FullIdState>(action, {});
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-brand-800 disabled:opacity-60">
        {pending ? '正在查询…' : '查看完整身份证号'}
      </button>
      <span className="text-slate-600">每次查看都会记入审计日志。</span>
      {state.idNumber && (
        <p role="status" className="w-full">
          完整身份证号码：<span className="font-mono text-base">{state.idNumber}</span>
        </p>
      )}
      {state.message && (
        <p role="alert" className="w-full text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
