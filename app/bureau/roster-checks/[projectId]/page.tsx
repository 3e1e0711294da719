import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { VerificationForm } from '@/components/supervision/forms';
import { getDb } from '@/db';
import { estateExists, getVerifiableEstate, getVerification, rosterSummary } from '@/db/queries/supervision';
import { audit } from '@/lib/audit';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { FOLLOW_UP_LABEL, FOLLOW_UPS, ROSTER_CHECK_ITEMS, ROSTER_CHECK_LABEL, verificationYear, type FollowUp } from '@/lib/domain/supervision';
import { formatDate, formatNumber } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';
import { recordRosterVerificationAction } from '../actions';

export const metadata: Metadata = { title: '名册核查', robots: { index: false } };

export default async function RosterCheckPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/roster-checks');
  const { projectId } = await params;
  if (!isUuid(projectId)) notFound();
  const db = getDb();
  const estate = await getVerifiableEstate(db, actor, projectId);
  if (!estate) {
    if (await estateExists(db, projectId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'project', objectId: projectId });
    notFound();
  }
  const on = today();
  const year = verificationYear(on);
  const [summary, v] = await Promise.all([rosterSummary(db, estate.id, on), getVerification(db, estate.id, year)]);
  const saved = (await searchParams).saved === '1';
  return (
    <div className="space-y-5">
      <BackLink href="/bureau/roster-checks">返回年度名册核查</BackLink>
      <h1 className="text-2xl font-bold">
        {estate.name}：{year} 年名册核查
      </h1>
      {saved && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">
          核查记录已保存。
        </p>
      )}
      <p className="text-slate-700">
        {estate.districtName} · 物业服务企业：{estate.companyName}
      </p>
      <section aria-labelledby="summary-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="summary-heading" className="mb-2 text-lg font-semibold">
          平台上的名册（当前在岗）
        </h2>
        <p>
          在岗 {formatNumber(summary.staff)} 人；缺少证件照 {formatNumber(summary.missingPhotos)} 人；已过期的证书 {formatNumber(summary.expiredCertificates)} 本。
        </p>
        {summary.byPost.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {summary.byPost.map((p) => (
              <li key={p.post}>
                {p.post} {p.n} 人
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href={`/bureau/roster?q=${encodeURIComponent(estate.name)}`} className="text-brand-800 underline">
            查看名册明细
          </Link>
        </p>
      </section>
      {v && (
        <section aria-labelledby="done-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="done-heading" className="mb-2 text-lg font-semibold">
            本年度核查记录（第 {v.version} 版）
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[9rem_1fr]">
            <dt className="text-slate-600">核查日期</dt>
            <dd>
              {v.verifiedOn ? formatDate(v.verifiedOn) : '—'}（{v.verifiedByName ?? '—'}）
            </dd>
            <dt className="text-slate-600">核查内容</dt>
            <dd>{v.checks.map((c) => ROSTER_CHECK_LABEL[c] ?? c).join('；')}</dd>
            <dt className="text-slate-600">发现问题</dt>
            <dd>
              {v.discrepancyCount} 个{v.discrepancies ? `：${v.discrepancies}` : ''}
            </dd>
            <dt className="text-slate-600">后续处理</dt>
            <dd>
              {FOLLOW_UP_LABEL[v.followUp as FollowUp] ?? v.followUp}
              {v.orderId && (
                <>
                  {' '}
                  <Link href={`/bureau/rectifications/${v.orderId}`} className="text-brand-800 underline">
                    查看整改通知
                  </Link>
                </>
              )}
            </dd>
          </dl>
          {v.discrepancyCount > 0 && !v.orderId && v.companyId && (
            <p className="mt-3">
              <Link href={`/bureau/rectifications/new?companyId=${v.companyId}&verificationId=${v.id}&projectId=${estate.id}`} className="font-medium text-brand-800 underline">
                据此责令企业限期整改
              </Link>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="form-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="form-heading" className="mb-3 text-lg font-semibold">
          {v ? '修改本年度核查记录' : '录入核查记录'}
        </h2>
        <VerificationForm
          act={recordRosterVerificationAction}
          projectId={estate.id}
          version={v?.version ?? 0}
          today={on}
          items={ROSTER_CHECK_ITEMS.map((i) => ({ value: i.key, label: `${i.label}（${i.source}）` }))}
          followUps={FOLLOW_UPS.map((k) => ({ value: k, label: FOLLOW_UP_LABEL[k] }))}
          initial={{
            verifiedOn: v?.verifiedOn ?? on,
            checks: v?.checks ?? [],
            note: v?.note ?? '',
            discrepancyCount: String(v?.discrepancyCount ?? 0),
            discrepancies: v?.discrepancies ?? '',
            followUp: v?.followUp ?? 'none',
          }}
        />
        <p className="mt-3 text-sm text-slate-600">选择“责令限期整改”后，请在保存的核查记录下方点击“据此责令企业限期整改”下发整改通知。</p>
      </section>
    </div>
  );
}
