import type { Metadata } from 'next';
import { z } from 'zod';
import { getDb } from '@/db';
import { getCompanyStanding, listLiveContractsOfProject, listProjectsForRegistration } from '@/db/queries/contracts';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today as clockToday } from '@/lib/clock';
import { addCalendarDays } from '@/lib/domain/working-days';
import { ContractForm } from './contract-form';

export const metadata: Metadata = { title: '登记物业服务合同', robots: { index: false } };

const paramsSchema = z.object({ projectId: z.uuid().optional().catch(undefined) });

export default async function NewContractPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/projects/new');
  const db = getDb();
  const { projectId } = paramsSchema.parse(await searchParams);
  const [projects, policy, standing] = await Promise.all([listProjectsForRegistration(db), currentPolicy(), getCompanyStanding(db, actor.companyId!)]);
  const today = clockToday();
  const refusal = !standing
    ? '未找到企业信息'
    : standing.bannedUntil && standing.bannedUntil > today
      ? `本企业处于物业服务市场禁入期（至 ${standing.bannedUntil}），不能承接新项目。`
      : standing.filingStatus !== 'approved'
        ? '本企业备案尚未通过，通过备案后才能登记物业服务合同（ZJ 7）。'
        : null;

  let startDate = '';
  if (projectId && projects.some((p) => p.id === projectId)) {
    const live = await listLiveContractsOfProject(db, projectId);
    const lastEnd = live.filter((c) => c.status === 'confirmed').map((c) => c.endDate).sort().at(-1);
    if (lastEnd) startDate = addCalendarDays(lastEnd, 1);
  }
  const groups = new Map<string, { id: string; name: string; served: boolean }[]>();
  for (const p of projects) {
    const list = groups.get(p.districtName) ?? [];
    list.push({ id: p.id, name: p.name, served: p.currentCompanyId === actor.companyId });
    groups.set(p.districtName, list);
  }
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">登记物业服务合同</h1>
      <p className="text-sm text-slate-600">
        合同登记后由项目所在区县住建部门确认。已有其他企业在服务的项目，新合同只能自现有合同期满后开始。履约保证金不低于年物业费的{' '}
        {+(policy.settings.bond.minShareOfAnnualFees * 100).toFixed(4)}%，且不超过 {policy.settings.bond.maxYuan.toLocaleString('zh-CN')} 元（ZJ 9）。
      </p>
      {refusal ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {refusal}
        </p>
      ) : (
        <ContractForm
          bondRule={policy.settings.bond}
          groups={[...groups].map(([district, items]) => ({ district, items }))}
          defaults={{ projectId: projectId ?? '', startDate, endDate: '', annualFees: '', bondAmount: '' }}
        />
      )}
    </div>
  );
}
