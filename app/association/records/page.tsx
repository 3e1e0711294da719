import type { Metadata } from 'next';
import Link from 'next/link';
import { PickAndFile } from '@/components/records/pick-and-file';
import { RecordFilingForm } from '@/components/records/record-filing-form';
import { RecordTable } from '@/components/records/record-table';
import { getDb } from '@/db';
import { countAssociationCommendations } from '@/db/queries/area-home';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { lateLabel } from '@/lib/domain/records';
import { loadReportDesk } from '@/lib/records/load';
import { fileCensureAction, fileCommendationAction } from './actions';
import { smallCount } from '@/lib/actions/query-notice';

export const metadata: Metadata = { title: '表彰与谴责', robots: { index: false } };

export default async function AssociationRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['association'], '/association/records');
  const sp = await searchParams;
  const form = sp.form === 'censure' ? 'censure' : 'commendation';
  const d = await loadReportDesk(actor, sp);
  const on = today();
  const year = Number(on.slice(0, 4));
  const used = Number(await countAssociationCommendations(getDb(), year));
  const cap = d.settings.associationCommendationsPerYear;
  const tab = (f: 'commendation' | 'censure', label: string) => (
    <Link
      href={`/association/records?form=${f}`}
      aria-current={form === f ? 'page' : undefined}
      className={form === f ? 'rounded bg-brand-700 px-4 py-2 font-medium text-white' : 'rounded border border-brand-700 px-4 py-2 text-brand-800'}
    >
      {label}
    </Link>
  );
  const late = lateLabel(Number(sp.late) || 0);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">行业协会表彰与公开谴责</h1>
      {sp.filed === 'commendation' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          表彰已报送，由属地区县住建部门审核后记录（本年度已使用 {smallCount(sp.used, 100_000, 0) ?? used} 人次）。
        </p>
      )}
      {sp.filed === 'censure' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          公开谴责已报送，由属地区县住建部门核实后记录。{late && `本次报送${late}，记录上将标注。`}
        </p>
      )}
      <section aria-labelledby="quota-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="quota-heading" className="font-semibold">
          {year} 年度表彰名额
        </h2>
        <p>
          已使用 <strong>{used}</strong> 人次，上限 {cap} 人次，剩余 <strong>{Math.max(0, cap - used)}</strong> 人次（第十条：从严控制人员数量，原则上每年不超过 {cap} 人次；按表彰日期所在年度计算，未予记录的不占名额）。
        </p>
      </section>
      <nav aria-label="报送事项" className="flex flex-wrap gap-2">
        {tab('commendation', '报送行业协会表彰')}
        {tab('censure', '报送公开谴责')}
      </nav>
      <PickAndFile
        path="/association/records"
        search={d.search}
        estates={d.picker.estates}
        results={d.picker.results}
        selected={d.picker.selected}
        scopeNote="按姓名（可加身份证号码后四位）或小区名称查找全市在岗且已审核登记的从业人员。"
        withIdTail
        keep={{ form }}
        formHeading={`第二步：${form === 'censure' ? '填写公开谴责（第十三条第四项）' : '填写表彰信息（第九条第二项）'}`}
        renderForm={(practitionerId) =>
          form === 'censure' ? (
            <RecordFilingForm action={fileCensureAction} mode="censure" practitionerId={practitionerId} today={on} limitDays={d.settings.badConductReportDays} />
          ) : (
            <RecordFilingForm action={fileCommendationAction} mode="commendation" practitionerId={practitionerId} today={on} />
          )
        }
      />
      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-lg font-semibold">
          本协会已报送（最近 {d.rows.length} 条，共 {d.total} 条）
        </h2>
        {d.rows.length === 0 ? (
          <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">暂无。</p>
        ) : (
          <RecordTable caption="本协会报送的表彰与公开谴责" rows={d.rows} underObjection={d.underObjection} showFiler={false} />
        )}
      </section>
    </div>
  );
}
