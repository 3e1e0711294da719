import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListTable } from '@/components/list-kit/table';
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
        <ListTable
          testId="policy-history"
          caption="信用政策各版本：修改人、时间、原因和改动的设置"
          rows={versions.map((row, i) => ({ row, current: i === 0, previous: versions[i + 1] }))}
          rowKey={(v) => v.row.version}
          columns={[
            {
              label: '版本',
              rowHeader: true,
              cell: ({ row, current }) => (
                <>
                  第 {row.version} 版{current && <span className="ml-1 text-xs text-emerald-800">（现行）</span>}
                </>
              ),
            },
            { label: '修改人', cell: ({ row }) => row.createdByName ?? '系统初始化' },
            { label: '时间', cell: ({ row }) => formatDateTime(row.createdAt) },
            { label: '原因', cell: ({ row }) => row.reason },
            {
              label: '改动的设置',
              cell: ({ row, previous }) => {
                const changes = previous ? policyChanges(previous.settings, row.settings) : [];
                return !previous ? (
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
                );
              },
            },
          ]}
        />
      </section>
    </div>
  );
}
