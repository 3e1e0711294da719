'use client';
/**
 * The data-use forms (plain forms: they work without JavaScript): a request (company, committee, department), the
 * company's consent, and the district's decision with its check-your-answers step.
 */
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert, inputClass } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { a11yOf, Err, Submit } from '@/components/objections/record-objection-fields';
import { FIELD_GROUP_LABELS, FIELD_GROUPS } from '@/lib/domain/data-use';

export interface DataUseState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** The decision's review step: what will be visible, to whom, until when. */
  review?: {
    outcome: 'approve' | 'refuse';
    requesterName: string;
    people: { id: string; name: string; post: string; projectName: string | null }[];
    fields: string[];
    fieldLabels: string[];
    expiresOn: string | null;
    reason: string | null;
  };
}
type Act = (prev: DataUseState, fd: FormData) => Promise<DataUseState>;

function TextField({ state, name, label, hint, rows, max, required = true }: { state: DataUseState; name: string; label: string; hint?: string; rows?: number; max: number; required?: boolean }) {
  const { e, a11y } = a11yOf(state);
  const v = state.values?.[name];
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
      {rows ? (
        <textarea {...a11y(name, hint ? `${name}-hint` : undefined)} key={`${name}-${v}`} defaultValue={v} required={required} rows={rows} maxLength={max} className={inputClass} />
      ) : (
        <input {...a11y(name, hint ? `${name}-hint` : undefined)} key={`${name}-${v}`} defaultValue={v} required={required} maxLength={max} className={inputClass} />
      )}
      <Err id={`${name}-error`} msg={e(name)} />
    </div>
  );
}

/** A request: which company (committee, department), the official letter (department), whom, use, purpose, scope, the promise. */
export function RequestForm({ act, kind }: { act: Act; kind: 'company' | 'committee' | 'department' }) {
  const { state, pending, formProps } = useFormAction<DataUseState>(act, {});
  const { e, a11y } = a11yOf(state);
  const subjects = state.values?.subjects ?? 'all_current';
  return (
    <form {...formProps} encType="multipart/form-data" className="space-y-4 rounded-lg bg-white p-5 shadow-sm">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      {kind !== 'company' && (
        <TextField
          state={state}
          name="companyUscc"
          label={kind === 'committee' ? '候选物业服务企业的统一社会信用代码' : '所涉物业服务企业的统一社会信用代码'}
          hint="18 位，可在企业信用信息公示页面查到。"
          max={18}
        />
      )}
      {kind === 'department' && (
        <>
          <TextField state={state} name="letterRef" label="公函文号" hint="例如：遂市监函〔2026〕12 号" max={100} />
          <div>
            <label htmlFor="letter" className="block font-medium">
              正式公函
            </label>
            <p id="letter-hint" className="text-sm text-slate-600">
              加盖公章的公函，写明使用事项、用途及范围并承诺履行信息保护义务：1 个 PDF 或图片文件，不超过 5 MB。
            </p>
            <input {...a11y('letter', 'letter-hint')} type="file" required accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block max-w-full" />
            <Err id="letter-error" msg={e('letter')} />
          </div>
        </>
      )}
      <fieldset aria-describedby={e('subjects') ? 'subjects-error' : undefined}>
        <legend className="font-medium">查询哪些人员</legend>
        <label className="mt-1 flex min-h-11 items-center gap-2">
          <input type="radio" id="subjects" name="subjects" value="all_current" defaultChecked={subjects === 'all_current'} />
          该企业全部在职从业人员
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="subjects" value="listed" defaultChecked={subjects === 'listed'} />
          指定人员（在下面填写姓名）
        </label>
        <Err id="subjects-error" msg={e('subjects')} />
      </fieldset>
      <TextField state={state} name="names" label="指定人员姓名（选填）" hint="选择“指定人员”时填写，每行一个姓名。审批部门按姓名在该企业在职人员中确认。" rows={3} max={4000} required={false} />
      <TextField state={state} name="useMatter" label="使用事项" hint={kind === 'company' ? '例如：参加某小区物业服务项目投标' : kind === 'committee' ? '例如：选聘物业服务企业' : '例如：行政执法调查'} max={200} />
      <TextField state={state} name="purpose" label="用途" hint="说明为什么需要这些信息（至少 4 个字）。" rows={3} max={1000} />
      <TextField state={state} name="scopeText" label="使用范围" hint="信息将在什么范围内使用、由谁使用。" rows={2} max={1000} />
      <div>
        <label className="flex items-start gap-2">
          <input {...a11y('protectionPromised')} type="checkbox" value="on" required className="mt-1" />
          <span>本单位承诺严格履行信息保护义务，做好信息安全管理，仅将信息用于上述用途，不出售、出租或以其他方式提供给第三方（《遂宁市物业服务从业人员执业管理办法》第二十条、第二十一条）。</span>
        </label>
        <Err id="protectionPromised-error" msg={e('protectionPromised')} />
      </div>
      <Submit pending={pending} label="提交申请" />
    </form>
  );
}

