import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { normalizeTrackingCode, TRACKING_LENGTH } from '@/lib/domain/objections';
import { CodeForm } from '../_components/code-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: '文书核验',
  description: '输入告知书、风险提示函、从业人员工作牌上的编号，核验其是否由遂宁市物业信用监管平台出具、是否仍然有效。',
  alternates: { canonical: '/verify' },
};

/** A plain GET form for a code typed from paper; leads to `/verify/[code]` (tolerant of spaces, dashes, lower case). */
export default async function VerifyHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === 'string' ? raw : '';
  let error: string | null = null;
  if (typed.trim()) {
    const code = normalizeTrackingCode(typed);
    if (code) redirect(`/verify/${code}`);
    error = `编号为 ${TRACKING_LENGTH} 位字母和数字（不含 0、O、1、I、L），请核对后重新输入`;
  }
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">文书核验</h1>
      <section aria-labelledby="verify-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="verify-heading" className="text-lg font-semibold">
          核验编号
        </h2>
        <CodeForm
          action="/verify"
          label="文书编号"
          hint={<>告知书、信用风险提示函、工作牌上印的 {TRACKING_LENGTH} 位编号；扫描文书上的二维码也可直接核验。</>}
          button="核验"
          typed={typed}
          error={error}
        />
      </section>
    </div>
  );
}
