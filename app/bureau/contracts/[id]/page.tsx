import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { contractExists, findContractForBureau, getCompanyStanding, getProjectBasic, listLiveContractsOfProject } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { bondRangeMessage, CONTRACT_STATUS_LABELS, isBondValid } from '@/lib/domain/contracts';
import { FILING_STATUS_LABELS } from '@/lib/domain/labels';
import { DecisionForm } from './decision-form';

export const metadata: Metadata = { title: '合同确认', robots: { index: false } };

export default async function BureauContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/contracts/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const contract = await findContractForBureau(db, actor, id);
  if (!contract) {
    // Another district's contract looks exactly like a missing one, and the attempt is logged.
    if (await contractExists(db, id)) await recordOutOfScope(actor, 'service_contract', id);
    notFound();
  }
  const [project, company, policy, live] = await Promise.all([
    getProjectBasic(db, contract.projectId),
    getCompanyStanding(db, contract.companyId),
    currentPolicy(),
    listLiveContractsOfProject(db, contract.projectId),
  ]);
  const fees = Number(contract.annualFees);
  const bondOk = isBondValid(fees, Number(contract.bondAmount), policy.settings.bond);
  const others = live.filter((c) => c.id !== contract.id && c.status === 'confirmed');
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/bureau/contracts" className="text-brand-700 underline">
          返回合同确认
        </Link>
      </p>
      <h1 className="text-xl font-bold">{project?.name} 物业服务合同</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 rounded-lg bg-white p-5 shadow-sm">
        <dt className="text-slate-600">登记企业</dt>
        <dd>
          {company?.name}（备案状态：{FILING_STATUS_LABELS[company?.filingStatus ?? ''] ?? '—'}
          {company?.bannedUntil ? `，市场禁入至 ${company.bannedUntil}` : ''}）
        </dd>
        <dt className="text-slate-600">合同期</dt>
        <dd>
          {contract.startDate} 至 {contract.endDate}
        </dd>
        <dt className="text-slate-600">年物业费</dt>
        <dd>{fees.toLocaleString('zh-CN')} 元</dd>
        <dt className="text-slate-600">履约保证金</dt>
        <dd>
          {Number(contract.bondAmount).toLocaleString('zh-CN')} 元
          <span className={`block text-sm ${bondOk ? 'text-slate-600' : 'text-red-800'}`}>
            {bondOk ? '符合' : '不符合'}：{bondRangeMessage(fees, policy.settings.bond)}
          </span>
        </dd>
        <dt className="text-slate-600">状态</dt>
        <dd>{CONTRACT_STATUS_LABELS[contract.status]}</dd>
        <dt className="text-slate-600">该项目现有合同</dt>
        <dd>
          {others.length === 0
            ? '无'
            : others.map((o) => (
                <span key={o.id} className="block">
                  {o.startDate} 至 {o.endDate}
                </span>
              ))}
        </dd>
      </dl>
      {contract.status === 'pending' ? (
        <section aria-labelledby="decide-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="text-lg font-semibold">
            确认或退回
          </h2>
          <DecisionForm id={contract.id} version={contract.version} />
        </section>
      ) : (
        <p role="status" className="rounded bg-slate-100 px-3 py-2">
          该合同已处理：{CONTRACT_STATUS_LABELS[contract.status]}。
        </p>
      )}
    </div>
  );
}