/** The company concerned answers a committee's request. */
export function ConsentForm({ act, requestId, version }: { act: Act; requestId: string; version: number }) {
  const { state, pending, formProps } = useFormAction<DataUseState>(act, {});
  const { e, a11y } = a11yOf(state);
  return (
    <form {...formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={e('answer') ? 'answer-error' : undefined}>
        <legend className="font-medium">本企业的意见</legend>
        <label className="mt-1 flex min-h-11 items-center gap-2">
          <input type="radio" id="answer" name="answer" value="consent" />
          同意该业主委员会向住建部门申请查询本企业人员信息
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="answer" value="refuse" />
          不同意（请写明理由）
        </label>
        <Err id="answer-error" msg={e('answer')} />
      </fieldset>
      <div>
        <label htmlFor="reason" className="block font-medium">
          理由（不同意时必填）
        </label>
        <textarea {...a11y('reason')} rows={3} maxLength={1000} className={inputClass} />
        <Err id="reason-error" msg={e('reason')} />
      </div>
      <Submit pending={pending} label="提交意见" />
    </form>
  );
}

/**
 * The district's decision. The first submit checks and shows exactly what will be visible, to whom and until when;
 * the second (确认) decides. The values travel in hidden inputs of the confirmation form.
 */
export function DecisionForm({
  act,
  requestId,
  version,
  staff,
  preselected,
  defaultExpiry,
  latestExpiry,
}: {
  act: Act;
  requestId: string;
  version: number;
  staff: { id: string; name: string; post: string; projectName: string | null }[];
  preselected: string[];
  defaultExpiry: string;
  latestExpiry: string;
}) {
  const { state, pending, formProps } = useFormAction<DataUseState>(act, {});
  const { e, a11y } = a11yOf(state);
  const review = state.review;
  if (review) {
    return (
      <form {...formProps} className="space-y-4" aria-labelledby="review-heading">
        <FormAlert message={state.message ?? null} />
        <h3 id="review-heading" className="text-lg font-semibold">
          请核对审批结果
        </h3>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="outcome" value={review.outcome} />
        <input type="hidden" name="step" value="confirm" />
        {review.outcome === 'approve' ? (
          <>
            <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">可以查看的单位</dt>
              <dd>{review.requesterName}</dd>
              <dt className="text-slate-600">可以查看到</dt>
              <dd>
                {review.expiresOn}（含当日），之后自动失效
                <input type="hidden" name="expiresOn" value={review.expiresOn ?? ''} />
              </dd>
              <dt className="text-slate-600">可以查看的信息</dt>
              <dd>
                姓名、性别、年龄、隐去中间位数的身份证号码，以及：{review.fieldLabels.join('；')}
                {review.fields.map((f) => (
                  <input key={f} type="hidden" name="fields" value={f} />
                ))}
              </dd>
              <dt className="text-slate-600">可以查看的人员（{review.people.length} 人）</dt>
              <dd>
                <ul className="list-disc pl-5">
                  {review.people.map((p) => (
                    <li key={p.id}>
                      {p.name}（{p.projectName ?? '—'}，{p.post}）
                      <input type="hidden" name="practitionerIds" value={p.id} />
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
            <p className="text-sm text-slate-700">申请单位只能逐人查看，不能导出或批量打印；每次查看都记入审计日志，本人可以查询。完整身份证号、出生日期、民族、籍贯、政治面貌和个人手机号码不在授权范围内。</p>
          </>
        ) : (
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">结果</dt>
            <dd>不予批准</dd>
            <dt className="text-slate-600">理由（申请单位可以看到）</dt>
            <dd>
              {review.reason}
              <input type="hidden" name="reason" value={review.reason ?? ''} />
            </dd>
          </dl>
        )}
        <div className="flex flex-wrap gap-3">
          <Submit pending={pending} label={review.outcome === 'approve' ? '确认批准' : '确认不予批准'} />
          {/* A plain link (a fresh form) so that it works without JavaScript too. */}
          <a href={`/bureau/data-requests/${requestId}`} className="inline-flex min-h-11 items-center rounded border border-brand-700 px-5 py-2 text-brand-800">
            返回修改
          </a>
        </div>
      </form>
    );
  }
  const chosen = new Set(preselected);
  return (
    <form {...formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="step" value="review" />
      <fieldset aria-describedby={e('outcome') ? 'outcome-error' : undefined}>
        <legend className="font-medium">审批结果</legend>
        <label className="mt-1 flex min-h-11 items-center gap-2">
          <input type="radio" id="outcome" name="outcome" value="approve" defaultChecked />
          批准（选择人员、信息和期限）
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="outcome" value="refuse" />
          不予批准（写明理由）
        </label>
        <Err id="outcome-error" msg={e('outcome')} />
      </fieldset>
      <fieldset aria-describedby={e('practitionerIds') ? 'practitionerIds-error' : undefined}>
        <legend className="font-medium">可以查看的人员（该企业在职人员）</legend>
        <div className="mt-1 max-h-80 overflow-y-auto rounded border border-slate-300 p-2">
          {staff.length === 0 && <p className="text-sm text-slate-600">该企业目前没有在职人员。</p>}
          {staff.map((p, i) => (
            <label key={p.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" id={i === 0 ? 'practitionerIds' : undefined} name="practitionerIds" value={p.id} defaultChecked={chosen.has(p.id)} />
              {p.name}（{p.projectName ?? '—'}，{p.post}）
            </label>
          ))}
        </div>
        <Err id="practitionerIds-error" msg={e('practitionerIds')} />
      </fieldset>
      <fieldset aria-describedby={e('fields') ? 'fields-error' : undefined}>
        <legend className="font-medium">可以查看的信息</legend>
        <p className="text-sm text-slate-600">姓名、性别、年龄和隐去中间位数的身份证号码总是显示；完整身份证号、出生日期、民族、籍贯、政治面貌和个人手机号码从不提供。</p>
        {FIELD_GROUPS.map((g, i) => (
          <label key={g} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" id={i === 0 ? 'fields' : undefined} name="fields" value={g} defaultChecked={g !== 'education'} />
            {FIELD_GROUP_LABELS[g]}
          </label>
        ))}
        <Err id="fields-error" msg={e('fields')} />
      </fieldset>
      <div>
        <label htmlFor="expiresOn" className="block font-medium">
          授权截止日期
        </label>
        <p id="expiresOn-hint" className="text-sm text-slate-600">
          含当日；最迟 {latestExpiry}。
        </p>
        <input {...a11y('expiresOn', 'expiresOn-hint')} type="date" defaultValue={defaultExpiry} max={latestExpiry} className={inputClass} />
        <Err id="expiresOn-error" msg={e('expiresOn')} />
      </div>
      <div>
        <label htmlFor="reason" className="block font-medium">
          不予批准的理由
        </label>
        <textarea {...a11y('reason')} rows={3} maxLength={1000} className={inputClass} />
        <Err id="reason-error" msg={e('reason')} />
      </div>
      <Submit pending={pending} label="下一步：核对" />
    </form>
  );
}
