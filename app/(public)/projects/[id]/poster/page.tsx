import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import { DisclosureBoard } from '../../_components/disclosure-board';
import { loadProject } from '../load';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await loadProject((await params).id);
  return { title: p ? `${p.name} 物业服务公示海报` : '小区不存在', robots: { index: false, follow: true } };
}

// A4 portrait: the site's header, footer and the on-screen hints are not printed.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  body > header, body > footer, .skip-link, .no-print { display: none !important; }
  body > main { max-width: none !important; padding: 0 !important; }
  .poster { box-shadow: none !important; border: 2px solid #1e3a8a !important; padding: 6mm 8mm !important; font-size: 10pt; line-height: 1.4; }
  .poster h1 { font-size: 18pt; line-height: 1.3; }
  .poster dl > div { padding-top: 1mm !important; padding-bottom: 1mm !important; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;

export default async function PosterPage({ params }: { params: Params }) {
  const p = await loadProject((await params).id);
  if (!p) notFound();
  const url = `${env().siteUrl}/projects/${p.id}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <a href={`/projects/${p.id}`} className="text-brand-700 underline">
          返回小区页面
        </a>
        <p className="text-sm text-slate-700">用浏览器的“打印”功能（Ctrl+P 或菜单中的打印）以 A4 纸打印本页。</p>
      </div>
      <article className="poster mx-auto max-w-[210mm] space-y-4 rounded-lg border-2 border-brand-800 bg-white p-5 shadow-sm sm:p-8">
        <header className="border-b-2 border-brand-800 pb-3 text-center">
          <p className="text-sm text-slate-700">遂宁市物业信用监管平台</p>
          <h1 className="mt-1 text-2xl font-bold text-brand-800">{p.name} 物业服务公示栏</h1>
          <p className="mt-1 text-slate-700">
            {p.districtName} · {p.address}
          </p>
        </header>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-700">物业服务企业</dt>
          <dd>{p.company ? p.company.name : '暂无已备案的物业服务企业信息'}</dd>
          {p.contract && (
            <>
              <dt className="font-medium text-slate-700">合同期限</dt>
              <dd>
                {formatDate(p.contract.startDate)} 至 {formatDate(p.contract.endDate)}
              </dd>
            </>
          )}
        </dl>
        {p.board && p.board.items.length > 0 ? (
          <DisclosureBoard items={p.board.items} />
        ) : (
          <p className="text-slate-700">物业服务企业尚未发布公示信息。</p>
        )}
        <footer className="flex items-center gap-4 border-t-2 border-brand-800 pt-4 print:break-inside-avoid">
          <figure className="shrink-0">
            <div role="img" aria-label={`二维码：${url}`} className="h-32 w-32 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
          </figure>
          <div className="space-y-1 text-sm">
            <p className="font-medium">扫描二维码，查看本小区的物业服务企业、公示信息和信用信息。</p>
            <p className="break-all text-slate-700">{url}</p>
            {p.board && <p className="text-slate-700">公示信息更新于 {formatDate(p.board.updatedOn)}</p>}
          </div>
        </footer>
      </article>
    </>
  );
}
