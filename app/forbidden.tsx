
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">无权访问</h1>
      <p className="mt-3 text-slate-700">您的账号没有访问此页面的权限。如需开通，请联系市住房和城乡建设局平台管理员。</p>
      <p className="mt-6">
        <a href="/login" className="text-brand-700 underline">
          返回工作台
        </a>
      </p>
    </main>
  );
}
