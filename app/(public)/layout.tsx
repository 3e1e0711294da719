import { SiteFooter, SiteHeader } from '@/components/ui/site-header';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
