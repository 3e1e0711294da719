import type { Metadata } from 'next';
import { z } from 'zod';
import { getDb } from '@/db';
import { getComplaintEstate, listEstateStaffChoices } from '@/db/queries/complaints';
import { searchPublicProjects } from '@/db/queries/public-projects';
import { currentPolicy } from '@/lib/policy';
import { searchText } from '@/lib/validation/search-text';
import { ComplaintForm } from './complaint-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '投诉或表扬物业服务',
  description: '业主对小区物业服务、物业服务企业或工作人员进行投诉或表扬，无需注册，凭查询码查看处理进度。',
};

const paramsSchema = z.object({
  q: searchText(40),
  estate: z.uuid().optional().catch(undefined),
  person: z.uuid().optional().catch(undefined),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const MATCHES = 10;

function Card({ children, labelledBy }: { children: React.ReactNode; labelledBy?: string }) {
  return (
    <section aria-labelledby={labelledBy} className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
      {children}
    </section>
  );
}

/** What happens after filing, in plain words: the same on both steps. */
async function HowItWorks() {
  const { settings } = await currentPolicy();
  return (
    <Card>
      <ul className="list-disc space-y-1 pl-5 text-slate-800">
        <li>提交后您会得到一个查询码，凭查询码可以随时查看处理进度。</li>
        <li>
          <strong>投诉</strong>：小区的物业服务企业应在 {settings.complaintAnswerWorkingDays} 个工作日内答复；区县住建部门随后核实。经核实工作人员负有责任的，记入其不良信息（《遂宁市物业服务从业人员执业管理办法》第十三条第五项），企业有责任的记入企业警示信息；投诉不成立的，您会看到理由。
        </li>
        <li>
          <strong>表扬</strong>：转给物业服务企业。按规定，书面表扬由企业录入平台、住建部门审核后才记为工作人员的优良信息（第九条、第十二条），所以您的表扬不会直接出现在公开页面上；查询页面会显示企业是否已经收到。
        </li>
      </ul>
    </Card>
  );
}

/** Step 1 (a GET form, no JavaScript needed): type two characters of the estate's name or address, pick one. */
async function FindEstate({ q }: { q: string }) {
  const tooShort = q.length > 0 && q.length < 2;
  const found = q.length >= 2 ? await searchPublicProjects(getDb(), { q, pageSize: MATCHES }) : null;
  return (
    <Card labelledBy="find-heading">
      <h2 id="find-heading" className="text-lg font-semibold">
        第一步：找到您的小区
      </h2>
      <form method="get" action="/complaints/new" role="search" className="space-y-2">
        <label htmlFor="q" className="block font-medium">
          小区名称或地址
        </label>
        <p id="q-hint" className="text-sm text-slate-600">
          输入至少两个字，例如小区名称中的两个字。
        </p>
        {tooShort && (
          <p id="q-error" className="text-sm text-red-700">
            请至少输入两个字
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <input
            id="q"
            name="q"
            defaultValue={q}
            maxLength={40}
            aria-describedby={tooShort ? 'q-hint q-error' : 'q-hint'}
            aria-invalid={tooShort}
            className="min-h-11 min-w-0 flex-1 rounded border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
            查找小区
          </button>
        </div>
      </form>
      {found && found.items.length === 0 && <p role="status">没有找到名称或地址包含这几个字的小区，请换几个字再试。</p>}
      {found && found.items.length > 0 && (
        <form method="get" action="/complaints/new" className="space-y-3">
          <fieldset>
            <legend className="font-medium">
              找到 {found.total} 个小区{found.total > MATCHES ? `，下面是前 ${MATCHES} 个；没有您的小区请多输入几个字` : ''}，请选择：
            </legend>
            <div className="mt-2 space-y-2">
              {found.items.map((p, i) => (
                <div key={p.id} className="flex items-start gap-2">
                  <input type="radio" id={`estate-${p.id}`} name="estate" value={p.id} required defaultChecked={i === 0 && found.items.length === 1} className="mt-1.5" />
                  <label htmlFor={`estate-${p.id}`}>
                    <span className="font-medium">{p.name}</span>
                    <span className="block text-sm text-slate-600">
                      {p.districtName} {p.address}
                    </span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
            选择此小区
          </button>
        </form>
      )}
    </Card>
  );
}

export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const p = paramsSchema.parse({ q: one(sp.q) ?? '', estate: one(sp.estate), person: one(sp.person) });
  const db = getDb();
  const estate = p.estate ? await getComplaintEstate(db, p.estate) : null;
  const staff = estate ? await listEstateStaffChoices(db, estate.id) : [];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">投诉或表扬物业服务</h1>
      <HowItWorks />
      {!estate ? (
        <FindEstate q={p.q} />
      ) : (
        <Card labelledBy="form-heading">
          <h2 id="form-heading" className="text-lg font-semibold">
            第二步：{estate.name}
          </h2>
          <p className="text-sm text-slate-600">
            {estate.address}
            {estate.company ? `；物业服务企业：${estate.company.name}` : '；目前没有登记在册的物业服务企业'}。
            <a href="/complaints/new" className="ml-1 text-brand-800 underline">
              不是这个小区？重新查找
            </a>
          </p>
          <ComplaintForm
            estate={{ id: estate.id, name: estate.name }}
            company={estate.company?.name ?? null}
            staff={staff}
            practitionerId={staff.some((s) => s.id === p.person) ? p.person : undefined}
          />
        </Card>
      )}
    </div>
  );
}
