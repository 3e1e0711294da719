import 'server-only';
/**
 * The company home's to-do list (issue 18, item 4): what waits for the company itself — submissions returned for
 * correction, staff entries the review cannot take up for want of a photo, certificates expiring within 60 days
 * (or expired) of current staff, complaints to answer, transfers of its people to answer, open objections.
 * Non-renewal notices and disclosure boards come from listCompanyContracts (db/queries/contracts.ts).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { cases, certificates, employments, practitioners, projects, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { OPEN_CASE_STATUSES } from '@/lib/domain/objections';
import { countMoves } from './practitioner-moves';

export const CERTIFICATE_WARNING_DAYS = 60;
const SHOWN = 5;

export interface CompanyTodo {
  returned: { id: string; type: string; subjectType: string | null; subjectId: string | null; projectName: string | null; decidedAt: Date | null }[];
  returnedTotal: number;
  missingPhoto: { practitionerId: string; name: string; projectName: string | null }[];
  missingPhotoTotal: number;
  certificates: { practitionerId: string; name: string; certificate: string; validUntil: string }[];
  certificatesTotal: number;
  complaints: { open: number; dueSoon: number; overdue: number };
  transfersToAnswer: number;
  objectionsOpen: number;
}

/** The actor's company's to-do on `today`; null for anyone but a company operator. */
export async function getCompanyTodo(db: Queryable, actor: Actor, today: string): Promise<CompanyTodo | null> {
  if (actor.role !== 'company' || !actor.companyId) return null;
  const companyId = actor.companyId;
  const total = sql<number>`count(*) over ()`.mapWith(Number);
  const [returned, missingPhoto, certs, [complaints], [objections], transfersToAnswer] = await Promise.all([
    db
      .select({ id: submissions.id, type: submissions.type, subjectType: submissions.subjectType, subjectId: submissions.subjectId, projectName: projects.name, decidedAt: submissions.decidedAt, total })
      .from(submissions)
      .leftJoin(projects, eq(projects.id, submissions.projectId))
      .where(and(eq(submissions.companyId, companyId), eq(submissions.status, 'returned')))
      .orderBy(asc(submissions.decidedAt), asc(submissions.id))
      .limit(SHOWN),
    db
      .select({ practitionerId: practitioners.id, name: practitioners.name, projectName: projects.name, total })
      .from(submissions)
      .innerJoin(practitioners, eq(practitioners.id, submissions.subjectId))
      .leftJoin(projects, eq(projects.id, submissions.projectId))
      .where(
        and(
          eq(submissions.companyId, companyId),
          eq(submissions.type, 'practitioner_entry'),
          inArray(submissions.status, ['submitted', 'returned']),
          isNull(practitioners.photoId),
        ),
      )
      .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      .limit(SHOWN),
    db
      .select({ practitionerId: practitioners.id, name: practitioners.name, certificate: certificates.name, validUntil: sql<string>`${certificates.validUntil}::text`, total })
      .from(certificates)
      .innerJoin(practitioners, eq(practitioners.id, certificates.practitionerId))
      .innerJoin(employments, and(eq(employments.practitionerId, practitioners.id), eq(employments.status, 'current'), eq(employments.companyId, companyId)))
      .where(sql`${certificates.validUntil} is not null and ${certificates.validUntil} <= ${today}::date + ${CERTIFICATE_WARNING_DAYS}::int`)
      .orderBy(asc(certificates.validUntil), asc(certificates.id))
      .limit(SHOWN),
    db
      .select({
        open: sql<number>`count(*)::int`,
        dueSoon: sql<number>`count(*) filter (where ${cases.dueOn} >= ${today}::date and ${cases.dueOn} <= ${today}::date + 3)::int`,
        overdue: sql<number>`count(*) filter (where ${cases.dueOn} < ${today}::date)::int`,
      })
      .from(cases)
      .where(and(inArray(cases.kind, ['complaint', 'praise']), eq(cases.status, 'open'), eq(cases.companyId, companyId))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.kind, 'objection'), inArray(cases.status, [...OPEN_CASE_STATUSES]), eq(cases.companyId, companyId))),
    countMoves(db, actor, { view: 'incoming' }),
  ]);
  return {
    returned: returned.map(({ total: _t, ...r }) => r),
    returnedTotal: returned[0]?.total ?? 0,
    missingPhoto: missingPhoto.map(({ total: _t, ...r }) => r),
    missingPhotoTotal: missingPhoto[0]?.total ?? 0,
    certificates: certs.map(({ total: _t, ...r }) => r),
    certificatesTotal: certs[0]?.total ?? 0,
    complaints: { open: Number(complaints?.open ?? 0), dueSoon: Number(complaints?.dueSoon ?? 0), overdue: Number(complaints?.overdue ?? 0) },
    transfersToAnswer,
    objectionsOpen: Number(objections?.n ?? 0),
  };
}
