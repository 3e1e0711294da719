import { connection } from 'next/server';

/**
 * Rendered per request (connection()), never prerendered: a prerendered page cannot carry the request's
 * Content-Security-Policy nonce, and its scripts would be blocked (decision 018). No page is prerendered or kept
 * by Next.js any more; public pages are cached in front of it (decision 021).
 */
export default async function NotFound() {
  await connection();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-slate-700">您访问的页面不存在，或您无权查看该内容。</p>
      <p className="mt-6">
        <a href="/" className="text-brand-700 underline">
          返回首页
        </a>
      </p>
    </main>
  );
}
