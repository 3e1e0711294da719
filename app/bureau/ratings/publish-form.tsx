'use client';
/**
 * The city's 发布: from the ratings page a link to the check-your-answers page (./publish), and there the second
 * confirmation, a plain form (works without JavaScript) carrying the fingerprint of the plan shown.
 */
import Link from 'next/link';
import { useFormAction } from '@/components/forms/use-form-action';
import { publishQuarterAction, type PublishFormState } from './actions';

export function PublishLink({
  quarter,
  quarterLabel,
  complete,
  publishedNote,
}: {
  quarter: string;
  quarterLabel: string;
  complete: boolean;
  /** Set once the quarter is published: shown instead of the link. */
  publishedNote: string | null;
}) {
  if (publishedNote) return <p className="text-slate-700">{publishedNote}</p>;
  return (
    <div className="space-y-2">
      <p id="publish-hint" className="text-sm text-slate-700">
        发布后评定结果对外公开，不能再修改；同时对连续三次评定为“优秀”“良好”“差”的项目执行第十四条的措施。发布前先核对将要公开的内容。
        {!complete && ' 尚有项目未评定，未评定的项目本季度不发布结果。'}
      </p>
      <Link href={`/bureau/ratings/publish?q=${quarter}`} aria-describedby="publish-hint" className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-medium text-white">
        核对并发布{quarterLabel}评定结果
      </Link>
    </div>
  );
}

export function ConfirmPublishForm({ quarter, quarterLabel, fingerprint }: { quarter: string; quarterLabel: string; fingerprint: string }) {
  const { state, pending, formProps } = useFormAction<PublishFormState>(publishQuarterAction, {});
  if (state.published) {
    const t = state.published.triggered;
    return (
      <div className="space-y-2">
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已发布{quarterLabel}评定结果（{state.published.rated} 个项目）。连续三次评定：优秀 {t['优秀'] ?? 0} 个、良好 {t['良好'] ?? 0} 个、差 {t['差'] ?? 0} 个（已列入黑榜并进入整改期）。
        </p>
        <Link href={`/bureau/ratings?q=${quarter}`} className="text-brand-800 underline">
          返回季度评定
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {state.message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}{' '}
          <Link href={`/bureau/ratings/publish?q=${quarter}`} className="underline">
            重新核对
          </Link>
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在发布…' : `确认发布${quarterLabel}评定结果`}
      </button>
    </form>
  );
}
