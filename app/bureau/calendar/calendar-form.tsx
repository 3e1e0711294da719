'use client';
/**
 * One year's holiday schedule as text: 预览 shows what was understood, 确认保存 saves it. Works without
 * JavaScript; with it, a .csv or .txt file can be read into the text box, and editing the text hides a stale
 * preview.
 */
import Link from 'next/link';
import { useState } from 'react';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { holidayCalendarAction, type CalendarFormState } from './actions';

const input = 'mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700';

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

export function CalendarForm({ initial }: { initial: { year: string; source: string; schedule: string; baseVersion: string } }) {
  const { state, pending, formProps } = useFormAction<CalendarFormState>(holidayCalendarAction, {});
  const v = state.values ?? initial;
  const [edited, setEdited] = useState(false);
  const e = state.fieldErrors ?? {};
  const preview = state.preview && !edited ? state.preview : null;
  const scheduleHint = 'schedule-hint';
  if (state.saved) {
    return (
      <div role="status" className="rounded bg-green-50 px-3 py-3 text-green-900">
        {state.saved.year} 年节假日安排已保存（第 {state.saved.version} 版），工作日期限自即刻起按此计算。{' '}
        <Link href="/bureau/calendar" className="underline">
          返回节假日安排
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} key={`${v.year}|${v.baseVersion}|${v.source}|${v.schedule}`} noValidate className="space-y-4" onChange={() => setEdited(true)} onSubmit={(ev) => {
        setEdited(false);
        formProps.onSubmit(ev);
      }}>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="baseVersion" value={v.baseVersion} />
      {state.message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {e._form?.[0] ?? state.message}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <div>
          <label htmlFor="cal-year" className="block font-medium">
            年份
          </label>
          <input
            id="cal-year"
            name="year"
            inputMode="numeric"
            defaultValue={v.year}
            readOnly={v.baseVersion !== '0'}
            aria-invalid={!!e.year}
            aria-describedby={e.year ? 'cal-year-error' : undefined}
            className={input}
          />
          <FieldError id="cal-year-error" messages={e.year} />
        </div>
        <div>
          <label htmlFor="cal-source" className="block font-medium">
            依据
          </label>
          <input
            id="cal-source"
            name="source"
            defaultValue={v.source}
            placeholder="如：国务院办公厅关于2027年部分节假日安排的通知"
            aria-invalid={!!e.source}
            aria-describedby={e.source ? 'cal-source-error' : undefined}
            className={input}
          />
          <FieldError id="cal-source-error" messages={e.source} />
        </div>
      </div>
      <div>
        <label htmlFor="cal-schedule" className="block font-medium">
          放假和调休上班安排
        </label>
        <div id={scheduleHint} className="text-sm text-slate-600">
          <p>每行一项：单日或起止日期加节日名称；调休上班日写“补班”。例如（示例，非真实安排）：</p>
          <pre className="mt-1 rounded bg-slate-50 px-2 py-1 text-xs">{'2027-01-01 元旦\n2027-02-15~2027-02-21 春节\n补班 2027-02-14'}</pre>
          <p className="mt-1">也可以在 Excel 中选中“日期、结束日期、名称”几列复制后粘贴，或读取 CSV/文本文件。</p>
        </div>
        <textarea
          id="cal-schedule"
          name="schedule"
          rows={14}
          defaultValue={v.schedule}
          aria-invalid={!!e.schedule}
          aria-describedby={[scheduleHint, e.schedule ? 'cal-schedule-error' : null].filter(Boolean).join(' ')}
          className={`${input} font-mono text-sm`}
        />
        <FieldError id="cal-schedule-error" messages={e.schedule} />
        <label className="mt-2 block text-sm">
          读取文件（.csv 或 .txt）：
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="ml-2 text-sm"
            onChange={async (ev) => {
              const picker = ev.currentTarget;
              const file = picker.files?.[0];
              const box = document.getElementById('cal-schedule') as HTMLTextAreaElement | null;
              if (file && box && file.size <= 100_000) box.value = await file.text();
              picker.value = '';
              setEdited(true);
            }}
          />
        </label>
      </div>
      {preview && (
        <section aria-labelledby="preview-heading" className="rounded border border-amber-300 bg-amber-50 p-4">
          <h3 id="preview-heading" className="font-semibold">
            预览：{preview.year} 年共 {preview.holidayDays} 天放假、{preview.workdays} 天调休上班
          </h3>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-amber-300">
                <th scope="col" className="py-1">日期</th>
                <th scope="col" className="py-1">安排</th>
                <th scope="col" className="py-1">天数</th>
              </tr>
            </thead>
            <tbody>
              {preview.items.map((it) => (
                <tr key={it.from} className="border-b border-amber-200">
                  <td className="py-1">{it.from === it.to ? it.from : `${it.from} 至 ${it.to}`}</td>
                  <td className="py-1">{it.kind === 'holiday' ? `${it.name} 放假` : `上班（${it.name}）`}</td>
                  <td className="py-1">{it.days}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-sm">请与国务院办公厅的通知逐项核对。保存后，所有按工作日计算的期限立即按此安排计算。</p>
          <button type="submit" name="intent" value="save" disabled={pending} className="mt-2 rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
            {pending ? '正在保存…' : '确认保存'}
          </button>
        </section>
      )}
      <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-brand-700 px-4 py-2 text-brand-800 disabled:opacity-60">
        {pending && !preview ? '正在检查…' : preview ? '重新预览' : '预览'}
      </button>
    </form>
  );
}
