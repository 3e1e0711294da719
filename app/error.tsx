'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">系统繁忙，请稍后再试</h1>
      <p className="mt-3 text-slate-700">
        处理您的请求时出现了问题，我们已记录此错误。
        {error.digest && <>如需咨询，请提供错误编号：<code className="font-mono">{error.digest}</code></>}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        重试
      </button>
    </main>
  );
}
