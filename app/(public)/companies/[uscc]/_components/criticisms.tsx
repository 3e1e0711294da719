import type { PublicCriticism } from '@/db/queries/supervision';
import { formatDate } from '@/lib/format';

/**
 * 通报批评 (SN 24) inside their publicity window (decision 033): what the bureau found and did, in lay words, with
 * the code anyone can check at /verify. Nothing is shown when there is none (the section is absent).
 */
export function PublicCriticisms({ items }: { items: PublicCriticism[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="criticism-heading" className="rounded-lg border border-red-300 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="criticism-heading" className="mb-1 text-lg font-semibold">
        通报批评（{items.length}）
      </h2>
      <p className="mb-3 text-sm text-slate-700">住建部门责令限期整改后，企业逾期没有完成整改的，予以通报批评。公示期满后不再显示。</p>
      <ul className="divide-y divide-slate-200">
        {items.map((c) => (
          <li key={c.id} className="py-3">
            <p className="break-words">{c.text}</p>
            <p className="mt-1 text-sm text-slate-700">
              {c.districtName}住房和城乡建设局 · {c.criticizedOn ? formatDate(c.criticizedOn) : ''} 发布 · 公示至 {c.criticismUntil ? formatDate(c.criticismUntil) : ''}
              {c.code && (
                <>
                  {' '}
                  · 查验编号{' '}
                  <a href={`/verify/${c.code}`} className="font-mono text-brand-800 underline">
                    {c.code}
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
