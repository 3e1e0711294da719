import type { Metadata } from 'next';
import { BackLink } from '@/components/area/sub-page';
import { FilterBar, SelectFilter } from '@/components/list-kit/signed-in';
import { OrderForm } from '@/components/supervision/forms';
import { getDb } from '@/db';
import { getVerificationInScope, listCompaniesInScope, listServedEstatesInScope } from '@/db/queries/supervision';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { defaultOrderDueOn, GROUND_LABEL, RECTIFICATION_GROUNDS } from '@/lib/domain/supervision';
import { currentPolicy } from '@/lib/policy';
import { isUuid } from '@/lib/validation/ids';
import { issueRectificationOrderAction } from '../actions';

export const metadata: Metadata = { title: '下发整改通知', robots: { index: false } };

const one = (v: string | string[] | undefined) => (typeof v === 'string' && isUuid(v) ? v : null);

/** Step 1 (GET): choose the company; step 2: the order (estates in scope, ground, facts, deadline). */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/rectifications/new');
  const sp = await searchParams;
  const db = getDb();
  const companies = await listCompaniesInScope(db, actor);
  const companyId = one(sp.companyId);
  const company = companyId ? companies.find((c) => c.id === companyId) : undefined;
  const verification = company && one(sp.verificationId) ? await getVerificationInScope(db, actor, one(sp.verificationId)!) : null;
  const estates = company ? await listServedEstatesInScope(db, actor, company.id) : [];
  const { settings } = await currentPolicy();
  const on = today();
  const projectId = one(sp.projectId);
  return (
    <div className="space-y-5">
      <BackLink href="/bureau/rectifications">返回责令限期整改</BackLink>
      <h1 className="text-2xl font-bold">下发整改通知</h1>
      <FilterBar submitLabel="选择">
        <SelectFilter name="companyId" label="物业服务企业" value={company?.id ?? ''} all="请选择企业" options={companies.map((c) => ({ value: c.id, label: c.name }))} />
      </FilterBar>
      {company ? (
        <section aria-labelledby="order-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="order-heading" className="mb-3 text-lg font-semibold">
            致 {company.name}
          </h2>
          <OrderForm
            act={issueRectificationOrderAction}
            companyId={company.id}
            verificationId={verification && verification.companyId === company.id ? verification.id : ''}
            estates={estates.map((e) => ({ value: e.id, label: e.name }))}
            grounds={RECTIFICATION_GROUNDS.map((g) => ({ value: g, label: GROUND_LABEL[g] }))}
            initial={{
              facts: verification?.discrepancies ? `年度名册核查发现：${verification.discrepancies}` : '',
              dueOn: defaultOrderDueOn(on, settings),
              projectIds: projectId && estates.some((e) => e.id === projectId) ? [projectId] : [],
            }}
          />
        </section>
      ) : (
        <p className="text-slate-700">请先选择企业（本辖区有其服务的小区的企业）。</p>
      )}
    </div>
  );
}
