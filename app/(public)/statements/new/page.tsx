import type { Metadata } from 'next';
import { z } from 'zod';
import { StatementForm } from './statement-form';

export const metadata: Metadata = {
  title: '对本人记录发表声明',
  description: '物业服务从业人员可凭记录告知书，在本人的优良或不良信息记录旁附上简短的公开声明。',
};

const paramsSchema = z.object({
  notice: z.string().trim().max(40).optional().catch(undefined),
  saved: z.literal('1').optional().catch(undefined),
});

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** SPEC §3.7: the subject's short public statement beside their record. */
export default async function NewStatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const p = paramsSchema.parse({ notice: one(sp.notice), saved: one(sp.saved) });
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">对本人记录发表声明</h1>
      {p.saved && (
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
          声明已保存，将在公开页面中显示在该记录旁。
        </p>
      )}
      <div className="space-y-2 rounded-lg bg-white p-4 text-slate-800 shadow-sm">
        <p>被记录优良信息或不良信息的从业人员，可以在本人的记录旁附上一段简短的公开声明，例如说明情况或整改结果。声明不改变记录本身。</p>
        <p>
          认为记录有误的，请
          <a href="/objections/new?mode=own-record" className="text-brand-800 underline">
            提出异议
          </a>
          ，由住建部门核查更正。
        </p>
      </div>
      <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <StatementForm noticeCode={p.notice} />
      </div>
    </div>
  );
}
