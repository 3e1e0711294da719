'use client';
/**
 * The forms of post change, transfer, exit and re-entry (SN 15–17). Plain forms posting to server actions, so
 * they work without JavaScript; the server's field messages come back beside each field.
 */
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import {
  answerTransferAction,
  requestExitAction,
  requestPostChangeAction,
  requestReEntryAction,
  requestTransferAction,
  submitTransferUpdateAction,
  withdrawMoveAction,
  type MoveFormState,
} from '@/app/company/moves/actions';
import { Field, inputClass } from '@/components/forms/field';
import { EDUCATION_LEVELS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';

type Action = (prev: MoveFormState, fd: FormData) => Promise<MoveFormState>;
type Values = Record<string, unknown>;

function valueAt(values: Values | undefined, path: string): string {
  const v = path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Values)[k] : undefined), values);
  return v == null ? '' : String(v);
}

function useMoveForm(action: Action, initial?: Values) {
  const { state, pending, formProps } = useFormAction<MoveFormState>(action, {});
  const values = state.values ?? initial;
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  const val = (name: string) => valueAt(values, name);
  return { state, formProps, pending, err, val };
}

function FormMessage({ state }: { state: MoveFormState }) {
  if (!state.message) return null;
  return (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
      {state.message}
    </p>
  );
}

function Submit({ pending, label }: { pending: boolean; label: string }) {
  return (
    <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
      {pending ? '正在提交…' : label}
    </button>
  );
}

interface ProjectOption {
  id: string;
  name: string;
  districtName?: string | null;
}
const projectLabel = (p: ProjectOption) => (p.districtName ? `${p.name}（${p.districtName}）` : p.name);

/** The company's estates as the options of a select, named with their district. */
function ProjectOptions({ projects }: { projects: ProjectOption[] }) {
  return projects.map((p) => (
    <option key={p.id} value={p.id}>
      {projectLabel(p)}
    </option>
  ));
}

