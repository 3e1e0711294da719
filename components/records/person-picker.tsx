/**
 * Finding the person a filing is about: a plain GET search (estate, name, and for the association the last
 * digits of the ID number) over the current approved staff the filer may name, then a link that picks one.
 * Only the masked ID number is ever shown.
 */
import Link from 'next/link';
import { STAFF_SEARCH_LIMIT, type ReportablePerson } from '@/db/queries/practitioner-records';
import type { StaffSearch } from '@/lib/validation/records';

function hrefWith(path: string, search: StaffSearch, pid?: string, keep: Record<string, string> = {}) {
  const p = new URLSearchParams(keep);
  if (search.name) p.set('name', search.name);
  if (search.estate) p.set('estate', search.estate);
  if (search.projectId) p.set('projectId', search.projectId);
  if (search.idTail) p.set('idTail', search.idTail);
  if (pid) p.set('pid', pid);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}

export function PersonSummary({ person }: { person: ReportablePerson }) {
  return (
    <>
      <strong>{person.name}</strong>（身份证号码 <span className="font-mono">{person.idNumberMasked}</span>，{person.gender}）· {person.post} · {person.projectName}（
      {person.districtName}）· {person.companyName}
    </>
  );
}

export function PersonPicker({
  path,
  search,
  estates,
  results,
  selected,
  scopeNote,
  withIdTail = false,
  keep = {},
}: {
  path: string;
  search: StaffSearch;
  /** A short list of estates to choose from (a company, a street office); otherwise a free-text estate field. */
  estates: { id: string; name: string }[] | null;
  results: ReportablePerson[] | null;
  selected: ReportablePerson | null;
  scopeNote: string;
  withIdTail?: boolean;
  /** Other query parameters of the page to carry along (e.g. which form). */
  keep?: Record<string, string>;
}) {
  if (selected) {
    return (
      <section aria-labelledby="picked-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="picked-heading" className="font-semibold">
          人员
        </h2>
        <p className="mt-1">
          <PersonSummary person={selected} />
        </p>
        <p className="mt-1 text-sm">
          <Link href={hrefWith(path, search, undefined, keep)} className="text-brand-800 underline">
            重新选择人员
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="pick-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="pick-heading" className="font-semibold">
        第一步：查找人员
      </h2>
      <p className="text-sm text-slate-600">{scopeNote}</p>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {estates ? (
          <div>
            <label htmlFor="pick-projectId" className="block text-sm font-medium">
              小区
            </label>
            <select id="pick-projectId" name="projectId" defaultValue={search.projectId ?? ''} className="mt-1 max-w-xs rounded border border-slate-400 px-3 py-2">
              <option value="">全部小区</option>
              {estates.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div>
            <label htmlFor="pick-estate" className="block text-sm font-medium">
              小区名称
            </label>
            <input id="pick-estate" name="estate" defaultValue={search.estate} maxLength={40} className="mt-1 rounded border border-slate-400 px-3 py-2" />
          </div>
        )}
        <div>
          <label htmlFor="pick-name" className="block text-sm font-medium">
            姓名
          </label>
          <input id="pick-name" name="name" defaultValue={search.name} maxLength={20} className="mt-1 rounded border border-slate-400 px-3 py-2" />
        </div>
        {withIdTail && (
          <div>
            <label htmlFor="pick-idTail" className="block text-sm font-medium">
              身份证号码后四位（选填）
            </label>
            <input id="pick-idTail" name="idTail" defaultValue={search.idTail} maxLength={4} className="mt-1 w-28 rounded border border-slate-400 px-3 py-2 font-mono" />
          </div>
        )}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          查找人员
        </button>
      </form>
      {results !== null &&
        (results.length === 0 ? (
          <p role="status" className="text-slate-700">
            没有找到符合条件的在岗人员。
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="py-1 text-left text-slate-600">
              找到 {results.length} 人{results.length >= STAFF_SEARCH_LIMIT ? `（最多显示 ${STAFF_SEARCH_LIMIT} 人，请输入更完整的姓名或选择小区以缩小范围）` : ''}
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">姓名</th>
                <th scope="col" className="p-2">身份证号码</th>
                <th scope="col" className="p-2">岗位</th>
                <th scope="col" className="p-2">小区 · 企业</th>
                <th scope="col" className="p-2">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.practitionerId} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-medium">
                    {r.name}
                  </th>
                  <td className="p-2 font-mono">{r.idNumberMasked}</td>
                  <td className="p-2">{r.post}</td>
                  <td className="p-2">
                    {r.projectName}（{r.districtName}）<span className="block text-xs text-slate-600">{r.companyName}</span>
                  </td>
                  <td className="p-2">
                    <Link href={hrefWith(path, search, r.practitionerId, keep)} className="text-brand-800 underline" aria-label={`选择${r.name}（${r.idNumberMasked}）`}>
                      选择
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
