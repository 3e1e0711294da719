import type { RegionOption } from '@/db/queries/public-companies';
import type { PublicListEntry } from '@/db/queries/public-lists';
import { formatNumber } from '@/lib/format';
import { LIST_NAME, parsePeriod, type PublicListKind } from '@/lib/public-lists/params';
import { DistrictSelect, FilterForm, SearchField, SelectField } from '../../_components/filter-form';
import { EmptyState } from '@/components/list-kit/empty';
import { NumberedPager } from '@/components/list-kit/pager';
import { listHref } from '@/components/list-kit/params';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { ObjectionBadge } from '@/components/records/record-notes';

const INTRO: Record<PublicListKind, string> = {
  red: '业绩信用信息在公示期内、或住宅小区连续三次评定为“优秀”的物业服务企业；当日在黑榜的企业不列入红榜。',
  black: '一票否决、小区连续三次评定为“差”（整改期）、市场禁入、连续两年信用评价低于90分，或严重失信警示信息在公示期内的物业服务企业。',
};

export interface ListViewProps {
  list: PublicListKind;
  on: string;
  q: string;
  district?: string;
  period?: string;
  districts: RegionOption[];
  result: { items: PublicListEntry[]; total: number; page: number; pageCount: number };
}

/** The quarters and years a visitor can pick: this year and the two before, newest first. */
function periodOptions(on: string) {
  const y = Number(on.slice(0, 4));
  const out: { key: string; label: string }[] = [];
  for (let year = y; year >= y - 2; year--) {
    out.push({ key: String(year), label: `${year}年全年` });
    for (let q = 4; q >= 1; q--) {
      const key = `${year}Q${q}`;
      if (parsePeriod(key)!.from <= on) out.push({ key, label: `${year}年第${q}季度` });
    }
  }
  return out;
}

function statusText(e: PublicListEntry) {
  if (e.status === 'rectifying') return '整改期（整改验收后移出）';
  return null;
}

/** A red or black list page: the GET filter form, the entries and the page links (no client JavaScript). */
export function ListView({ list, on, q, district, period, districts, result }: ListViewProps) {
  const name = LIST_NAME[list];
  const other: PublicListKind = list === 'red' ? 'black' : 'red';
  const districtName = districts.find((d) => d.id === district)?.name;
  const periodInfo = parsePeriod(period);
  const periods = periodOptions(on);
  const base = `/lists/${list}`;
  return (
    <div className="space-y-6">
      <Breadcrumbs current={name} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">物业服务企业{name}</h1>
        <p className="text-sm">
          <a href={`/lists/${other}`} className="text-brand-700 underline">
            查看{LIST_NAME[other]}
          </a>
        </p>
      </div>
      <p className="text-slate-700">{INTRO[list]}</p>

      <FilterForm action={base} label={`筛选${name}`} layout="sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end" submitLabel="筛选">
        <SearchField id="list-q" label="企业名称或统一社会信用代码" defaultValue={q} />
        <DistrictSelect id="list-district" label="所在区县" districts={districts} value={district} />
        <SelectField id="list-period" name="period" label="在榜期间" defaultValue={period ?? ''}>
          <option value="">当前在榜</option>
          {periods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <section aria-labelledby="list-results-heading">
        <h2 id="list-results-heading" className="sr-only">
          {name}名单
        </h2>
        <p className="mb-3 text-slate-700">
          {periodInfo ? `${periodInfo.label}曾在${name}` : `截至 ${on} 在${name}`}
          <strong className="mx-1">{formatNumber(result.total)}</strong>条
          {districtName ? `（${districtName}）` : ''}
          {q ? `，匹配“${q}”` : ''}
          {result.pageCount > 1 ? `，第 ${result.page} / ${result.pageCount} 页` : ''}
        </p>
        {result.items.length === 0 ? (
          <EmptyState
            text={{ filtered: `没有符合条件的${name}企业。`, none: periodInfo ? `这一期间没有企业在${name}。` : `目前没有企业在${name}。` }}
            filtered={!!(q || district)}
            pastEnd={result.total > 0}
            clearHref={listHref(base, { period })}
            firstHref={listHref(base, { q, district, period })}
          />
        ) : (
          <ol className="space-y-3" aria-label={`${name}企业`}>
            {result.items.map((e) => (
              <li key={e.id} className={`rounded-lg border-l-4 bg-white p-4 shadow-sm ${list === 'red' ? 'border-red-list' : 'border-black-list'}`}>
                <h3 className="text-lg font-semibold">
                  {e.company.isPublic ? (
                    <a href={`/companies/${e.company.uscc}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {e.company.name}
                    </a>
                  ) : (
                    e.company.name
                  )}
                </h3>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[7rem_1fr]">
                  <dt className="text-slate-600">统一社会信用代码</dt>
                  <dd className="font-mono">{e.company.uscc}</dd>
                  <dt className="text-slate-600">所在区县</dt>
                  <dd>{e.district?.name ?? '—'}</dd>
                  {e.project && (
                    <>
                      <dt className="text-slate-600">涉及小区</dt>
                      <dd>
                        <a href={`/projects/${e.project.id}`} className="text-brand-700 underline">
                          {e.project.name}
                        </a>
                      </dd>
                    </>
                  )}
                  <dt className="text-slate-600">列入原因</dt>
                  <dd>
                    {e.reason}
                    <ObjectionBadge open={e.underObjection} />
                  </dd>
                  <dt className="text-slate-600">依据</dt>
                  <dd>
                    {e.rule.citation || e.rule.label}
                    {e.rule.citation && <span className="text-slate-600">（{e.rule.label}）</span>}
                  </dd>
                  <dt className="text-slate-600">列入日期</dt>
                  <dd>
                    <time dateTime={e.since}>{e.since}</time>
                  </dd>
                  <dt className="text-slate-600">预计移出日期</dt>
                  <dd>
                    {e.until ? <time dateTime={e.until}>{e.until}</time> : '—'}
                    {statusText(e) && <span className="ml-2 text-slate-700">{statusText(e)}</span>}
                    {e.endedOn && <span className="ml-2 text-slate-700">（已于 {e.endedOn} 移出）</span>}
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
        <NumberedPager path={base} filters={{ q, district, period }} page={result.page} pages={result.pageCount} />
      </section>

      <p className="text-sm text-slate-700">
        开放数据：
        <a href={listHref(`/api/v1/lists/${list}`, { q, district, period })} className="text-brand-700 underline">
          JSON
        </a>
        {' · '}
        <a href={listHref(`/api/v1/lists/${list}`, { q, district, period, format: 'csv' })} className="text-brand-700 underline">
          CSV
        </a>
        {' · '}
        <a href="/feeds/lists.xml" className="text-brand-700 underline">
          红黑榜变动订阅（Atom）
        </a>
      </p>
    </div>
  );
}
