'use client';
/**
 * One multipart form for every filing of a staff record (SN 9–14): a company's good record, a report of bad
 * conduct, the association's commendation or public censure, and the bureau's direct entry. The person was chosen
 * beforehand (components/records/person-picker.tsx) and travels as a hidden field. The server decides; the
 * lateness hint here only tells the filer in advance what the record will show (SN 12: 5 days, SN 14: 3 days).
 */
import { useState } from 'react';
import { FormAlert, inputClass } from '@/components/forms/field';
import type { RecordFormState } from '@/lib/actions/record-form';
import {
  ASSOCIATION_CENSURE_TYPE,
  BAD_RECORD_TYPES,
  COMPANY_GOOD_RECORD_TYPES,
  GOOD_RECORD_HINTS,
  OWNER_PRAISE_FORMS,
  OWNER_PRAISE_NOTE,
  type GoodRecordType,
} from '@/lib/domain/records';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';

export type RecordFormMode = 'good' | 'report' | 'censure' | 'entry' | 'commendation';

const SUBMIT: Record<RecordFormMode, string> = {
  good: '提交区县住建部门审核',
  report: '报送不良行为线索',
  censure: '报送公开谴责',
  entry: '录入不良行为记录',
  commendation: '报送行业协会表彰',
};

function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}

