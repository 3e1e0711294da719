import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { contractExists, findContractOfCompany, getProjectBasic } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { CONTRACT_STATUS_LABELS, NOTICE_STATUS_LABELS, noticeFlags } from '@/lib/domain/contracts';
import { ExitForm, NoticeForm } from './contract-forms';

export const metadata: Metadata = { title: '合同履行', robots: { index: false } };

export default async function CompanyContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/projects/contracts/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const contract = await findContractOfCompany(db, actor, id);
  if (!contract) {
    if (await contractExists(db, id)) await recordOutOfScope(actor, 'service_contract', id);
    notFound();
  }
  const [project, policy] = await Promise.all([getProjectBasic(db, contract.projectId), currentPolicy()]);
  const today = clockToday();
  const flags = noticeFlags({ ...contract, renewed: false }, today, policy.settings.nonRenewalNoticeDays);
  // Notice and exit belong to a contract in force; a confirmed contract that has not started has neither yet.
  const open = contract.status === 'confirmed' && contract.startDate <= today;
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/company/projects" className="text-brand-700 underline">
          返回项目与合同
        </Link>
      </p>
      <h1 className="text-xl font-bold">{project?.name} 物业服务合同</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 rounded-lg bg-white p-5 shadow-sm">
        <dt className="text-slate-600">合同期</dt>
        <dd>
          {contract.startDate} 至 {contract.endDate}
        </dd>
        <dt className="text-slate-600">状态</dt>
        <dd>{CONTRACT_STATUS_LABELS[contract.status]}</dd>
        <dt className="text-slate-600">年物业费</dt>
        <dd>{Number(contract.annualFees).toLocaleString('zh-CN')} 元</dd>
        <dt className="text-slate-600">履约保证金</dt>
        <dd>{Number(contract.bondAmount).toLocaleString('zh-CN')} 元</dd>
        <dt className="text-slate-600">不续约告知</dt>
        <dd>
          {contract.nonRenewalNoticeOn ? `${contract.nonRenewalNoticeOn}（${NOTICE_STATUS_LABELS[flags.status]}）` : NOTICE_STATUS_LABELS[flags.status]}
          {flags.status === 'late' && `，不足 ${flags.daysShort} 天`}
        </dd>
        {contract.exitedOn && (
          <>
            <dt className="text-slate-600">提前撤出</dt>
            <dd>
              {contract.exitedOn}：{contract.exitReason}（{contract.handoverDone ? '已完成交接' : '未完成交接'}）
            </dd>
          </>
        )}
      </dl>
      {contract.status === 'confirmed' && !open && (
        <p role="status" className="rounded bg-slate-100 px-3 py-2">
          合同自 {contract.startDate} 起履行，开始履行后可登记不续约告知或提前撤出。
        </p>
      )}
      {open && !contract.nonRenewalNoticeOn && (
        <section aria-labelledby="notice-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="notice-heading" className="text-lg font-semibold">
            登记不续约书面告知
          </h2>
          <p className="text-sm text-slate-600">
            合同期满不再续约的，应在期满 {policy.settings.nonRenewalNoticeDays} 日前（即 {flags.deadline} 前）书面告知业主委员会或业主（ZJ 7）。逾期告知将被标记。
          </p>
          <NoticeForm contractId={contract.id} version={contract.version} today={today} />
        </section>
      )}
      {open && (
        <section aria-labelledby="exit-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="exit-heading" className="text-lg font-semibold">
            登记合同期内提前撤出
          </h2>
          <p className="text-sm text-slate-600">
            合同期内无正当理由撤出或未办理交接的，将记入企业警示信息并可能适用“一票否决”（DW 11.2）。请如实填写撤出原因与交接情况。
          </p>
          <ExitForm contractId={contract.id} version={contract.version} today={today} />
        </section>
      )}
    </div>
  );
}
