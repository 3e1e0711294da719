import 'server-only';
/** Real-name entry of a practitioner (SN 4–8): who the ID number already belongs to, and the entry's rows. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { attachments, certificates, companies, employments, practitioners, projects, submissions } from '@/db/schema';
import type { PractitionerFields } from './practitioner-review';

/**
 * The one look-up of a person by the keyed hash of the ID number (entry, moves, objections): the caller checks
 * what it needs (name, mobile, status) and shows nothing but the mask.
 */
export async function findPersonByIdHash(db: Queryable, idNumberHash: string) {
  const [row] = await db
    .select({
      id: practitioners.id,
      name: practitioners.name,
      mobile: practitioners.mobile,
      status: practitioners.status,
      idNumberMasked: practitioners.idNumberMasked,
    })
    .from(practitioners)
    .where(eq(practitioners.idNumberHash, idNumberHash))
    .limit(1);
  return row ?? null;
}

/** Where a person of this ID hash stands: nobody sees the person's data from this, only the path to take. */
export async function findPractitionerStanding(db: Queryable, idNumberHash: string) {
  const [p] = await db
    .select({ id: practitioners.id, status: practitioners.status })
    .from(practitioners)
    .where(eq(practitioners.idNumberHash, idNumberHash))
    .limit(1);
  if (!p) return null;
  const open = await db
    .select({ status: employments.status, companyId: employments.companyId, companyName: companies.name })
    .from(employments)
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .where(and(eq(employments.practitionerId, p.id), inArray(employments.status, ['pending', 'current'])));
  return { ...p, open };
}

export async function getProjectForEntry(db: Queryable, projectId: string) {
  const [row] = await db
    .select({ id: projects.id, districtId: projects.districtId, currentCompanyId: projects.currentCompanyId, name: projects.name })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}

/** A new person: the SN 7 fields plus the protected forms of the ID number. */
export interface NewPractitioner extends PractitionerFields {
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
}

/** Null when the ID number was entered at the same moment by someone else (the unique hash decides). */
export async function insertPractitioner(tx: Queryable, p: NewPractitioner) {
  const [row] = await tx
    .insert(practitioners)
    .values({ ...p, status: 'pending' })
    .onConflictDoNothing({ target: practitioners.idNumberHash })
    .returning({ id: practitioners.id });
  return row?.id ?? null;
}

export async function insertCertificates(
  tx: Queryable,
  practitionerId: string,
  certs: { name: string; number: string; issuer: string; validUntil: string | null }[],
) {
  if (certs.length) await tx.insert(certificates).values(certs.map((c) => ({ ...c, practitionerId })));
}

export async function insertPhoto(tx: Queryable, a: { practitionerId: string; kind: 'photo' | 'thumb'; content: Buffer; sha256: string; uploadedBy: string }) {
  const [row] = await tx
    .insert(attachments)
    .values({
      ownerType: 'practitioner',
      ownerId: a.practitionerId,
      kind: a.kind,
      filename: a.kind === 'photo' ? '证件照.jpg' : '证件照-小.jpg',
      mime: 'image/jpeg',
      size: a.content.byteLength,
      sha256: a.sha256,
      content: a.content,
      uploadedBy: a.uploadedBy,
    })
    .returning({ id: attachments.id });
  return row!.id;
}

export async function setPractitionerPhoto(tx: Queryable, practitionerId: string, photoId: string) {
  await tx.update(practitioners).set({ photoId, updatedAt: sql`now()` }).where(eq(practitioners.id, practitionerId));
}

export async function insertPendingEmployment(
  tx: Queryable,
  e: { practitionerId: string; companyId: string; projectId: string; post: string; startDate: string },
) {
  const [row] = await tx
    .insert(employments)
    .values({ ...e, post: e.post as never, status: 'pending' })
    .returning({ id: employments.id });
  return row!.id;
}

export async function insertEntrySubmission(
  tx: Queryable,
  s: {
    companyId: string;
    districtId: string;
    projectId: string;
    practitionerId: string;
    payload: unknown;
    dueOn: string;
    /** The policy version the deadline was computed under (null: the built-in defaults). */
    policyVersion: number | null;
    priority: number;
    submittedBy: string;
  },
) {
  const [row] = await tx
    .insert(submissions)
    .values({
      type: 'practitioner_entry',
      status: 'submitted',
      companyId: s.companyId,
      districtId: s.districtId,
      projectId: s.projectId,
      subjectType: 'practitioner',
      subjectId: s.practitionerId,
      payload: s.payload as never,
      dueOn: s.dueOn,
      policyVersion: s.policyVersion,
      priority: s.priority,
      submittedBy: s.submittedBy,
      submittedAt: sql`now()`,
    })
    .returning({ id: submissions.id });
  return row!.id;
}
