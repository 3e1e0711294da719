'use client';
/**
 * 我的信息使用记录 (SN 20; issue 17 item 1), under the own-record look-up: the person's requests to print their full
 * record (and the print button once approved), every grant covering them and every full view of their data.
 */
import { FormAlert, inputClass } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { Err, Submit, a11yOf } from '@/components/objections/record-objection-fields';
import { REQUEST_KIND_LABELS, type RequestKind } from '@/lib/domain/data-use';
import type { OwnDataUse } from '@/lib/services/data-use';
import { printOwnFullRecordAction, requestOwnFullRecordAction, type OwnUseState } from '../own-record-actions';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function PrintButton({ token, requestId }: { token: string; requestId: string }) {
  const { state, pending, formProps } = useFormAction<OwnUseState>(printOwnFullRecordAction, {});
  return (
    <form {...formProps} className="mt-2">
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="requestId" value={requestId} />
      <Submit pending={pending} label="打印完整执业信息" />
    </form>
  );
}

export function OwnDataUseSection({ token, dataUse: initial }: { token: string; dataUse: OwnDataUse }) {
  const { state, pending, formProps } = useFormAction<OwnUseState>(requestOwnFullRecordAction, {});
  const { e, a11y } = a11yOf(state);
  const d = state.dataUse ?? initial;
  return (
    <section aria-labelledby="own-use-heading" className="mt-8 space-y-4 rounded-lg bg-white p-5 shadow-sm">
      <h2 id="own-use-heading" className="text-lg font-semibold">
        我的信息使用记录
      </h2>
      <div>
        <h3 className="font-semibold">打印本人完整执业信息</h3>
        <p className="text-sm text-slate-700">可向属地住建部门申请打印本人完整执业信息，用于工作证明、求职应聘等（第二十条第一项）。打印件带核验码，可在本平台核验真伪。</p>
        {d.requests.length > 0 && (
          <ul className="mt-2 space-y-2">
            {d.requests.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 p-3 text-sm">
                <span className="font-medium">{when(r.createdAt)} 提交：</span>
                {r.statusText}
                {r.status === 'refused' && r.refusalReason && <span className="block">不予批准的理由：{r.refusalReason}</span>}
                {r.documentCode && <span className="block">已打印，核验码 {r.documentCode}</span>}
                {r.printable && <PrintButton token={token} requestId={r.id} />}
              </li>
            ))}
          </ul>
        )}
        <form {...formProps} className="mt-3 space-y-3">
          <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} tone={state.done ? 'success' : 'error'} />
          <input type="hidden" name="token" value={token} />
          <div>
            <label htmlFor="purpose" className="block font-medium">
              用途
            </label>
            <input {...a11y('purpose')} maxLength={200} placeholder="例如：求职应聘" className={inputClass} />
            <Err id="purpose-error" msg={e('purpose')} />
          </div>
          <Submit pending={pending} label="申请打印" />
        </form>
      </div>
      <div>
        <h3 className="font-semibold">获准查询我的信息的单位</h3>
        {d.grants.length === 0 ? (
          <p className="text-sm text-slate-700">没有单位获准查询您的执业信息。</p>
        ) : (
          <ul className="mt-1 space-y-2">
            {d.grants.map((g, i) => (
              <li key={i} className="rounded border border-slate-200 p-3 text-sm">
                <span className="font-medium">{g.requesterName}</span>（{REQUEST_KIND_LABELS[g.kind as RequestKind] ?? g.kind}）
                <span className="block">用途：{g.purpose}</span>
                <span className="block">
                  批准：{g.decidedByName ?? '—'}，授权至 {g.expiresOn ?? '—'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-semibold">查看我的完整信息的记录</h3>
        {d.views.length === 0 ? (
          <p className="text-sm text-slate-700">没有人查看过您的完整信息。</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {d.views.map((v, i) => (
              <li key={i}>
                {when(v.at)} · {v.who} · {v.what}
                {v.why ? ` · 用途：${v.why}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
