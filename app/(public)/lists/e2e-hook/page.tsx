import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { openTestVeto } from './actions';

/** The form of the end-to-end hook (see ./actions.ts); 404 unless E2E_HOOKS=1. */
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '测试', robots: { index: false } };

export default async function E2eHookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (env().E2E_HOOKS !== '1') notFound();
  const { done } = await searchParams;
  return (
    <form action={openTestVeto} className="space-y-3">
      <h1 className="text-xl font-bold">测试：列入黑榜</h1>
      {done && <p role="status">已列入：{done}</p>}
      <label className="block">
        统一社会信用代码
        <input name="uscc" className="ml-2 border px-2" />
      </label>
      <label className="block">
        原因
        <input name="reason" className="ml-2 border px-2" />
      </label>
      <button type="submit">列入</button>
    </form>
  );
}
