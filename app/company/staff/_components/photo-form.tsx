'use client';

import { ErrorSummary } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { addPhotoAction, type PhotoState } from '../actions';

/** The photo of a person who has none (bulk-imported rows may lack one; approval needs it). */
export function PhotoForm({ practitionerId }: { practitionerId: string }) {
  const { state, pending, formProps } = useFormAction<PhotoState>(addPhotoAction, {});
  return (
    <form {...formProps} className="space-y-3 rounded-lg bg-white p-5 shadow-sm" aria-labelledby="photo-heading">
      <h2 id="photo-heading" className="text-lg font-semibold">
        补充证件照
      </h2>
      <p className="text-sm text-slate-600">该人员还没有证件照，审核通过前须补充。JPEG、PNG 或 WebP，不超过 5 MB。</p>
      <ErrorSummary items={state.message ? [{ name: 'photo', fieldId: 'add-photo', message: state.message }] : []} focusKey={state} />
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <div>
        <label htmlFor="add-photo" className="block font-medium">
          证件照
        </label>
        <input
          id="add-photo"
          name="photo"
          type="file"
          required
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={!!state.message}
          aria-describedby={state.message ? 'add-photo-error' : undefined}
          className="mt-1 block text-sm"
        />
        {state.message && (
          <p id="add-photo-error" role="alert" className="mt-1 text-sm text-red-700">
            {state.message}
          </p>
        )}
      </div>
      {state.done && <p role="status">证件照已上传。</p>}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
        {pending ? '正在上传…' : '上传证件照'}
      </button>
    </form>
  );
}
