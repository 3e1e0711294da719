import Link from 'next/link';
import { ListTable } from '@/components/list-kit/table';
import { getDb } from '@/db';
import { rosterCoverage } from '@/db/queries/supervision';
import type { Actor } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { coveragePercent, verificationYear } from '@/lib/domain/supervision';
import { formatNumber } from '@/lib/format';

/** The bureau dashboard's "年度名册核查进度" (SN 23): per district, served estates verified this year, to 100 %. */
export async function RosterCoverage({ actor }: { actor: Actor }) {
  const year = verificationYear(today());
  const rows = (await rosterCoverage(getDb(), actor, year)).map((d) => ({ ...d, percent: coveragePercent(d.verified, d.estates) }));
  const todo = rows.reduce((a, d) => a + d.estates - d.verified, 0);
  return (
    <section aria-labelledby="coverage-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="coverage-heading" className="mb-1 text-lg font-semibold">
        年度名册核查进度（{year} 年）
      </h2>
      <p className="mb-3 text-slate-700">
        {todo > 0 ? (
          <>
            还有 {formatNumber(todo)} 个小区未核查。{' '}
            <Link href={`/bureau/roster-checks?status=todo&year=${year}`} className="font-medium text-brand-800 underline">
              查看未核查的小区
            </Link>
          </>
        ) : (
          '有物业服务企业的小区已全部核查。'
        )}
      </p>
      <ListTable
        caption={`${year} 年各区县名册核查覆盖率`}
        rows={rows}
        rowKey={(d) => d.districtId}
        columns={[
          { label: '区县', rowHeader: true, cell: (d) => d.districtName },
          { label: '应核查小区', cell: (d) => formatNumber(d.estates) },
          { label: '已核查', cell: (d) => formatNumber(d.verified) },
          {
            label: '覆盖率',
            cell: (d) => (
              <span className="flex items-center gap-2">
                <meter min={0} max={100} value={d.percent} aria-label={`${d.districtName}覆盖率`} className="w-20" />
                {d.percent}%
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
