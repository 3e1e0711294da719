import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

// SITE_URL is read when serving, not baked in at build time.
export const dynamic = 'force-dynamic';

/** Public pages are indexable; the signed-in areas and sign-in endpoints are not. */
export default function robots(): MetadataRoute.Robots {
  const base = env().siteUrl;
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/bureau', '/company', '/association', '/committee', '/department', '/street', '/account', '/inbox', '/api/auth'],
    },
    sitemap: `${base}/sitemap.xml`,
  };
}
