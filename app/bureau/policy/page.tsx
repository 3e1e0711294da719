import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listPolicyVersions } from '@/db/queries/policy';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { displayValue, POLICY_FIELDS, policyChanges } from '@/lib/domain/credit-policy-edit';
import { formatDateTime } from '@/lib/format';
import { PolicyForm } from './policy-form';

export const metadata: Metadata = { title: '信用政策设置', robots: { index: false } };

export default async function PolicyPage() {
  const actor = await requireActor(['city'], '/bureau/policy');
  if (!can(actor, 'policy.edit')) notFound();
  const db = getDb();
  const [current, versions] = await Promise.all([currentPolicy(), listPolicyVersions(db)]);
  const values: Record<string, string> = {};
  for (const f of POLICY_FIELDS) {
    const raw = f.path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], current.settings);
    values[f.path] = f.kind === 'boolean' ? (raw ? 'on' : '') : displayValue(f, raw);
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">信用政策设置</h1>
      <p className="text-slate-700">
        评分、评定、名单和期限所用的数值。每次保存形成一个新版本（第 {current.version + 1} 版），此前的计算结果仍注明其所用的版本。
      </p>
      <section aria-labelledby="current-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="current-heading" className="mb-3 text-lg font-semibold">
          当前设置（第 {current.version} 版）
        </h2>
        <PolicyForm baseVersion={current.version} values={values} />
      </section>
      <section aria-labelledby="history-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          版本历史
        </h2>
        <table className="w-full text-left text-sm" data-testid="policy-history">
          <caption className="sr-only">信用政策各版本：修改人、时间、原因和改动的设置</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">版本</th>
              <th scope="col" className="py-2">修改人</th>
              <th scope="col" className="py-2">时间</th>
              <th scope="col" className="py-2">原因</th>
              <th scope="col" className="py-2">改动的设置</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((row, i) => {
              const previous = versions[i + 1];
              const changes = previous ? policyChanges(previous.settings, row.settings) : [];
              return (
                <tr key={row.version} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 font-medium">
                    第 {row.version} 版{i === 0 && <span className="ml-1 text-xs text-emerald-800">（现行）</span>}
                  </th>
                  <td className="py-2">{row.createdByName ?? '系统初始化'}</td>
                  <td className="py-2">{formatDateTime(row.createdAt)}</td>
                  <td className="py-2">{row.reason}</td>
                  <td className="py-2">
                    {!previous ? (
                      '初始版本'
                    ) : changes.length === 0 ? (
                      '无改动'
                    ) : (
                      <ul className="space-y-1">
                        {changes.map((c) => (
                          <li key={c.path}>
                            {c.label}：{c.from} → {c.to}
                            {c.unit && ` ${c.unit}`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
