'use client';

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', padding: '4rem 1rem', textAlign: 'center' }}>
        <h1>系统繁忙，请稍后再试</h1>
        <p>处理您的请求时出现了问题，我们已记录此错误。{error.digest && `错误编号：${error.digest}`}</p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout has failed: a full document load, not a client navigation inside the broken app, is the way back. */}
          <a href="/">返回首页</a>
        </p>
      </body>
    </html>
  );
}
