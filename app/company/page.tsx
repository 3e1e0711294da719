import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WhoAmI } from '@/components/area/area-shell';
import { getDb } from '@/db';
import { getCompanyOverview } from '@/db/queries/area-home';
import { listCompanyRecordNotices } from '@/db/queries/practitioner-records';
import { CompanyRecordNotices } from '@/components/records/company-record-notices';
import { requireActor } from '@/lib/auth/actor';
import { FILING_STATUS_LABELS } from '@/lib/domain/labels';
import { formatNumber } from '@/lib/format';
import { CreditSummary } from './_components/credit-summary';
import { UnpagedList } from '@/components/list-kit/signed-in';
import { getCompanyTodo } from '@/db/queries/company-todo';
import { listCompanyContracts } from '@/db/queries/contracts';
import { today as clockToday } from '@/lib/clock';
import { contractTodos } from '@/lib/domain/work-queue';
import { currentPolicy } from '@/lib/policy';
import { CompanyTodoList } from './_components/todo';
import { CompanyFlags } from '@/components/credit/company-flags';
import { listCompanyFlags } from '@/db/queries/company-flags';
import { hasGreenChannel } from '@/db/queries/company-filing';

export const metadata: Metadata = { title: '企业工作台', robots: { index: false } };

export default async function CompanyHome() {
  const actor = await requireActor(['company'], '/company');
  const on = clockToday();
  const [o, recordNotices, todo, contracts, { settings }, flags] = await Promise.all([
    getCompanyOverview(getDb(), actor),
    listCompanyRecordNotices(getDb(), actor),
    getCompanyTodo(getDb(), actor, on),
    listCompanyContracts(getDb(), actor),
    currentPolicy(),
    actor.companyId ? listCompanyFlags(getDb(), actor.companyId, on) : [],
  ]);
  const green = actor.companyId ? await hasGreenChannel(getDb(), actor.companyId, on) : false;
  if (!o || !todo) notFound();
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={`${o.name}（统一社会信用代码 ${o.uscc}）及其服务的项目`} />
      <CompanyTodoList todo={todo} contracts={contractTodos(contracts, on, settings.nonRenewalNoticeDays)} today={on} />
      <section aria-labelledby="filing-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="filing-heading" className="text-lg font-semibold">
          备案状态
        </h2>
        <p className="mt-2">{FILING_STATUS_LABELS[o.filingStatus] ?? o.filingStatus}</p>
      </section>
      <CompanyRecordNotices notices={recordNotices} />
      {actor.companyId && <CreditSummary companyId={actor.companyId} />}
      <CompanyFlags rows={flags} on={on} greenChannel={green} emptyText="本企业目前没有因住宅小区季度评定而来的激励或监管措施，也不在绿色通道。" />
      <section aria-labelledby="estates-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="estates-heading" className="mb-3 text-lg font-semibold">
          服务的物业项目（{o.estates.length} 个）
        </h2>
        <UnpagedList
          caption="本企业服务的物业项目"
          rows={o.estates}
          rowKey={(e) => e.id}
          empty={{ none: '目前没有在服务的项目。登记物业服务合同并经确认后，项目会出现在这里。', next: { href: '/company/projects/new', label: '去登记合同' } }}
          columns={[
            { label: '项目', rowHeader: true, cell: (e) => e.name },
            { label: '区县', cell: (e) => e.districtName },
            { label: '在岗人员', cell: (e) => formatNumber(e.staff) },
          ]}
        />
      </section>
    </div>
  );
}
