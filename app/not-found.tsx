
export default function NotFound() {
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