function Err({ id, msg }: { id: string; msg?: string }) {
  return msg ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

export function RecordFilingForm({
  action: submit,
  mode,
  practitionerId,
  today,
  limitDays,
  defaultIssuer,
}: {
  action: (prev: RecordFormState, fd: FormData) => Promise<RecordFormState>;
  mode: RecordFormMode;
  practitionerId: string;
  today: string;
  /** SN 12 / SN 14 from the current policy: days allowed after receipt. */
  limitDays?: number;
  defaultIssuer?: string;
}) {
  const { state, pending, formProps } = useFormAction<RecordFormState>(submit, {});
  const v = state.values ?? {};
  const [type, setType] = useState<string>(v.type ?? '');
  const [receivedOn, setReceivedOn] = useState<string>(v.receivedOn ?? '');
  const e = (k: string) => state.fieldErrors?.[k]?.[0];
  const a11y = (k: string, hint?: string) => {
    const ids = [hint, e(k) ? `${k}-error` : null].filter(Boolean).join(' ');
    return { id: k, name: k, 'aria-invalid': !!e(k), 'aria-describedby': ids || undefined };
  };
  const hasReceived = mode === 'good' || mode === 'report' || mode === 'censure';
  const elapsed = receivedOn ? daysBetween(receivedOn, today) : null;
  const lateBy = limitDays != null && elapsed != null ? elapsed - limitDays : 0;
  const outstanding = mode === 'good' && type === '从业表现突出';
  const praise = mode === 'good' && type === '业主书面表扬';
  // Keyed on what came back, so that a refused form shows what was typed.
  const k = (name: string) => `${name}-${v[name] ?? ''}`;

  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      {state.message && <p className="text-sm text-slate-600">如已选择文件，请重新选择后再提交。</p>}
      <input type="hidden" name="practitionerId" value={practitionerId} />
      {e('practitionerId') && <p className="text-sm text-red-700">{e('practitionerId')}</p>}

      {mode === 'good' && (
        <div>
          <label htmlFor="type" className="block font-medium">
            优良信息类型
          </label>
          {/* Uncontrolled (React resets a form after its action): remounted with what came back, the state only steers the fields below. */}
          <select {...a11y('type', 'type-hint')} key={k('type')} defaultValue={v.type ?? ''} onChange={(ev) => setType(ev.target.value)} required className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {COMPANY_GOOD_RECORD_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <p id="type-hint" className="mt-1 text-sm text-slate-600">
            {type ? GOOD_RECORD_HINTS[type as GoodRecordType] : '行业协会表彰由行业协会在平台直接报送，企业无需登记。'}
          </p>
          <Err id="type-error" msg={e('type')} />
        </div>
      )}

      {(mode === 'report' || mode === 'entry') && (
        <div>
          <label htmlFor="type" className="block font-medium">
            不良行为类型（第十三条）
          </label>
          <select {...a11y('type')} key={k('type')} defaultValue={v.type ?? ''} required className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {BAD_RECORD_TYPES.map((t, i) => (
              <option key={t} value={t}>
                {i + 1}. {t}
              </option>
            ))}
          </select>
          <Err id="type-error" msg={e('type')} />
        </div>
      )}

      {mode === 'censure' && (
        <p className="rounded bg-slate-50 px-3 py-2 text-sm">
          类型：<strong>{ASSOCIATION_CENSURE_TYPE}</strong>（第十三条第四项）
        </p>
      )}

      {praise && (
        <div>
          <label htmlFor="praiseForm" className="block font-medium">
            书面表扬的形式
          </label>
          <p id="praiseForm-hint" className="text-sm text-amber-900">
            {OWNER_PRAISE_NOTE}
          </p>
          <select {...a11y('praiseForm', 'praiseForm-hint')} key={k('praiseForm')} defaultValue={v.praiseForm ?? ''} required className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {OWNER_PRAISE_FORMS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <Err id="praiseForm-error" msg={e('praiseForm')} />
        </div>
      )}

      {outstanding && (
        <div>
          <label htmlFor="participants" className="block font-medium">
            参与人员
          </label>
          <p id="participants-hint" className="text-sm text-slate-600">
            参与处置的人员姓名（第十一条），如“张三、李四、王五”。
          </p>
          <input {...a11y('participants', 'participants-hint')} key={k('participants')} defaultValue={v.participants} required maxLength={300} className={inputClass} />
          <Err id="participants-error" msg={e('participants')} />
        </div>
      )}

      {(mode === 'good' || mode === 'entry') && (
        <div>
          <label htmlFor="issuer" className="block font-medium">
            {mode === 'good' ? '表彰或表扬单位（人）' : '出具（认定）单位'}
          </label>
          {mode === 'good' && (
            <p id="issuer-hint" className="text-sm text-slate-600">
              如“船山区住房和城乡建设局”“天宫花园 3 栋业主”；从业表现突出填写本企业名称。
            </p>
          )}
          <input
            {...a11y('issuer', mode === 'good' ? 'issuer-hint' : undefined)}
            key={k('issuer')}
            defaultValue={v.issuer ?? defaultIssuer}
            required
            maxLength={80}
            className={inputClass}
          />
          <Err id="issuer-error" msg={e('issuer')} />
        </div>
      )}

      <div>
        <label htmlFor="description" className="block font-medium">
          {mode === 'good' ? '事由' : mode === 'commendation' ? '表彰名称及事由' : mode === 'censure' ? '谴责事由' : '事实经过'}
        </label>
        <textarea {...a11y('description')} key={k('description')} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />
        <Err id="description-error" msg={e('description')} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="occurredOn" className="block font-medium">
            {mode === 'good' ? '表彰或事件日期' : mode === 'commendation' ? '表彰日期' : '行为发生日期'}
          </label>
          {mode === 'commendation' && (
            <p id="occurredOn-hint" className="text-sm text-slate-600">
              计入表彰日期所在年度的名额。
            </p>
          )}
          <input
            {...a11y('occurredOn', mode === 'commendation' ? 'occurredOn-hint' : undefined)}
            key={k('occurredOn')}
            defaultValue={v.occurredOn}
            type="date"
            max={today}
            required
            className={inputClass}
          />
          <Err id="occurredOn-error" msg={e('occurredOn')} />
        </div>
        {hasReceived && (
          <div>
            <label htmlFor="receivedOn" className="block font-medium">
              {mode === 'good' ? '收到表彰文件（事件发生）日期' : mode === 'censure' ? '公开谴责决定日期' : '收到（出具）证明材料日期'}
            </label>
            <input
              {...a11y('receivedOn', 'receivedOn-hint')}
              key={k('receivedOn')}
              defaultValue={v.receivedOn}
              onChange={(ev) => setReceivedOn(ev.target.value)}
              type="date"
              max={today}
              required
              className={inputClass}
            />
            <p id="receivedOn-hint" className="mt-1 text-sm text-slate-600">
              {mode === 'good' ? '应在收到之日起 ' : '应自收到（出具）之日起 '}
              {limitDays} 日内报送（{mode === 'good' ? '第十二条' : '第十四条'}）。
            </p>
            {lateBy > 0 && (
              <p role="status" className="mt-1 rounded bg-amber-100 px-2 py-1 text-sm text-amber-900">
                现在报送将逾期 {lateBy} 天：仍可提交，记录上将标注“逾期 {lateBy} 天”。
              </p>
            )}
            <Err id="receivedOn-error" msg={e('receivedOn')} />
          </div>
        )}
      </div>

      {!outstanding && (
        <div>
          <label htmlFor="evidence" className="block font-medium">
            证明材料
          </label>
          <p id="evidence-hint" className="text-sm text-slate-600">
            {mode === 'good'
              ? praise
                ? '表扬信的扫描件或照片、锦旗的照片；'
                : '表彰文件、证书的扫描件或照片；'
              : mode === 'commendation'
                ? '表彰文件的扫描件；'
                : '处罚决定书、调查笔录、投诉核实材料、照片等；'}
            最多 5 个 PDF 或图片文件，每个不超过 5 MB。图片会重新编码并去除拍摄位置等信息。
          </p>
          <input {...a11y('evidence', 'evidence-hint')} type="file" multiple required accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
          <Err id="evidence-error" msg={e('evidence')} />
        </div>
      )}

      {outstanding && (
        <>
          <div>
            <label htmlFor="photos" className="block font-medium">
              现场照片
            </label>
            <p id="photos-hint" className="text-sm text-slate-600">
              至少一张现场照片（第十一条）；JPEG、PNG 或 WebP，最多 5 张，每张不超过 5 MB。
            </p>
            <input {...a11y('photos', 'photos-hint')} type="file" multiple required accept="image/jpeg,image/png,image/webp" className="mt-1 block" />
            <Err id="photos-error" msg={e('photos')} />
          </div>
          <div>
            <label htmlFor="evidence" className="block font-medium">
              其他证明材料（选填）
            </label>
            <p id="evidence-hint" className="text-sm text-slate-600">
              如业主的感谢信、情况说明；最多 5 个 PDF 或图片文件。
            </p>
            <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
            <Err id="evidence-error" msg={e('evidence')} />
          </div>
        </>
      )}

      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : SUBMIT[mode]}
      </button>
    </form>
  );
}
