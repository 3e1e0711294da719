
/** Public header: the site name and one search box (a plain GET form: works without JavaScript). */
export function SiteHeader({ query = '' }: { query?: string }) {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
          <a href="/" className="text-lg font-bold tracking-wide">
            遂宁市物业信用监管平台
          </a>
          <nav aria-label="主导航">
            <ul className="flex gap-1">
              <li>
                <a href="/companies" className="inline-flex min-h-11 items-center rounded px-3 hover:bg-white/15">
                  企业
                </a>
              </li>
              <li>
                <a href="/projects" className="inline-flex min-h-11 items-center rounded px-3 hover:bg-white/15">
                  小区
                </a>
              </li>
              <li>
                <a href="/lists/red" className="inline-flex min-h-11 items-center rounded px-3 hover:bg-white/15">
                  红黑榜
                </a>
              </li>
              <li>
                <a href="/objections" className="inline-flex min-h-11 items-center rounded px-3 hover:bg-white/15">
                  异议查询
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <form action="/search" method="get" role="search" className="flex w-full gap-2 sm:w-96">
          <label htmlFor="site-search" className="sr-only">
            搜索小区、企业或物业服务人员
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="搜索小区、企业或服务人员"
            className="min-w-0 flex-1 rounded border border-white/40 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500"
          />
          <button type="submit" className="rounded bg-amber-400 px-4 py-2 font-medium text-slate-900 hover:bg-amber-300">
            搜索
          </button>
        </form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-slate-600">
        <p>主办：遂宁市住房和城乡建设局</p>
        <p>本平台公示的信用信息依据《遂宁市物业服务从业人员执业管理办法》等规定采集和发布，对公示信息有异议的，可依法提出异议申请。</p>
        <p className="flex flex-wrap gap-x-4 gap-y-3">
          <a href="/open-data" className="text-brand-700 underline">
            开放数据
          </a>
          <a href="/stats" className="text-brand-700 underline">
            统计数据
          </a>
          <a href="/verify" className="text-brand-700 underline">
            文书核验
          </a>
          <a href="/spot-checks" className="text-brand-700 underline">
            双随机抽查
          </a>
          <a href="/login" className="text-brand-700 underline">
            工作人员登录
          </a>
        </p>
      </div>
    </footer>
  );
}
