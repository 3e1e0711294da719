import type { MetadataRoute } from 'next';
import { getDb } from '@/db';
import { listPublicCompanyCodes } from '@/db/queries/public-companies';
import { listPublicProjectIds } from '@/db/queries/public-projects';
import { listPublishedDrawIds } from '@/db/queries/spot-checks';
import { env } from '@/lib/env';

// Read from the database on request: `next build` must not open the embedded database (STACK.md).
export const dynamic = 'force-dynamic';

/** Home, the two directories, every approved company and every estate (one file: well under 50,000 URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().siteUrl;
  const db = getDb();
  const [companies, projectIds, spotChecks] = await Promise.all([listPublicCompanyCodes(db), listPublicProjectIds(db), listPublishedDrawIds(db)]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/companies`, changeFrequency: 'daily', priority: 0.8 },
    { url: `${base}/projects`, changeFrequency: 'daily', priority: 0.8 },
    { url: `${base}/lists/red`, changeFrequency: 'daily', priority: 0.9 },
    { url: `${base}/lists/black`, changeFrequency: 'daily', priority: 0.9 },
    { url: `${base}/open-data`, changeFrequency: 'monthly', priority: 0.4 },
    { url: `${base}/stats`, changeFrequency: 'daily', priority: 0.5 },
    { url: `${base}/verify`, changeFrequency: 'yearly', priority: 0.2 },
    { url: `${base}/spot-checks`, changeFrequency: 'monthly', priority: 0.3 },
    ...spotChecks.map((id) => ({ url: `${base}/spot-checks/${id}`, changeFrequency: 'monthly' as const, priority: 0.2 })),
    { url: `${base}/objections`, changeFrequency: 'monthly', priority: 0.3 },
    { url: `${base}/complaints/new`, changeFrequency: 'monthly', priority: 0.3 },
    ...companies.map((c) => ({ url: `${base}/companies/${c.uscc}`, lastModified: c.updatedAt, changeFrequency: 'weekly' as const, priority: 0.6 })),
    ...projectIds.map((id) => ({ url: `${base}/projects/${id}`, changeFrequency: 'weekly' as const, priority: 0.5 })),
  ];
}
