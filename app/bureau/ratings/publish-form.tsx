'use client';
/** The city's 发布 button for one quarter (a plain form: works without JavaScript). */
import { useFormAction } from '@/components/forms/use-form-action';
import { publishQuarterAction, type PublishFormState } from './actions';

export function PublishForm({
  quarter,
  quarterLabel,
  complete,
  publishedNote,
}: {
  quarter: string;
  quarterLabel: string;
  complete: boolean;
  /** Set once the quarter is published: shown instead of the button (after this user's own publication, its result). */
  publishedNote: string | null;
}) {
  const { state, pending, formProps } = useFormAction<PublishFormState>(publishQuarterAction, {});
  if (state.published) {
    const t = state.published.triggered;
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
        已发布{quarterLabel}评定结果（{state.published.rated} 个项目）。连续三次评定：优秀 {t['优秀'] ?? 0} 个、良好 {t['良好'] ?? 0} 个、差 {t['差'] ?? 0} 个（已列入黑榜并进入整改期）。
      </p>
    );
  }
  if (publishedNote) return <p className="text-slate-700">{publishedNote}</p>;
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="quarter" value={quarter} />
      {state.message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <p id="publish-hint" className="text-sm text-slate-700">
        发布后评定结果对外公开，不能再修改；同时对连续三次评定为“优秀”“良好”“差”的项目执行第十四条的措施。
        {!complete && ' 尚有项目未评定，未评定的项目本季度不发布结果。'}
      </p>
      <button type="submit" disabled={pending} aria-describedby="publish-hint" className="rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在发布…' : `发布${quarterLabel}评定结果`}
      </button>
    </form>
  );
}
