import type { Metadata } from 'next';
import { z } from 'zod';
import { RecordSummary } from '@/components/objections/record-summary';
import { getDb } from '@/db';
import { currentPolicy } from '@/lib/policy';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { creditRecordPublicOn, getCreditRecordForObjection, getPractitionerRecordForObjection, practitionerRecordPublicOn } from '@/db/queries/record-objections';
import { today } from '@/lib/clock';
import { NOT_PUBLIC_MESSAGE } from '@/lib/services/record-objections';
import { ObjectionForm } from './objection-form';
import { OwnRecordLookupForm, OwnRecordNoticeForm, PublicRecordObjectionForm } from './record-forms';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '信息异议',
  description: '对平台公开的企业信用信息、从业人员奖惩记录或本人登记信息有异议的，可在此提出，并凭查询码查看处理进度。',
};

const paramsSchema = z.object({
  record: z.uuid().optional().catch(undefined),
  staffRecord: z.uuid().optional().catch(undefined),
  mode: z.enum(['own-record', 'own-record-lookup']).optional().catch(undefined),
  notice: z.string().trim().max(40).optional().catch(undefined),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function Card({ children }: { children: React.ReactNode }) {
  return <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">{children}</div>;
}

function Intro({ children }: { children: React.ReactNode }) {
  return <div className="space-y-2 rounded-lg bg-white p-4 text-slate-800 shadow-sm">{children}</div>;
}

function ModeNav({ current }: { current: 'own-data' | 'own-record' }) {
  const item = (href: string, label: string, active: boolean) => (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined} className={active ? 'font-semibold text-slate-900' : 'text-brand-800 underline'}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="异议类别" className="rounded-lg bg-white p-4 shadow-sm">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {item('/objections/new', '本人登记信息有误', current === 'own-data')}
        {item('/objections/new?mode=own-record', '本人奖惩记录有误', current === 'own-record')}
        {item('/statements/new', '对本人记录发表声明', false)}
      </ul>
      <p className="mt-2 text-sm text-slate-600">对企业信用信息或从业人员记录有异议的其他单位和个人，请在该信息的公开页面点击“提出异议”。</p>
    </nav>
  );
}

function NotPublic() {
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">未找到该公开信息</h1>
      <Intro>
        <p role="alert">{NOT_PUBLIC_MESSAGE}</p>
        <p>
          <a href="/" className="text-brand-800 underline">
            返回首页
          </a>
        </p>
      </Intro>
    </div>
  );
}

export default async function NewObjectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const p = paramsSchema.parse({ record: one(sp.record), staffRecord: one(sp.staffRecord), mode: one(sp.mode), notice: one(sp.notice) });
  const db = getDb();

  if (p.record || p.staffRecord) {
    const on = today();
    let summary: React.ReactNode = null;
    if (p.record) {
      const { settings } = await currentPolicy();
      const record = (await creditRecordPublicOn(db, p.record, on, settings.publishMinorWarnings)) ? await getCreditRecordForObjection(db, p.record) : null;
      if (!record) return <NotPublic />;
      const open = await recordsUnderObjection(db, 'credit_record', [record.id]);
      summary = <RecordSummary credit={record} underObjection={open.has(record.id)} audience="public" />;
    } else {
      const record = (await practitionerRecordPublicOn(db, p.staffRecord!, on)) ? await getPractitionerRecordForObjection(db, p.staffRecord!) : null;
      if (!record) return <NotPublic />;
      const open = await recordsUnderObjection(db, 'practitioner_record', [record.id]);
      summary = <RecordSummary staff={record} underObjection={open.has(record.id)} audience="public" />;
    }
    return (
      <div className="mx-auto max-w-2xl space-y-5">
        <h1 className="text-2xl font-bold">对公开信息提出异议</h1>
        <Intro>
          <p>认为平台公开的信息有误的单位或个人，可以提供书面证据提请住建部门核查（《遂宁市物业服务企业综合信用评价“红黑榜”管理办法》第九条）。经核查异议成立的，住建部门将更正信息并公开更正内容。</p>
          <p>提交后您会得到一个查询码，凭查询码可以随时查看处理进度。该记录已有异议在处理中时，不再受理新的异议。</p>
        </Intro>
        {summary}
        <Card>
          <PublicRecordObjectionForm subject={p.record ? 'credit_record' : 'practitioner_record'} recordId={(p.record ?? p.staffRecord)!} />
        </Card>
      </div>
    );
  }

  if (p.mode === 'own-record' || p.mode === 'own-record-lookup') {
    return (
      <div className="mx-auto max-w-2xl space-y-5">
        <h1 className="text-2xl font-bold">对本人奖惩记录提出异议</h1>
        <ModeNav current="own-record" />
        <Intro>
          <p>物业服务从业人员认为平台对本人记录的优良信息或不良信息有误的，可以说明具体的异议内容并提供证明材料（《遂宁市物业服务从业人员执业管理办法》第十八条）。住建部门核实后更正记录并公开更正内容，或向您说明维持原记录的理由。</p>
          <p>提交后您会得到一个查询码，凭查询码可以随时查看处理进度。</p>
        </Intro>
        {p.mode === 'own-record' ? (
          <Card>
            <OwnRecordNoticeForm noticeCode={p.notice} />
            <p className="mt-4 text-sm">
              没有告知书？
              <a href="/objections/new?mode=own-record-lookup" className="text-brand-800 underline">
                用姓名、身份证号码、手机号码和短信验证码查找本人记录
              </a>
            </p>
          </Card>
        ) : (
          <Card>
            <OwnRecordLookupForm />
            <p className="mt-4 text-sm">
              有告知书？
              <a href="/objections/new?mode=own-record" className="text-brand-800 underline">
                用告知书编号提出异议
              </a>
            </p>
          </Card>
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">从业人员信息异议</h1>
      <ModeNav current="own-data" />
      <Intro>
        <p>认为平台登记的本人信息有误的物业服务从业人员，可以在此提出异议。所在企业或区县住建部门核实后，会更正信息或说明维持原信息的理由。</p>
        <p>为确认是本人，平台会向您登记的手机号码发送验证码。提交后您会得到一个查询码，凭查询码可以随时查看处理进度。同一时间只能有一件异议在处理中。</p>
      </Intro>
      <Card>
        <ObjectionForm />
      </Card>
    </div>
  );
}
