import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isCaseCode, isStaffNoticeCode } from '@/db/queries/record-flags';
import { normalizeTrackingCode, TRACKING_LENGTH } from '@/lib/domain/objections';
import { CodeForm } from '../_components/code-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '信息异议',
  description: '提出信息异议，或凭查询码查看异议处理进度。',
  alternates: { canonical: '/objections' },
};

/**
 * The way in for someone holding a tracking code (on paper, from a notice or a phone call): a plain GET form that
 * leads to `/objections/[code]`, tolerant of spaces, dashes and lower case. Works without JavaScript.
 */
export default async function ObjectionsHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === 'string' ? raw : '';
  let error: string | null = null;
  if (typed.trim()) {
    const code = normalizeTrackingCode(typed);
    if (code) {
      const db = getDb();
      if (await isCaseCode(db, code)) redirect(`/objections/${code}`);
      // The code printed on a notice of a staff record: the objection form for that record.
      if (await isStaffNoticeCode(db, code)) redirect(`/objections/new?mode=own-record&notice=${code}`);
      error = '未找到该查询码，请核对后重新输入';
    } else error = `查询码为 ${TRACKING_LENGTH} 位字母和数字（不含 0、O、1、I、L），请核对后重新输入`;
  }
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">信息异议</h1>
      <section aria-labelledby="track-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="track-heading" className="text-lg font-semibold">
          查询处理进度
        </h2>
        <CodeForm
          action="/objections"
          label="查询码"
          hint={<>提交异议后页面显示的 {TRACKING_LENGTH} 位查询码。输入不良行为记录告知书上的编号，可对该记录提出异议。</>}
          button="查询"
          typed={typed}
          error={error}
        />
      </section>
      <section aria-labelledby="file-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="file-heading" className="text-lg font-semibold">
          提出异议
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            从业人员对本人登记信息或本人的奖惩记录有异议：
            <a href="/objections/new" className="text-brand-700 underline">
              在线提出异议
            </a>
            （需核对姓名、身份证号码和手机号码，或告知书编号）。
          </li>
          <li>对企业信用信息、从业人员记录等公开信息有异议的单位和个人：请在该信息所在的公开页面点击“对此信息提出异议”，并提供书面证明材料。</li>
        </ul>
      </section>
    </div>
  );
}
