import { changedFields, FIELD_LABELS } from '@/lib/services/company-filing';
import { DISTRICT_NAMES, type CompanyFilingInput } from '@/lib/validation/company';

type Basics = Partial<CompanyFilingInput>;

function show(k: keyof CompanyFilingInput, v: Basics): string {
  const x = v[k];
  if (x == null || x === '') return '—';
  if (k === 'districtId') return DISTRICT_NAMES[x as keyof typeof DISTRICT_NAMES] ?? String(x);
  if (k === 'registeredCapital') return `${Number(x).toLocaleString('zh-CN')} 万元`;
  if (k === 'managers') return `${(x as unknown[]).length} 人`;
  return String(x);
}

function ManagerList({ managers }: { managers: CompanyFilingInput['managers'] }) {
  return (
    <ul className="space-y-1">
      {managers.map((m, i) => (
        <li key={i}>
          <span className="text-slate-600">{m.kind}</span> {m.name}
          {m.title ? `（${m.title}）` : ''}
          {m.qualification ? ` · ${m.qualification}` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * The basic information of a filing; for a change, side by side with the version it replaces, the changed
 * rows marked in words (not by colour alone).
 */
export function FilingComparison({ before, after, caption }: { before: Basics | null; after: CompanyFilingInput; caption: string }) {
  const changed = new Set(before ? changedFields(before, after) : []);
  const keys = Object.keys(FIELD_LABELS) as (keyof CompanyFilingInput)[];
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="w-40 py-2">项目</th>
          {before && <th scope="col" className="py-2">变更前</th>}
          <th scope="col" className="py-2">{before ? '变更后' : '申报内容'}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const isChanged = changed.has(k);
          return (
            <tr key={k} className={`border-b border-slate-100 align-top ${isChanged ? 'bg-amber-50' : ''}`}>
              <th scope="row" className="py-2 font-medium">
                {FIELD_LABELS[k]}
                {isChanged && <span className="ml-1 rounded bg-amber-200 px-1 text-xs text-amber-950">已变更</span>}
              </th>
              {before && (
                <td className="py-2">{k === 'managers' ? <ManagerList managers={before.managers ?? []} /> : show(k, before)}</td>
              )}
              <td className="py-2">{k === 'managers' ? <ManagerList managers={after.managers} /> : show(k, after)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
