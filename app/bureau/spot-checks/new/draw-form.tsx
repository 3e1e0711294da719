'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import { PlainInput } from '@/components/forms/plain-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { drawSpotCheckAction, type DrawState } from '../actions';

const ORDER = ['title', 'quarter', 'population', 'districtId', 'sampleSize', 'perItem', 'publicSeed'];

function Select({ name, label, hint, value, options, error }: { name: string; label: string; hint?: string; value: string; options: { value: string; label: string }[]; error?: string }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <select id={name} name={name} defaultValue={value} aria-invalid={!!error} aria-describedby={describedBy} className="mt-1 w-full rounded border border-slate-400 px-3 py-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Step 1: what to draw from; step 2 (the same form, answered): check your answers, then 确认抽取 (final). */
export function DrawForm({ quarters, defaultQuarter, districts }: { quarters: { value: string; label: string }[]; defaultQuarter: string; districts: { id: string; name: string }[] }) {
  const { state, pending, formProps } = useFormAction<DrawState>(drawSpotCheckAction, {});
  const v = state.values ?? {};
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const p = state.preview;
  if (p) {
    return (
      <form {...formProps} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold">请核对后确认抽取</h2>
        <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">确认后立即生成种子并抽取，抽取结果不能修改或删除，种子写入审计日志。</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">抽查名称</dt>
          <dd>{p.title}</dd>
          <dt className="font-medium">季度（结果计入）</dt>
          <dd>{p.quarterLabel}</dd>
          <dt className="font-medium">抽查范围内的对象</dt>
          <dd>{p.populationSize} 个</dd>
          <dt className="font-medium">权重分布</dt>
          <dd>
            <ul>
              {p.weights.map((w) => (
                <li key={w.weight}>
                  权重 {w.weight}：{w.count} 个
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-medium">抽取数量</dt>
          <dd>{p.sampleSize} 个</dd>
          <dt className="font-medium">每个对象的检查人员</dt>
          <dd>
            {p.perItem} 名（名册在岗 {p.rosterSize} 人，每人最多 {p.loadCap} 个对象）
          </dd>
          <dt className="font-medium">种子</dt>
          <dd>{p.seedSource === 'public' ? `公开种子：${v.publicSeed}` : '确认时由系统生成 32 字节随机数'}</dd>
        </dl>
        {Object.entries(v)
          .filter(([k]) => k !== 'confirm')
          .map(([k, val]) => (
            <input key={k} type="hidden" name={k} value={val} />
          ))}
        <input type="hidden" name="confirm" value="true" />
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
            {pending ? '正在抽取…' : '确认抽取'}
          </button>
          <button type="submit" name="back" value="1" disabled={pending} className="min-h-11 rounded border border-brand-700 px-4 py-2 text-brand-800 disabled:opacity-60">
            返回修改
          </button>
        </div>
      </form>
    );
  }
  return (
    <form {...formProps} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <ErrorSummary items={summaryItems(state.fieldErrors, { order: ORDER })} focusKey={state} />
      <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
      <PlainInput name="title" label="抽查名称" hint="如：2026年第四季度住宅小区双随机抽查" defaultValue={v.title ?? ''} error={err('title')} maxLength={80} />
      <Select name="quarter" label="季度" hint="抽查得分计入该季度的小区评定" value={v.quarter ?? defaultQuarter} options={quarters} error={err('quarter')} />
      <Select
        name="population"
        label="抽查对象"
        hint="小区：有物业服务企业在管的住宅小区；企业：在管至少一个小区的物业服务企业"
        value={v.population ?? 'estate'}
        options={[
          { value: 'estate', label: '小区（住宅物业项目）' },
          { value: 'company', label: '物业服务企业' },
        ]}
        error={err('population')}
      />
      <Select name="districtId" label="范围" value={v.districtId ?? ''} options={[{ value: '', label: '全市' }, ...districts.map((d) => ({ value: d.id, label: d.name }))]} error={err('districtId')} />
      <PlainInput name="sampleSize" label="抽取数量" inputMode="numeric" defaultValue={v.sampleSize ?? '10'} error={err('sampleSize')} />
      <PlainInput name="perItem" label="每个对象的检查人员数" inputMode="numeric" defaultValue={v.perItem ?? '2'} error={err('perItem')} />
      <div className="flex items-start gap-2">
        <input id="avoidOwnDistrict" name="avoidOwnDistrict" type="checkbox" defaultChecked={v.avoidOwnDistrict === undefined ? true : v.avoidOwnDistrict === 'on'} className="mt-1 h-5 w-5" />
        <label htmlFor="avoidOwnDistrict">回避：区县的检查人员不检查本区县的对象</label>
      </div>
      <PlainInput
        name="publicSeed"
        label="公开种子（可不填）"
        hint="不填则确认时由系统生成随机种子；也可填写事先约定、抽取前无人能知道的公开数字（如某期福利彩票开奖号码）"
        defaultValue={v.publicSeed ?? ''}
        error={err('publicSeed')}
        maxLength={200}
        autoComplete="off"
      />
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在核对…' : '下一步：核对'}
      </button>
    </form>
  );
}
