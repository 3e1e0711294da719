import 'server-only';
/**
 * `/verify/[code]` (SPEC §5, §3.11): whether a printed notice or letter was issued by the platform. It shows only
 * what the `documents` row fixed at issue time for this purpose, plus, for a company credit record's notice,
 * the record's public facts (company, type, date) and whether the record still stands.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, creditRecords, documents } from '@/db/schema';
import { fullRecordContent } from './data-use';

export interface VerifiedDocument {
  code: string;
  kind: string;
  subjectType: string;
  summary: Record<string, unknown>;
  issuedAt: Date;
  validUntil: string | null;
  revokedAt: Date | null;
  /** For a company credit record's notice: the record as it stands now. */
  creditRecord: { companyName: string; uscc: string; category: string; type: string; occurredOn: string; status: string } | null;
  fullRecordChanged: boolean | null;
}

async function fullRecordHasChanged(db: Queryable, practitionerId: string, summary: unknown): Promise<boolean> {
  const s = (summary ?? {}) as { fingerprint?: string; issuedOn?: string };
  const now = await fullRecordContent(db, practitionerId, s.issuedOn ?? '2000-01-01');
  return !now || now.fingerprint !== s.fingerprint;
}

export async function findDocumentByCode(db: Queryable, code: string): Promise<VerifiedDocument | null> {
  const [d] = await db.select().from(documents).where(eq(documents.code, code)).limit(1);
  if (!d) return null;
  let creditRecord: VerifiedDocument['creditRecord'] = null;
  if (d.subjectType === 'credit_record') {
    const [r] = await db
      .select({
        companyName: companies.name,
        uscc: companies.uscc,
        category: creditRecords.category,
        type: creditRecords.type,
        occurredOn: creditRecords.occurredOn,
        status: creditRecords.status,
      })
      .from(creditRecords)
      .innerJoin(companies, eq(companies.id, creditRecords.companyId))
      .where(eq(creditRecords.id, d.subjectId))
      .limit(1);
    creditRecord = r ?? null;
  }
  // A printed full record (SN 20.1): still current when the record's fingerprint matches the one fixed at issue.
  const fullRecordChanged = d.kind === 'full_record' ? await fullRecordHasChanged(db, d.subjectId, d.summary) : null;
  return {
    fullRecordChanged,
    code: d.code,
    kind: d.kind,
    subjectType: d.subjectType,
    summary: (d.summary ?? {}) as Record<string, unknown>,
    issuedAt: d.issuedAt,
    validUntil: d.validUntil,
    revokedAt: d.revokedAt,
    creditRecord,
  };
}
