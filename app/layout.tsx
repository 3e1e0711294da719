import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '遂宁市物业信用监管平台', template: '%s · 遂宁市物业信用监管平台' },
  description:
    '遂宁市住房和城乡建设局物业服务企业及从业人员信用信息公示平台：物业服务企业信用档案、红黑榜、小区物业服务人员实名公示。',
  applicationName: '遂宁市物业信用监管平台',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e40af' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
