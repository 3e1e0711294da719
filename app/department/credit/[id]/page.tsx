import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { AttachmentLinks } from '@/components/ui/attachment-links';
import { getDb } from '@/db';
import { creditRecordExists, getCreditRecordInScope, listRecordAttachments } from '@/db/queries/credit-records';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { departmentKindLabel, departmentOutcome } from '@/lib/domain/department-credit';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentPolicy } from '@/lib/policy';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: '报送的信用信息', robots: { index: false } };

/** One submission of the department, with its outcome; another department's (or any other) record is a 404. */
export default async function DepartmentCreditRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(['department'], `/department/credit/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const r = await getCreditRecordInScope(db, actor, id);
  if (!r) {
    if (await creditRecordExists(db, id)) await recordOutOfScope(actor, 'credit_record', id);
    notFound();
  }
  const [files, policy, sp] = await Promise.all([listRecordAttachments(db, 'credit_record', id), currentPolicy(), searchParams]);
  const outcome = departmentOutcome(r, today(), policy.settings);
  const facts: [string, React.ReactNode][] = [
    ['类别', departmentKindLabel(r)],
    ['企业', `${r.companyName}（${r.uscc}）`],
    ['发文单位及文号', r.issuer ?? '—'],
    [r.isPenalty ? '处罚决定日期' : '决定或发文日期', formatDate(r.occurredOn)],
    ['事实和依据', r.description],
    ['报送时间', formatDateTime(r.createdAt)],
    ['处理结果', outcome.text],
  ];
  if (r.decidedAt) facts.push(['处理时间', formatDateTime(r.decidedAt)]);
  if (outcome.state === 'confirmed' && r.publishedOn) facts.push(['公布日期', formatDate(r.publishedOn)]);
  return (
    <div className="space-y-6">
      <BackLink href="/department/credit">返回本部门报送的信用信息</BackLink>
      {sp.submitted && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已报送，等待住建部门核定分值和情节。
        </p>
      )}
      <h1 className="text-2xl font-bold">{r.type}</h1>
      <section aria-labelledby="facts-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="facts-heading" className="sr-only">
          报送内容和处理结果
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="break-words">{v}</dd>
            </div>
          ))}
          <dt className="text-slate-600">证据材料</dt>
          <dd>{files.length === 0 ? '无' : <AttachmentLinks files={files} />}</dd>
        </dl>
        {outcome.isPublic && (
          <p className="mt-3">
            <Link href={`/companies/${r.uscc}#credit-heading`} className="text-brand-800 underline">
              查看企业信用公示页上的这条记录
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