function JobFields({ f, projects, idPrefix }: { f: ReturnType<typeof useMoveForm>; projects: ProjectOption[]; idPrefix: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${idPrefix}-name`} label="姓名" error={f.err('name')}>
        {(a) => <input {...a} name="name" defaultValue={f.val('name')} required maxLength={20} autoComplete="off" className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}-idNumber`} label="身份证号码" hint="18 位，末位可为 X" error={f.err('idNumber')}>
        {(a) => <input {...a} name="idNumber" defaultValue={f.val('idNumber')} required maxLength={18} autoComplete="off" inputMode="text" className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}-projectId`} label="服务项目" error={f.err('projectId')}>
        {(a) => (
          <select {...a} name="projectId" defaultValue={f.val('projectId')} required className={inputClass}>
            <option value="">请选择</option>
            <ProjectOptions projects={projects} />
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-post`} label="岗位类别" error={f.err('post')}>
        {(a) => (
          <select {...a} name="post" defaultValue={f.val('post')} required className={inputClass}>
            <option value="">请选择</option>
            {POSTS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-hiredOn`} label="入职时间" error={f.err('hiredOn')}>
        {(a) => <input {...a} type="date" name="hiredOn" defaultValue={f.val('hiredOn')} required className={inputClass} />}
      </Field>
      <Field id={`${idPrefix}-labourContractOn`} label="劳动合同签订日期" error={f.err('labourContractOn')}>
        {(a) => <input {...a} type="date" name="labourContractOn" defaultValue={f.val('labourContractOn')} required className={inputClass} />}
      </Field>
    </div>
  );
}

/** The data a receiving company brings up to date; certificates as rows (blank rows are ignored). */
function UpdateFields({ f, certificateRows }: { f: ReturnType<typeof useMoveForm>; certificateRows: number }) {
  const rows = Array.from({ length: certificateRows }, (_, i) => i);
  return (
    <fieldset className="space-y-4">
      <legend className="font-medium">更新人员信息</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="update-politicalStatus" label="政治面貌" error={f.err('update.politicalStatus')}>
          {(a) => (
            <select {...a} name="update.politicalStatus" defaultValue={f.val('update.politicalStatus')} required className={inputClass}>
              <option value="">请选择</option>
              {POLITICAL_STATUSES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="update-mobile" label="手机号码" error={f.err('update.mobile')}>
          {(a) => <input {...a} name="update.mobile" defaultValue={f.val('update.mobile')} required inputMode="numeric" maxLength={11} className={inputClass} />}
        </Field>
        <Field id="update-school" label="毕业院校（选填）" error={f.err('update.school')}>
          {(a) => <input {...a} name="update.school" defaultValue={f.val('update.school')} maxLength={60} className={inputClass} />}
        </Field>
        <Field id="update-major" label="毕业专业（选填）" error={f.err('update.major')}>
          {(a) => <input {...a} name="update.major" defaultValue={f.val('update.major')} maxLength={60} className={inputClass} />}
        </Field>
        <Field id="update-education" label="学历" error={f.err('update.education')}>
          {(a) => (
            <select {...a} name="update.education" defaultValue={f.val('update.education')} required className={inputClass}>
              <option value="">请选择</option>
              {EDUCATION_LEVELS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="update-skills" label="专业技能（选填）" error={f.err('update.skills')}>
          {(a) => <input {...a} name="update.skills" defaultValue={f.val('update.skills')} maxLength={200} className={inputClass} />}
        </Field>
      </div>
      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">资格证书（没有可不填，空行不保存）</legend>
        {rows.map((i) => (
          <div key={i} className="grid gap-3 border-b border-slate-100 py-2 last:border-0 sm:grid-cols-4">
            {(
              [
                ['name', '证书名称', 'text'],
                ['number', '证书编号', 'text'],
                ['issuer', '发证机关', 'text'],
                ['validUntil', '有效期至', 'date'],
              ] as const
            ).map(([k, label, type]) => (
              <Field key={k} id={`cert-${i}-${k}`} label={`${label}（第 ${i + 1} 项）`} error={f.err(`update.certificates.${i}.${k}`)}>
                {(a) => <input {...a} type={type} name={`update.certificates.${i}.${k}`} defaultValue={f.val(`update.certificates.${i}.${k}`)} className={inputClass} />}
              </Field>
            ))}
          </div>
        ))}
      </fieldset>
    </fieldset>
  );
}

function Informed({ f }: { f: ReturnType<typeof useMoveForm> }) {
  const error = f.err('informed');
  return (
    <div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="informed" required aria-invalid={!!error} aria-describedby={error ? 'informed-error' : undefined} className="mt-1" />
        <span>已向本人告知信息采集和使用的目的、方式和范围（SN 5），本人知悉并同意。</span>
      </label>
      {error && (
        <p id="informed-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TransferRequestForm({ projects }: { projects: ProjectOption[] }) {
  const f = useMoveForm(requestTransferAction);
  return (
    <form {...f.formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <FormMessage state={f.state} />
      <JobFields f={f} projects={projects} idPrefix="transfer" />
      <Submit pending={f.pending} label="提交调出申请" />
    </form>
  );
}

export function ReEntryForm({ projects }: { projects: ProjectOption[] }) {
  const f = useMoveForm(requestReEntryAction);
  return (
    <form {...f.formProps} className="space-y-6">
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <FormMessage state={f.state} />
      <JobFields f={f} projects={projects} idPrefix="reentry" />
      <UpdateFields f={f} certificateRows={3} />
      <Informed f={f} />
      <Submit pending={f.pending} label="提交重新执业申请" />
    </form>
  );
}

export function TransferUpdateForm({ submissionId, version, initial, certificateRows }: { submissionId: string; version: number; initial: Values; certificateRows: number }) {
  const f = useMoveForm(submitTransferUpdateAction, initial);
  return (
    <form {...f.formProps} className="space-y-6">
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormMessage state={f.state} />
      <UpdateFields f={f} certificateRows={certificateRows} />
      <Informed f={f} />
      <Submit pending={f.pending} label="提交区县审核" />
    </form>
  );
}

export function PostChangeForm({
  practitionerId,
  projects,
  current,
  filingDays,
}: {
  practitionerId: string;
  projects: ProjectOption[];
  current: { projectId: string | null; post: string };
  /** The policy's postChangeFilingDays. */
  filingDays: number;
}) {
  const f = useMoveForm(requestPostChangeAction, { projectId: current.projectId ?? '', post: current.post });
  return (
    <form {...f.formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="pc-projectId" label="调整后的服务项目" error={f.err('projectId')}>
          {(a) => (
            <select {...a} name="projectId" defaultValue={f.val('projectId')} required className={inputClass}>
              <ProjectOptions projects={projects} />
            </select>
          )}
        </Field>
        <Field id="pc-post" label="调整后的岗位" error={f.err('post')}>
          {(a) => (
            <select {...a} name="post" defaultValue={f.val('post')} required className={inputClass}>
              {POSTS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="pc-changedOn" label="调整日期" hint={`调整后 ${filingDays} 日内申报（SN 15）`} error={f.err('changedOn')}>
          {(a) => <input {...a} type="date" name="changedOn" defaultValue={f.val('changedOn')} required className={inputClass} />}
        </Field>
      </div>
      <Submit pending={f.pending} label="提交岗位调整" />
    </form>
  );
}

export function ExitForm({ practitionerId }: { practitionerId: string }) {
  const f = useMoveForm(requestExitAction);
  return (
    <form {...f.formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <input type="hidden" name="practitionerId" value={practitionerId} />
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="exit-leftOn" label="离职日期" error={f.err('leftOn')}>
          {(a) => <input {...a} type="date" name="leftOn" defaultValue={f.val('leftOn')} required className={inputClass} />}
        </Field>
        <Field id="exit-reason" label="退出原因" error={f.err('reason')}>
          {(a) => <input {...a} name="reason" defaultValue={f.val('reason')} required maxLength={500} className={inputClass} />}
        </Field>
      </div>
      <Submit pending={f.pending} label="申报退出行业" />
    </form>
  );
}

export function ConsentForm({ submissionId, version, name }: { submissionId: string; version: number; name: string }) {
  const f = useMoveForm(answerTransferAction);
  const prefix = `consent-${submissionId}`;
  return (
    <form {...f.formProps} className="space-y-3" aria-label={`答复${name}的调出申请`}>
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormMessage state={f.state} />
      <fieldset>
        <legend className="font-medium">是否同意调出</legend>
        <div className="mt-1 flex gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="consent" value="given" required defaultChecked={f.val('consent') === 'given'} />
            同意调出
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="consent" value="refused" defaultChecked={f.val('consent') === 'refused'} />
            不同意
          </label>
        </div>
        {f.err('consent') && <p className="text-sm text-red-700">{f.err('consent')}</p>}
      </fieldset>
      <Field id={`${prefix}-reason`} label="理由（不同意时必填）" hint="无正当理由拒不同意的，区县住建部门核实后可直接调出（SN 16）" error={f.err('reason')}>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} defaultValue={f.val('reason')} className={inputClass} />}
      </Field>
      <Submit pending={f.pending} label="提交答复" />
    </form>
  );
}

export function WithdrawForm({ submissionId, version }: { submissionId: string; version: number }) {
  const f = useMoveForm(withdrawMoveAction);
  return (
    <form {...f.formProps}>
      <ErrorSummary items={summaryItems(f.state.fieldErrors)} focusKey={f.state} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormMessage state={f.state} />
      <button type="submit" disabled={f.pending} className="rounded border border-slate-400 px-3 py-1 text-sm disabled:opacity-60">
        撤回申请
      </button>
    </form>
  );
}
