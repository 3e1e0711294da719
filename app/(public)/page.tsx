import type { Metadata } from 'next';
import { getDb } from '@/db';
import { getHeadlineNumbers } from '@/db/queries/public-home';
import { listLatestChanges } from '@/db/queries/public-lists';
import { today } from '@/lib/clock';
import { listEventLabel } from '@/lib/domain/labels';
import { formatDate, formatNumber } from '@/lib/format';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { absolute: '遂宁市物业信用监管平台' },
  alternates: { canonical: '/' },
};

const LIST_LABEL = { red: '红榜', black: '黑榜' } as const;

export default async function HomePage() {
  const db = getDb();
  const on = today();
  const [numbers, changes] = await Promise.all([getHeadlineNumbers(db, on), listLatestChanges(db, on, 8)]);
  const stats = [
    { label: '备案物业服务企业', value: numbers.companies, unit: '家' },
    { label: '物业服务项目（小区）', value: numbers.estates, unit: '个' },
    { label: '实名登记在岗从业人员', value: numbers.staff, unit: '人' },
    { label: '红榜在榜', value: numbers.redEntries, unit: '条' },
    { label: '黑榜在榜', value: numbers.blackEntries, unit: '条' },
  ];
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro-heading" className="rounded-lg bg-white p-6 shadow-sm">
        <h1 id="intro-heading" className="text-2xl font-bold text-brand-800">
          物业服务企业和从业人员信用信息公示
        </h1>
        <p className="mt-2 text-slate-700">
          查询小区的物业服务企业和在岗服务人员，查看企业信用等级和红黑榜，对物业服务进行
          <a href="/complaints/new" className="text-brand-800 underline">
            投诉或表扬
          </a>
          。
        </p>
        <form action="/search" method="get" role="search" className="mt-4 flex gap-2">
          <label htmlFor="home-search" className="sr-only">
            输入小区、企业名称或统一社会信用代码
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            required
            placeholder="输入小区、企业名称"
            className="min-w-0 flex-1 rounded border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
            查询
          </button>
        </form>
      </section>

      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading" className="mb-3 text-lg font-semibold">
          全市概况
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{s.label}</dt>
              <dd className="mt-1 text-2xl font-bold text-slate-900">
                {formatNumber(s.value)}
                <span className="ml-1 text-sm font-normal text-slate-600">{s.unit}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="changes-heading" className="rounded-lg bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="changes-heading" className="text-lg font-semibold">
            红黑榜最新变动
          </h2>
          <p className="flex gap-3 text-sm">
            <a href="/lists/red" className="text-brand-700 underline">
              红榜
            </a>
            <a href="/lists/black" className="text-brand-700 underline">
              黑榜
            </a>
            <a href="/feeds/lists.xml" className="text-brand-700 underline">
              订阅（Atom）
            </a>
          </p>
        </div>
        {changes.length === 0 ? (
          <p className="mt-2 text-slate-600">暂无红黑榜变动。</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {changes.map((c) => (
              <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:gap-3">
                <span
                  className={`inline-block w-fit rounded px-2 py-0.5 text-xs font-bold text-white ${
                    c.list === 'red' ? 'bg-red-list' : 'bg-black-list'
                  }`}
                >
                  {LIST_LABEL[c.list]}
                </span>
                <span className="font-medium">{listEventLabel(c.event, c.list)}</span>
                <a href={`/companies/${c.company.uscc}`} className="text-brand-700 underline">
                  {c.company.name}
                </a>
                <span className="text-slate-700">{c.detail}</span>
                <time className="text-sm text-slate-600 sm:ml-auto" dateTime={c.at}>
                  {formatDate(new Date(c.at))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
