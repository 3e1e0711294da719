import type { Metadata, Viewport } from 'next';
import { env } from '@/lib/env';
import './globals.css';

/**
 * A function, not a constant: SITE_URL is read when the page is rendered, not baked in at build time (robots.ts
 * does the same). `metadataBase` turns every page's relative `alternates.canonical` into an absolute URL.
 */
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().siteUrl),
    title: { default: '遂宁市物业信用监管平台', template: '%s · 遂宁市物业信用监管平台' },
    description:
      '遂宁市住房和城乡建设局物业服务企业及从业人员信用信息公示平台：物业服务企业信用档案、红黑榜、小区物业服务人员实名公示。',
    applicationName: '遂宁市物业信用监管平台',
    // The files of public/, drawn by scripts/make-icons.ts; the manifest is app/manifest.ts.
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
      ],
      apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
    },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
