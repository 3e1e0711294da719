/**
 * The authorization matrix (issue 13): every endpoint × anonymous and every demo account × an object inside and
 * an object outside its scope → the expected answer. Denials change nothing: no table is written (PostgreSQL's
 * own per-transaction counters, pg_stat_xact_user_tables, count every insert, update and delete, so a denial that
 * writes and is rolled back in a savepoint is caught too) except the `access.out_of_scope` audit row where the
 * code writes one, and that row must be there.
 *
 * The list of endpoints comes from the code (helpers/endpoints.ts: every export of a 'use server' module and
 * every HTTP method of an app route). An endpoint without a row, or a row naming an endpoint that no longer
 * exists, fails the first test. Pages are rendered rather than called and are not in that list; pages that check on
 * their own get rows too (`app/x/page.tsx#default`, via page(): the page function is called as Next.js calls it).
 *
 * Every call runs inside a transaction that is rolled back afterwards, so allowed calls may succeed without
 * changing what the next call sees; one seeded database per driver serves the whole file.
 *
 * ── Adding a row ──────────────────────────────────────────────────────────────────────────────────────────
 *   {
 *     endpoints: ['app/bureau/x/actions.ts#doXAction'],  // one or more endpoints answered by the same code
 *     via: svc(doX),                // the service the thin action forwards to (db, actor, input[, opts]) —
 *                                   //   the first test checks that each action's body calls it; or
 *                                   //   handler(GET, params) / direct(fn) for route handlers and actions
 *                                   //   that carry their own check; page(name, Page) for a page
 *     allow: ['city', 'chuanshan'], // accounts that pass the role check ('anyone': public)
 *     input: { a: (f) => ({ id: f.thingA }), b: (f) => ({ id: f.thingB }) },
 *                                   // a: an object of company / 船山区 (see `f` fixtures below)
 *                                   // b: an object of company2 / outside 船山区; or { none: … } when the
 *                                   //   endpoint has no object (the caller's own account, a city setting)
 *     scope: { a: [...], b: [...] },// which allowed accounts have a / b in scope (default A_SCOPE / B_SCOPE)
 *     audit: 'in-role',             // a NOT_FOUND for an allowed account writes access.out_of_scope
 *     except: { 'company2/a': 'INVALID' },  // documented deviations from the defaults
 *     variant: 'approve',           // a further row for an endpoint that has one (a branch with its own check)
 *   }
 * The expected answer of each cell is derived: anonymous → UNAUTHENTICATED; an account not in `allow` →
 * FORBIDDEN (`wrongRole` overrides); an allowed account with the object in scope → PASS (the call got past
 * authorization: OK, or a business answer INVALID / CONFLICT; `ok: 'OK'` demands success); out of scope →
 * NOT_FOUND (`outOfScope` overrides). `except` names single cells as `<account>/<a|b|->`.
 */
import { sql } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const mocked = vi.hoisted(() => {
  // The platform's "today" for route handlers and for services called without one (lib/clock.ts reads it).
  process.env.APP_TODAY = '2026-11-20';
  return { sid: null as string | null, headers: new Headers() };
});

// Only Next.js's and next-auth's request plumbing is replaced: the session cookie becomes `mocked.sid`, the
// request headers `mocked.headers`; getActor() and everything below it run as in production.
// (next-auth's own modules cannot load outside Next.js: they import `next/server` without an extension.)
vi.mock('next-auth', () => {
  const notHere = async () => new Response('not exercised here', { status: 404 });
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {}
  return {
    AuthError,
    CredentialsSignin,
    default: () => ({
      handlers: { GET: notHere, POST: notHere },
      auth: async () => (mocked.sid ? { sid: mocked.sid, expires: '2099-01-01T00:00:00.000Z' } : null),
      signIn: async () => undefined,
      signOut: async () => undefined,
    }),
  };
});
vi.mock('next-auth/providers/credentials', () => ({ default: (config: unknown) => config }));
vi.mock('next/headers', () => ({
  headers: async () => mocked.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  unstable_cache: <F,>(fn: F) => fn,
}));

import type { Db } from '@/db';
import type { DbHandle } from '@/db/client';
import { setDbHandleForTests } from '@/db';
import { BAD_RECORD_TYPES } from '@/db/seed';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/policy';
import { COMPANY_GOOD_RECORD_TYPES } from '@/lib/domain/records';
import { usccCheckChar } from '@/lib/domain/uscc';
import { idCheckChar } from '@/lib/domain/id-number';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { createCompanyAccount, unlockAccount } from '@/lib/services/accounts';
import { saveBoard } from '@/lib/services/boards';
import { decideFiling, saveFiling, withdrawFiling } from '@/lib/services/company-filing';
import { decideContract, fileNonRenewalNotice, recordEarlyExit, registerContract } from '@/lib/services/contracts';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import {
  confirmCreditRecord,
  previewRecordConfirmation,
  enterPerformanceRecord,
  enterWarningRecord,
  filePerformanceRecord,
  publishPenalty,
  rejectCreditRecord,
  reportWarning,
  setRecordStatement,
} from '@/lib/services/credit-records';
import { applyForRepair, decideRepair } from '@/lib/services/credit-repair';
import { answerComplaint, decideComplaint, fileComplaint } from '@/lib/services/complaints';
import {
  answerRectificationOrder,
  decideRectificationOrder,
  escalateRectificationOrder,
  issueRectificationOrder,
  recordRectificationInterview,
  recordRosterVerification,
} from '@/lib/services/supervision';
import { publishEvaluation, runEvaluation } from '@/lib/services/evaluations';
import { fileObjection, handleObjection } from '@/lib/services/objections';
import { addPractitionerPhoto, resubmitEntry } from '@/lib/services/practitioner-correction';
import { submitEntry } from '@/lib/services/practitioner-entry';
import {
  answerTransfer,
  overrideTransfer,
  requestExit,
  requestPostChange,
  requestReEntry,
  requestTransfer,
  submitTransferUpdate,
  withdrawMove,
} from '@/lib/services/practitioner-moves';
import { decideRecord, enterBadRecord, fileAssociationCommendation, fileBadReport, fileGoodRecord } from '@/lib/services/practitioner-records';
import { decidePractitionerSubmission, viewFullIdNumber } from '@/lib/services/practitioner-review';
import { publishQuarter, recordRectificationInspection, saveQuarterRatings } from '@/lib/services/ratings';
import {
  fileCompanyRecordObjection,
  fileOwnRecordObjection,
  filePublicRecordObjection,
  handleRecordObjection,
} from '@/lib/services/record-objections';
import { previewHolidayCalendar, saveHolidayCalendar } from '@/lib/services/holiday-calendar';
import { fileRecordStatement } from '@/lib/services/record-statements';
import { recordVeto } from '@/lib/services/veto';
import { VETO_TYPES } from '@/lib/domain/credit-rating';
import { changePassword } from '@/app/account/password/actions';
import { markInboxRead, setOwnEmail } from '@/lib/services/inbox';
import InboxPage from '@/app/inbox/page';
import AccountPage from '@/app/account/page';
import { logout } from '@/lib/actions/session';
import { GET as staffPhotoGET } from '@/app/(public)/projects/[id]/staff/[practitionerId]/photo/route';
import { GET as badgePhotoGET } from '@/app/(public)/verify/[code]/photo/route';
import BadgeSheetPage from '@/app/company/badges/[projectId]/page';
import CompanyCreditReportPage from '@/app/company/credit/report/[code]/page';
import BureauCreditReportPage from '@/app/bureau/credit/report/[code]/page';
import { issueEstateBadges, reissueBadge } from '@/lib/services/badges';
import { issueBureauCreditReport, issueOwnCreditReport } from '@/lib/services/credit-reports';
import { GET as companyApiGET } from '@/app/api/v1/companies/[uscc]/route';
import { GET as listApiGET } from '@/app/api/v1/lists/[list]/route';
import { GET as statsApiGET } from '@/app/api/v1/stats/route';
import { GET as attachmentGET } from '@/app/attachments/[id]/route';
import { GET as auditCheckpointGET } from '@/app/bureau/audit/checkpoint/route';
import CalendarPage from '@/app/bureau/calendar/page';
import OutboxPage from '@/app/bureau/outbox/page';
import PublishEvaluationPage from '@/app/bureau/evaluations/[year]/publish/page';
import PublishQuarterPage from '@/app/bureau/ratings/publish/page';
import CompanyPersonPage from '@/app/company/staff/[practitionerId]/page';
import BureauOrderPage from '@/app/bureau/rectifications/[id]/page';
import CompanyOrderPage from '@/app/company/rectifications/[id]/page';
import RosterCheckPage from '@/app/bureau/roster-checks/[projectId]/page';
import CompanyComplaintPage from '@/app/company/complaints/[id]/page';
import BureauComplaintPage from '@/app/bureau/complaints/[id]/page';
import DepartmentCreditRecordPage from '@/app/department/credit/[id]/page';
import { submitDepartmentCredit } from '@/lib/services/department-credit';
import { GET as bureauRosterGET } from '@/app/bureau/roster/[projectId]/roster.xlsx/route';
import { GET as templateGET } from '@/app/company/staff/import/template.xlsx/route';
import { POST as uploadPOST } from '@/app/company/staff/import/upload/route';
import { GET as companyRosterGET } from '@/app/company/staff/roster.xlsx/route';
import { GET as feedGET } from '@/app/feeds/lists.xml/route';
// Issue 16 items 4 and 7 (feeds helper): the estate and company feeds, the open-data tables.
import { GET as companyFeedGET } from '@/app/feeds/companies/[file]/route';
import { GET as projectFeedGET } from '@/app/feeds/projects/[file]/route';
import { GET as companiesApiGET } from '@/app/api/v1/companies/route';
import { GET as estatesApiGET } from '@/app/api/v1/estates/route';
import { GET as ratingsApiGET } from '@/app/api/v1/ratings/route';
// ── Audit log and list exports (issue 18 items 5–6) ──
import { GET as auditExportGET } from '@/app/bureau/audit/export.xlsx/route';
import { GET as filingsExportGET } from '@/app/bureau/filings/export.xlsx/route';
import { GET as staffExportGET } from '@/app/bureau/staff/export.xlsx/route';
import { GET as contractsExportGET } from '@/app/bureau/contracts/export.xlsx/route';
import { GET as objectionsExportGET } from '@/app/bureau/objections/export.xlsx/route';
import { GET as projectsExportGET } from '@/app/bureau/projects/export.xlsx/route';
import { GET as rosterExportGET } from '@/app/bureau/roster/export.xlsx/route';
import { GET as recordsExportGET } from '@/app/bureau/records/export.xlsx/route';
import { GET as complaintsExportGET } from '@/app/bureau/complaints/export.xlsx/route';
import { GET as outboxExportGET } from '@/app/bureau/outbox/export.xlsx/route';
import { GET as creditExportGET } from '@/app/bureau/credit/export.xlsx/route';
import { GET as evaluationsExportGET } from '@/app/bureau/evaluations/export.xlsx/route';
import { GET as transfersExportGET } from '@/app/bureau/transfers/export.xlsx/route';
import { GET as accountsExportGET } from '@/app/bureau/accounts/export.xlsx/route';
import { GET as rectificationsExportGET } from '@/app/bureau/rectifications/export.xlsx/route';
import { GET as rosterChecksExportGET } from '@/app/bureau/roster-checks/export.xlsx/route';
// ── end audit log and list exports ──
// ── first day of a real city (issue 18 item 1) ──
import { GET as regionsTemplateGET } from '@/app/bureau/setup/regions-template.xlsx/route';
import { GET as estatesTemplateGET } from '@/app/bureau/setup/estates-template.xlsx/route';
import { importEstates, importRegions } from '@/lib/services/city-setup';
import { changeAccountScope, createRoleAccount, deactivateAccount, reactivateAccount, resetAccountPassword } from '@/lib/services/role-accounts';
import { createEstate, decideEstateProposal, editEstate, proposeEstate } from '@/lib/services/estates';
import SetupPage from '@/app/bureau/setup/page';
import BureauAccountPage from '@/app/bureau/accounts/[id]/page';
import EstatesPage from '@/app/bureau/estates/page';
import EstateEditPage from '@/app/bureau/estates/[id]/page';
// ── end first day of a real city ──
// ── Data-use requests (issue 17 item 1) ──
import { answerDataConsent, decideDataRequest, fileDataRequest, fileOwnFullRecordRequest, issueOwnFullRecord } from '@/lib/services/data-use';
import CommitteeGrantPersonPage from '@/app/committee/requests/[id]/people/[practitionerId]/page';
import CommitteeRequestPage from '@/app/committee/requests/[id]/page';
import BureauDataRequestPage from '@/app/bureau/data-requests/[id]/page';
// ── end data-use requests ──
// ── 双随机 spot checks (issue 17 items 6, 8) ──
import { drawSpotCheck, enterSpotCheckResult, publishSpotCheck, rerunPastedDraw, saveInspector } from '@/lib/services/spot-checks';
import { GET as spotCheckInputsGET } from '@/app/(public)/spot-checks/[id]/inputs.json/route';
import SpotCheckPage from '@/app/bureau/spot-checks/[id]/page';
// ── end spot checks ──
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';
import { exportedFunctionBody, filesWithInlineServerActions, listEndpoints } from './helpers/endpoints';
import { verifiedBySms } from './helpers/otp';

const TODAY = '2026-11-20';
/** The moment of the anonymous forms: the proof of identity (the SMS code) is from then and lives 30 minutes. */
const AT = new Date('2026-11-20T02:00:00.000Z');
const CHUANSHAN = '510903';
const SHEHONG = '510981';
const ANJU = '510904';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const NEW_USCC = '91510903MA6TE0T01' + usccCheckChar('91510903MA6TE0T01');

/** The demo accounts of the README, and anonymous. */
const ACCOUNTS = ['city', 'chuanshan', 'shehong', 'company', 'company2', 'association', 'committee', 'department', 'street'] as const;
type Account = (typeof ACCOUNTS)[number];
type Who = Account | 'anonymous';
const WHO: readonly Who[] = ['anonymous', ...ACCOUNTS];

const BUREAUS = ['city', 'chuanshan', 'shehong'] as const satisfies readonly Account[];
const COMPANIES = ['company', 'company2'] as const satisfies readonly Account[];
/** Object a: of `company`, in 船山区 (the committee's and the street's estate where it matters). */
const A_SCOPE: readonly Account[] = ['city', 'chuanshan', 'company'];
/** Object b: of `company2`, in 安居区 (or elsewhere outside 船山区 and 射洪市). */
const B_SCOPE: readonly Account[] = ['city', 'company2'];
/**
 * Both demo companies are registered in 船山区, and a district oversees the credit records of the companies
 * registered in it as well as of the estates in it: 船山区 has company2's records in scope wherever the estate is.
 */
const B_CREDIT_SCOPE: readonly Account[] = ['city', 'chuanshan', 'company2'];

type Code = 'OK' | 'PASS' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'CONFLICT' | 'LOCKED';
type Obj = 'a' | 'b' | '-';
const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const PASSING = new Set(['OK', 'INVALID', 'CONFLICT', 'LOCKED']);

// ---------------------------------------------------------------------------------------------------------
// How an endpoint is exercised

interface Call {
  db: Db;
  actor: Actor | null;
  who: Who;
  f: Fx;
}
interface Via {
  /** What the row exercises, for the report and the wiring check. */
  kind: 'service' | 'handler' | 'direct' | 'page';
  name: string;
  run: (c: Call, input: unknown) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = (db: Db, actor: Actor | null, input: any, opts?: any) => Promise<ActionResult<any>>;
/** A service `(db, actor, input, opts)`; `opts` pins today (services without options ignore it). */
const svc = (fn: Service, opts: Record<string, unknown> = { today: TODAY }): Via => ({
  kind: 'service',
  name: fn.name,
  run: (c, input) => fn(c.db, c.actor, input, opts),
});
/** A route handler, called with a Request as Next.js would; the session is the account's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const handler = (name: string, fn: (req: Request, ctx: { params: Promise<any> }) => Promise<Response>): Via => ({
  kind: 'handler',
  name,
  run: (_c, input) => {
    const i = input as { url: string; params?: Record<string, string>; init?: RequestInit };
    return fn(new Request(new URL(i.url, 'http://localhost'), i.init), { params: Promise.resolve(i.params ?? {}) });
  },
});
/**
 * A page (app/**\/page.tsx), called as Next.js calls it: its own checks and data loading run, the elements it
 * returns are not rendered. Returning at all is OK; notFound() is NOT_FOUND, the sign-in redirect UNAUTHENTICATED.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const page = (name: string, fn: (props: { params: Promise<any>; searchParams: Promise<any> }) => Promise<unknown>): Via => ({
  kind: 'page',
  name,
  run: async (_c, input) => {
    const i = (input ?? {}) as { params?: Record<string, string>; searchParams?: Record<string, string> };
    await fn({ params: Promise.resolve(i.params ?? {}), searchParams: Promise.resolve(i.searchParams ?? {}) });
    return 'OK';
  },
});
/** The exported action itself (for the few that do their own check instead of forwarding to a service). */
const direct = (name: string, fn: (input: unknown) => Promise<unknown>): Via => ({ kind: 'direct', name, run: (_c, input) => fn(input) });

function codeOf(x: unknown): string {
  if (x instanceof Response) {
    const byStatus: Record<number, string> = { 200: 'OK', 304: 'OK', 400: 'INVALID', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'INVALID' };
    return byStatus[x.status] ?? `HTTP ${x.status}`;
  }
  if (x && typeof x === 'object' && 'ok' in x) {
    const r = x as ActionResult<unknown>;
    return r.ok ? 'OK' : r.code;
  }
  if (typeof x === 'string') return x;
  return `unexpected ${JSON.stringify(x)?.slice(0, 80)}`;
}

/**
 * next/navigation's redirect() and notFound() throw; sign-in redirects mean "not signed in", any other redirect
 * is success, notFound() is a 404.
 */
function redirectCode(e: unknown): string | null {
  const digest = (e as { digest?: unknown })?.digest;
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'NOT_FOUND';
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT')) return null;
  const to = digest.split(';')[2] ?? '';
  return to.startsWith('/login') ? 'UNAUTHENTICATED' : 'OK';
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures: objects of the demo city, found (or made) once per driver

interface Person {
  id: string;
  name: string;
  idNumber: string;
  projectId: string;
}
interface Fx {
  companyId: string;
  company2Id: string;
  companyUscc: string;
  company2Uscc: string;
  /** The operator account of `company` (a sign-in lock to lift). */
  companyUserId: string;
  /** 天宫花园: company's estate in 船山区, the committee's, in the street account's street. */
  estateA: string;
  /** An estate of company2 in 安居区. */
  estateB: string;
  /** Current staff with no open submission: a* of company in 船山区, b* of company2 in 安居区. */
  personA: Person;
  personB: Person;
  /** Entries waiting for the district (practitioner_entry, submitted). */
  entryA: { id: string; version: number };
  entryB: { id: string; version: number };
  /** Credit records: reported and waiting (A: 船山区, B: 遂宁 other district); approved (A: company, B: company2). */
  creditPendingA: { id: string; version: number };
  creditPendingB: { id: string; version: number };
  creditApprovedA: { id: string; version: number };
  creditApprovedB: { id: string; version: number };
  /** A credit-repair application waiting in 船山区. */
  repairA: { id: string; version: number };
  /** Staff records reported and waiting: A of company in 船山区, B in another district. */
  recordPendingA: { id: string; version: number };
  recordPendingB: { id: string; version: number };
  /** Black-list entries under rectification. */
  rectifyingA: string | null;
  rectifyingB: string | null;
  /** A first filing of another company, waiting for the city. */
  filingPending: { id: string; version: number };
  /** Service contracts: registered and pending (A company/船山区, B company2/安居区), and confirmed ones. */
  contractPendingA: { id: string; version: number };
  contractPendingB: { id: string; version: number };
  contractConfirmedA: { id: string; version: number };
  contractConfirmedB: { id: string; version: number };
  boardVersionA: number;
  boardVersionB: number;
  /** Objection cases about a person's data (company/船山区; company2/安居区) and about records. */
  caseA: string;
  caseB: string;
  recordCaseA: string;
  recordCaseB: string;
  /** Exit requests (company's person A2; company2's person B2) and a transfer of company's person A3 to company2. */
  exitA: { id: string; version: number };
  exitB: { id: string; version: number };
  transfer: { id: string; version: number };
  /** Attachments (evidence of the approved credit records A and B). */
  attachmentA: string;
  attachmentB: string;
  /** A staff record of company with a notice code, the person's name and ID number. */
  notice: { code: string; name: string; idNumber: string; recordId: string };
  /**
   * The notice person's proof of identity, got through the SMS code at AT (helpers/otp.ts), and a forged one (a
   * proof naming person B that carries the notice person's MAC); an approved staff record of someone else.
   */
  identity: { token: string; forged: string };
  otherRecordId: string;
  /** Objections about the mobile of person A (company, 船山区) and B (company2, 安居区), each with the company's proposed correction waiting for the district. */
  proposalA: { id: string; version: number };
  proposalB: { id: string; version: number };
  /** Owners' complaints about the serving company: A on estate A (company, 船山区), B on estate B (company2, 安居区); open. */
  complaintA: { id: string; version: number };
  complaintB: { id: string; version: number };
  /**
   * Rectification orders (SN 24): answered, waiting for the district (A: company, 船山区; B: company2, 安居区); overdue
   * and open (A: the demo city's, company, 船山区; B: company2, 安居区, due before TODAY).
   */
  orderAnsweredA: { id: string; version: number };
  orderAnsweredB: { id: string; version: number };
  orderOverdueA: { id: string; version: number };
  orderOverdueB: { id: string; version: number };
  /** Staff badges: of person A (valid), and of person B reissued since (the first code, void). */
  badge: { valid: string; void: string };
  /** Inbox items (issue 18): A addressed to company, B to company2. */
  inboxA: string;
  inboxB: string;
  /** Company credit reports: company's own (A, 船山区) and company2's (B, 安居区). */
  creditReport: { a: string; b: string };
  /**
   * Data-use requests (issue 17 item 1): committee requests waiting for consent (A about company, B about company2);
   * company requests waiting for the district (A 船山区, B 安居区); approved grants (A the committee's covering
   * person A, B the department's covering person B).
   */
  dataUse: {
    consentA: { id: string; version: number };
    consentB: { id: string; version: number };
    decideA: { id: string; version: number };
    decideB: { id: string; version: number };
    grantA: string;
    grantB: string;
    /** The notice person's own full-record request, approved (SN 20.1). */
    ownGrant: string;
  };
  /** 双随机: an unpublished draw of 2026Q4 with an item A in 船山区 and a draw with an item B in 安居区; the demo's published draw. */
  spotCheck: { drawId: string; version: number; drawB: string; published: string; itemA: SpotItem; itemB: SpotItem };
}
type SpotItem = { id: string; version: number; inspectorIds: string[] };

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)), filename: `${tag}.pdf` });
const keys = () => keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);

const boardData = {
  managerName: '张三',
  managerPhone: '13812345678',
  complaintPhone: '0825-2345678',
  serviceContent: '公共区域秩序维护、保洁、绿化养护',
  serviceStandard: '《四川省住宅物业服务等级规范》二级',
  fees: [{ item: '物业服务费', standard: '1.20元/㎡·月' }],
  elevatorMaintenance: { unit: '遂宁市某电梯工程有限公司', contact: '0825-3456789' },
  fireMaintenance: { unit: '遂宁市某消防技术服务有限公司', contact: '0825-4567890' },
  parking: '共有车位300个',
  sharedUtilities: '公共区域水电费按月据实分摊',
  commonRevenue: { income: '公共收益收入5万元', spending: '支出3万元' },
  maintenanceFund: '本年未使用专项维修资金',
  elevatorSpending: '电梯维保支出2万元',
};
const entryData = (projectId: string) => ({
  name: '李四',
  idNumber: '51090319880808123' + idCheckChar('51090319880808123'),
  ethnicity: '汉族',
  nativePlace: '四川遂宁',
  politicalStatus: '群众',
  mobile: '13800001111',
  education: '大专',
  certificates: [],
  hiredOn: '2026-11-09',
  labourContractOn: '2026-11-09',
  projectId,
  post: '安保人员',
  informed: true,
});
const receiveUpdate = { politicalStatus: '群众', mobile: '13900002222', school: '', major: '', education: '大专', skills: '', certificates: [] };
const staffRecordEvidence = { evidence: [pdf('evidence')] };

// ---------------------------------------------------------------------------------------------------------
// The matrix

interface Row {
  endpoints: string[];
  /**
   * A further row for endpoints that already have one, for a branch of the same code with its own check (e.g.
   * the district's approval of a company's proposal): named in the test's title; the inventory counts the
   * endpoint's main row only.
   */
  variant?: string;
  via: Via;
  allow: readonly Account[] | 'anyone';
  input: { a: (f: Fx) => unknown; b?: (f: Fx) => unknown } | { none: (f: Fx) => unknown };
  scope?: { a: readonly Account[]; b?: readonly Account[] };
  anon?: Code;
  wrongRole?: Code;
  outOfScope?: Code;
  ok?: Code;
  /** Which NOT_FOUND answers write an access.out_of_scope audit row: those of allowed accounts, or of any account. */
  audit?: 'in-role' | 'all';
  except?: Partial<Record<`${Who}/${Obj}`, Code>>;
  /** Tables a denial may write besides the audit log (throttle counters of anonymous forms). */
  mayWrite?: string[];
  note?: string;
}

const bureauRecordEntry = (companyId: string, projectId: string) => ({
  companyId,
  projectId,
  type: '消防通道堵塞未及时整改',
  occurredOn: '2026-11-02',
  issuer: '遂宁市住建局',
  description: '巡查发现3号楼消防通道被电动车和杂物堵塞，复查仍未整改',
  severity: '一般',
  points: '3',
  isPenalty: 'false',
  decisionOn: '',
  publishNow: 'false',
});
const badReport = (practitionerId: string) => ({
  data: { practitionerId, type: BAD_RECORD_TYPES[0], description: '与业主发生肢体冲突，造成恶劣影响，有现场视频为证', occurredOn: '2026-11-02', receivedOn: '2026-11-03' },
  ...staffRecordEvidence,
});

const ROWS: Row[] = [
  // ── Anonymous forms (public by design; the service ignores who is signed in) ────────────────────────────
  {
    endpoints: ['app/(public)/objections/actions.ts#fileObjectionAction'],
    via: svc(fileObjection, { keys: keys(), at: AT }),
    allow: 'anyone',
    input: {
      a: (f) => ({ data: { token: f.identity.token, field: 'education', claimed: '本科', statement: '' }, evidence: [] }),
      b: (f) => ({ data: { token: f.identity.forged, field: 'education', claimed: '本科', statement: '' }, evidence: [] }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'INVALID'])) as Row['except'],
    note:
      'the person about their own data, with the proof of identity from the SMS code (steps 1 and 2 of the form: ' +
      'tests/integration/anonymous-edge.test.ts); a forged proof answers INVALID like an expired one, whoever is signed in',
  },
  {
    endpoints: ['app/(public)/objections/actions.ts#filePublicRecordObjectionAction'],
    via: svc(filePublicRecordObjection),
    allow: 'anyone',
    input: {
      a: (f) => ({ data: { subject: 'credit_record', recordId: f.creditApprovedA.id, name: '王五', phone: '13800002222', reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
      b: () => ({ data: { subject: 'credit_record', recordId: NOBODY, name: '王五', phone: '13800002222', reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
    },
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    mayWrite: ['throttle_hits'],
    note: 'anyone, about a published record; an unpublished or unknown record answers NOT_FOUND (after the per-client limit counted the try)',
  },
  {
    endpoints: ['app/(public)/objections/actions.ts#fileOwnRecordByNoticeAction'],
    via: { kind: 'service', name: 'fileOwnRecordObjection', run: (c, input) => fileOwnRecordObjection(c.db, c.actor, input as never, { keys: keys() }) },
    allow: 'anyone',
    input: {
      a: (f) => ({ by: 'notice', data: { noticeCode: f.notice.code, name: f.notice.name, idNumber: f.notice.idNumber, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
      b: (f) => ({ by: 'notice', data: { noticeCode: f.notice.code, name: f.notice.name, idNumber: f.personB.idNumber, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
    },
  },
  {
    endpoints: ['app/(public)/objections/actions.ts#ownRecordLookupAction'],
    via: { kind: 'service', name: 'fileOwnRecordObjection', run: (c, input) => fileOwnRecordObjection(c.db, c.actor, input as never, { keys: keys(), at: AT }) },
    allow: 'anyone',
    input: {
      a: (f) => ({ by: 'token', data: { token: f.identity.token, recordId: f.notice.recordId, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
      b: (f) => ({ by: 'token', data: { token: f.identity.token, recordId: f.otherRecordId, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    mayWrite: ['throttle_hits'],
    note:
      'step=file, by the proof of identity from the SMS code (steps 1 and 2: tests/integration/anonymous-edge.test.ts): ' +
      'the person’s own record; someone else’s record looks exactly like a missing one',
  },
  {
    endpoints: ['app/(public)/statements/actions.ts#fileStatementAction'],
    via: svc(fileRecordStatement, { keys: keys() }),
    allow: 'anyone',
    input: {
      a: (f) => ({ noticeCode: f.notice.code, name: f.notice.name, idNumber: f.notice.idNumber, statement: '本人对该记录的说明' }),
      b: (f) => ({ noticeCode: f.notice.code, name: f.notice.name, idNumber: f.personB.idNumber, statement: '本人对该记录的说明' }),
    },
  },

  // ── Every signed-in account, on its own account ───────────────────────────────────────────────────────
  {
    endpoints: ['app/account/password/actions.ts#changePassword'],
    via: direct('changePassword', (input) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(input as Record<string, string>)) fd.set(k, v);
      return changePassword({}, fd).then((s) => (s.fieldErrors ? 'INVALID' : 'OK'));
    }),
    allow: ACCOUNTS,
    input: { none: () => ({ current: 'not-the-password', next: 'Another-Long-Passw0rd!', confirm: 'Another-Long-Passw0rd!' }) },
    note: 'no object: it changes the caller’s own password; anonymous is sent to sign in',
  },
  // ── Inbox and account e-mail (issue 18 item 3) ──────────────────────────────────────────────────────────
  {
    endpoints: ['app/inbox/actions.ts#markInboxReadAction'],
    via: svc(markInboxRead, { now: AT }),
    allow: ACCOUNTS,
    input: { a: (f) => ({ id: f.inboxA }), b: (f) => ({ id: f.inboxB }) },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
    note: 'an item of the account’s own inbox (its company’s here); anyone else’s looks exactly like a missing one',
  },
  {
    endpoints: ['app/account/actions.ts#setOwnEmailAction'],
    via: svc(setOwnEmail),
    allow: ACCOUNTS,
    input: { none: () => ({ email: 'ops@example.gov.cn' }) },
    ok: 'OK',
    note: 'no object: the caller’s own e-mail address for inbox mail',
  },
  {
    endpoints: ['app/inbox/page.tsx#default'],
    via: page('/inbox', InboxPage),
    allow: ACCOUNTS,
    input: { none: () => ({ searchParams: { page: '1' } }) },
    ok: 'OK',
    note: 'every signed-in account reads its own inbox (what it holds: tests/integration/inbox.test.ts)',
  },
  {
    endpoints: ['app/account/page.tsx#default'],
    via: page('/account', AccountPage),
    allow: ACCOUNTS,
    input: { none: () => ({}) },
    ok: 'OK',
    note: 'the caller’s own account settings',
  },
  {
    endpoints: ['lib/actions/session.ts#logout'],
    via: direct('logout', () => logout().then(() => 'OK')),
    allow: 'anyone',
    input: { none: () => null },
    note: 'ends the caller’s own session; anonymous changes nothing',
  },

  // ── City only ─────────────────────────────────────────────────────────────────────────────────────────
  {
    endpoints: ['app/bureau/accounts/actions.ts#createCompanyAccountAction'],
    via: svc(createCompanyAccount),
    allow: ['city'],
    input: { none: () => ({ uscc: NEW_USCC, companyName: '遂宁市测试物业服务有限公司', districtId: CHUANSHAN, username: 'matrix-op', displayName: '测试' }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/bureau/accounts/actions.ts#unlockAccountAction'],
    via: svc(unlockAccount),
    allow: ['city'],
    input: { none: (f) => ({ userId: f.companyUserId }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the city lifts a sign-in lock on any account; another role gets NOT_FOUND and an out-of-scope audit row',
  },
  // ── First day of a real city (issue 18 item 1): regions, estates, accounts of every role — city only ────
  {
    endpoints: ['app/bureau/setup/actions.ts#importRegionsAction'],
    via: svc(importRegions),
    allow: ['city'],
    input: { none: () => ({ rowsJson: JSON.stringify([{ row: 2, code: '510903901', name: '矩阵街道', level: '街道乡镇', parent: CHUANSHAN }]), confirm: true }) },
    ok: 'OK',
    note: 'the confirmation of a checked file writes the rows in one transaction; another role is refused before the file is read',
  },
  {
    endpoints: ['app/bureau/setup/actions.ts#importEstatesAction'],
    via: svc(importEstates),
    allow: ['city'],
    input: {
      none: () => ({
        rowsJson: JSON.stringify([{ row: 2, name: '矩阵花园', address: '船山区矩阵路 1 号', district: CHUANSHAN, street: '', community: '', type: '住宅', households: '100', floorArea: '9000', hasOwnersCommittee: '否' }]),
        confirm: true,
      }),
    },
    ok: 'OK',
  },
  ...(
    [
      ['regions-template.xlsx', regionsTemplateGET],
      ['estates-template.xlsx', estatesTemplateGET],
    ] as const
  ).map(
    ([file, get]): Row => ({
      endpoints: [`app/bureau/setup/${file}/route.ts#GET`],
      via: handler(`GET /bureau/setup/${file}`, get),
      allow: ['city'],
      input: { none: () => ({ url: `/bureau/setup/${file}` }) },
      anon: 'NOT_FOUND',
      wrongRole: 'NOT_FOUND',
      ok: 'OK',
    }),
  ),
  {
    endpoints: ['app/bureau/accounts/actions.ts#createRoleAccountAction'],
    via: svc(createRoleAccount),
    allow: ['city'],
    input: { none: () => ({ role: 'district', username: 'matrix-district', displayName: '测试', districtId: SHEHONG }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/bureau/accounts/actions.ts#deactivateAccountAction'],
    via: svc(deactivateAccount),
    allow: ['city'],
    input: { none: (f) => ({ userId: f.companyUserId }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/bureau/accounts/actions.ts#reactivateAccountAction'],
    via: svc(reactivateAccount),
    allow: ['city'],
    input: { none: (f) => ({ userId: f.companyUserId }) },
    note: 'the account is active: the city gets CONFLICT (past authorization); tests/integration/first-day.test.ts reactivates',
  },
  {
    endpoints: ['app/bureau/accounts/actions.ts#resetAccountPasswordAction'],
    via: svc(resetAccountPassword),
    allow: ['city'],
    input: { none: (f) => ({ userId: f.companyUserId }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/bureau/accounts/actions.ts#changeAccountScopeAction'],
    via: svc(changeAccountScope),
    allow: ['city'],
    input: { none: (f) => ({ userId: f.companyUserId, districtId: SHEHONG }) },
    note: 'a company operator has no scope to change: the city gets INVALID (past authorization); tests/integration/first-day.test.ts changes scopes',
  },
  {
    endpoints: ['app/bureau/estates/actions.ts#createEstateAction'],
    via: svc(createEstate),
    allow: ['city'],
    input: { none: () => ({ ...{ name: '矩阵花园', address: '矩阵路 1 号', streetId: '', communityId: '', type: '住宅', households: '100', floorArea: '9000', hasOwnersCommittee: 'false' }, districtId: CHUANSHAN }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/bureau/estates/actions.ts#proposeEstateAction'],
    via: svc(proposeEstate),
    allow: ['chuanshan', 'shehong'],
    input: { none: () => ({ ...{ name: '矩阵花园', address: '矩阵路 1 号', streetId: '', communityId: '', type: '住宅', households: '100', floorArea: '9000', hasOwnersCommittee: 'false' }, districtId: ANJU }) },
    ok: 'OK',
    note: 'a district proposes in its own district (the district sent is ignored); the city creates directly instead',
  },
  {
    endpoints: ['app/bureau/estates/actions.ts#editEstateAction'],
    via: svc(editEstate),
    allow: ['city', 'chuanshan', 'shehong'],
    input: {
      a: (f) => ({ ...{ name: '矩阵花园', address: '矩阵路 1 号', streetId: '', communityId: '', type: '住宅', households: '100', floorArea: '9000', hasOwnersCommittee: 'false' }, id: f.estateA, version: '1', districtId: CHUANSHAN }),
      b: (f) => ({ ...{ name: '矩阵花园', address: '矩阵路 1 号', streetId: '', communityId: '', type: '住宅', households: '100', floorArea: '9000', hasOwnersCommittee: 'false' }, id: f.estateB, version: '1', districtId: ANJU }),
    },
    note: 'the city any estate, a district the estates of its district; out of scope looks like missing',
  },
  {
    endpoints: ['app/bureau/estates/actions.ts#decideProposalAction'],
    via: svc(decideEstateProposal),
    allow: ['city'],
    input: { none: () => ({ id: NOBODY, version: '1', decision: 'confirm' }) },
    except: { 'city/-': 'NOT_FOUND' },
    note: 'no proposal in the demo city: the city gets NOT_FOUND for an unknown one; tests/integration/first-day.test.ts confirms and returns real ones',
  },
  {
    endpoints: ['app/bureau/setup/page.tsx#default'],
    via: page('/bureau/setup', SetupPage),
    allow: ['city'],
    input: { none: () => ({}) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
  },
  {
    endpoints: ['app/bureau/accounts/[id]/page.tsx#default'],
    via: page('/bureau/accounts/[id]', BureauAccountPage),
    allow: ['city'],
    input: { none: (f) => ({ params: { id: f.companyUserId } }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
  },
  {
    endpoints: ['app/bureau/estates/page.tsx#default'],
    via: page('/bureau/estates', EstatesPage),
    allow: BUREAUS,
    input: { none: () => ({ searchParams: { q: '花园' } }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
  },
  {
    endpoints: ['app/bureau/estates/[id]/page.tsx#default'],
    via: page('/bureau/estates/[id]', EstateEditPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { id: f.estateA } }), b: (f) => ({ params: { id: f.estateB } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the city any estate, a district its own; another district’s estate is a 404, audited',
  },
  // ── end first day of a real city ──
  {
    endpoints: ['app/bureau/evaluations/actions.ts#runEvaluationAction'],
    via: svc(runEvaluation),
    allow: ['city'],
    input: { none: () => ({ year: '2025' }) },
  },
  {
    endpoints: ['app/bureau/evaluations/actions.ts#publishEvaluationAction'],
    via: svc(publishEvaluation),
    allow: ['city'],
    input: { none: () => ({ year: '2025' }) },
  },
  {
    endpoints: ['app/bureau/policy/actions.ts#savePolicyAction'],
    via: svc(savePolicyVersion),
    allow: ['city'],
    input: { none: () => ({ settings: {}, reason: '按新文件调整', baseVersion: '1' }) },
  },
  {
    endpoints: ['app/bureau/ratings/actions.ts#publishQuarterAction'],
    via: svc(publishQuarter),
    allow: ['city'],
    input: { none: () => ({ quarter: '2026Q3' }) },
  },
  {
    endpoints: ['app/bureau/filings/actions.ts#decideFilingAction'],
    via: svc(decideFiling),
    allow: ['city'],
    input: { a: (f) => ({ submissionId: f.filingPending.id, version: f.filingPending.version, decision: 'returned', reason: '请补充材料' }) },
    scope: { a: ['city'] },
  },
  {
    endpoints: ['app/bureau/calendar/actions.ts#holidayCalendarAction'],
    via: {
      kind: 'service',
      name: 'saveHolidayCalendar',
      // The action previews (intent=preview) or saves (intent=save): both services must answer the same check.
      run: async (c, input) => {
        const preview = codeOf(await previewHolidayCalendar(c.actor, input));
        const saved = codeOf(await saveHolidayCalendar(c.db, c.actor, input));
        return preview === saved ? saved : `preview ${preview} but save ${saved}`;
      },
    },
    allow: ['city'],
    input: { none: () => ({ year: '2099', source: '国务院办公厅关于2099年部分节假日安排的通知', schedule: '2099-01-01 元旦', baseVersion: '0' }) },
    ok: 'OK',
    note: 'the city keeps the holiday calendar (a year far ahead, so no deadline of the other rows moves)',
  },

  // ── City and districts ────────────────────────────────────────────────────────────────────────────────
  {
    endpoints: ['app/bureau/contracts/actions.ts#decideContractAction'],
    via: svc(decideContract),
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.contractPendingA.id, version: f.contractPendingA.version, decision: 'reject', reason: '材料不全' }),
      b: (f) => ({ id: f.contractPendingB.id, version: f.contractPendingB.version, decision: 'reject', reason: '材料不全' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#confirmRecordAction'],
    via: {
      kind: 'service',
      name: 'confirmCreditRecord',
      // The action previews a warning (intent=preview: the check-your-answers step), then confirms it with the
      // preview's fingerprint; a refusal of either before the record is reached is the answer.
      run: async (c, input) => {
        const first = await confirmCreditRecord(c.db, c.actor, input, { today: TODAY });
        if (first.ok || first.fieldErrors?.fingerprint == null) return codeOf(first);
        const preview = await previewRecordConfirmation(c.db, c.actor, input, { today: TODAY });
        if (!preview.ok) return `confirm asked for a fingerprint but preview answered ${codeOf(preview)}`;
        return codeOf(await confirmCreditRecord(c.db, c.actor, { ...(input as object), fingerprint: preview.data.fingerprint }, { today: TODAY }));
      },
    },
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.creditPendingA.id, expectedVersion: f.creditPendingA.version, points: '1', severity: '' }),
      b: (f) => ({ id: f.creditPendingB.id, expectedVersion: f.creditPendingB.version, points: '1', severity: '一般' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#rejectRecordAction'],
    via: svc(rejectCreditRecord),
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.creditPendingA.id, expectedVersion: f.creditPendingA.version, reason: '证据不足，不予采纳' }),
      b: (f) => ({ id: f.creditPendingB.id, expectedVersion: f.creditPendingB.version, reason: '证据不足，不予采纳' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#publishPenaltyAction'],
    via: svc(publishPenalty),
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.creditApprovedA.id, expectedVersion: f.creditApprovedA.version }),
      b: (f) => ({ id: f.creditApprovedB.id, expectedVersion: f.creditApprovedB.version }),
    },
    scope: { a: ['city', 'chuanshan'], b: B_CREDIT_SCOPE },
    audit: 'in-role',
    note: 'the approved records are not waiting penalties: in scope answers CONFLICT',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#enterWarningAction'],
    via: svc(enterWarningRecord),
    allow: BUREAUS,
    input: {
      a: (f) => ({ data: bureauRecordEntry(f.companyId, f.estateA), evidence: [pdf('e')] }),
      b: (f) => ({ data: bureauRecordEntry(f.company2Id, f.estateB), evidence: [pdf('e')] }),
    },
    scope: { a: ['city', 'chuanshan'], b: B_CREDIT_SCOPE },
    except: { 'shehong/a': 'INVALID' },
    note: 'a district enters records on the companies registered in it or about estates in it; otherwise a field error on the estate',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#enterPerformanceAction'],
    via: svc(enterPerformanceRecord),
    allow: BUREAUS,
    input: {
      a: (f) => ({ data: { companyId: f.companyId, projectId: f.estateA, type: '市级示范项目', occurredOn: '2026-11-02', issuer: '遂宁市住建局', description: '评为市级物业服务示范项目', points: '2' }, evidence: [pdf('e')] }),
      b: (f) => ({ data: { companyId: f.company2Id, projectId: f.estateB, type: '市级示范项目', occurredOn: '2026-11-02', issuer: '遂宁市住建局', description: '评为市级物业服务示范项目', points: '2' }, evidence: [pdf('e')] }),
    },
    scope: { a: ['city', 'chuanshan'], b: B_CREDIT_SCOPE },
    except: { 'shehong/a': 'INVALID' },
    note: 'a district enters records on the companies registered in it or about estates in it; otherwise a field error on the estate',
  },
  {
    endpoints: ['app/bureau/credit/new-veto/actions.ts#recordVetoAction'],
    via: svc(recordVeto),
    allow: BUREAUS,
    input: {
      a: (f) => ({ data: { companyId: f.companyId, projectId: f.estateA, vetoType: VETO_TYPES[0], decisionOn: '2026-11-02', description: '经查实存在一票否决情形，事实清楚', issuer: '遂宁市住建局' }, evidence: [pdf('e')] }),
      b: (f) => ({ data: { companyId: f.company2Id, projectId: f.estateB, vetoType: VETO_TYPES[0], decisionOn: '2026-11-02', description: '经查实存在一票否决情形，事实清楚', issuer: '遂宁市住建局' }, evidence: [pdf('e')] }),
    },
    scope: { a: ['city', 'chuanshan'], b: B_CREDIT_SCOPE },
    except: { 'shehong/a': 'INVALID' },
    note: 'a district enters records on the companies registered in it or about estates in it; otherwise a field error on the estate',
  },
  {
    endpoints: ['app/bureau/credit/actions.ts#decideRepairAction'],
    via: svc(decideRepair),
    allow: BUREAUS,
    input: { a: (f) => ({ id: f.repairA.id, expectedVersion: f.repairA.version, decision: 'rejected', reason: '整改材料不足' }) },
    scope: { a: ['city', 'chuanshan'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/objections/actions.ts#handleRecordObjectionAction'],
    via: svc(handleRecordObjection),
    audit: 'in-role',
    allow: BUREAUS,
    input: {
      a: (f) => ({ action: 'verify', caseId: f.recordCaseA, version: 1 }),
      b: (f) => ({ action: 'verify', caseId: f.recordCaseB, version: 1 }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
  },
  {
    endpoints: ['app/bureau/ratings/actions.ts#saveRatingsAction'],
    via: svc(saveQuarterRatings),
    allow: BUREAUS,
    input: { a: (f) => ({ quarter: '2026Q4', scores: { [f.estateA]: '92' } }), b: (f) => ({ quarter: '2026Q4', scores: { [f.estateB]: '92' } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/ratings/actions.ts#inspectRectificationAction'],
    via: svc(recordRectificationInspection),
    allow: BUREAUS,
    input: {
      a: (f) => ({ entryId: f.rectifyingA, seenStatus: 'rectifying', result: 'passed', note: '复查整改合格' }),
      b: (f) => ({ entryId: f.rectifyingB, seenStatus: 'rectifying', result: 'passed', note: '复查整改合格' }),
    },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/records/actions.ts#decideRecordAction'],
    via: svc(decideRecord),
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.recordPendingA.id, expectedVersion: f.recordPendingA.version, decision: 'rejected', reason: '证据不足', type: '', description: '' }),
      b: (f) => ({ id: f.recordPendingB.id, expectedVersion: f.recordPendingB.version, decision: 'rejected', reason: '证据不足', type: '', description: '' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/records/actions.ts#enterBadRecordAction'],
    via: svc(enterBadRecord),
    audit: 'in-role',
    allow: BUREAUS,
    input: {
      a: (f) => ({ data: { practitionerId: f.personA.id, type: BAD_RECORD_TYPES[0], issuer: '遂宁市住建局', description: '与业主发生肢体冲突，造成恶劣影响', occurredOn: '2026-11-02' }, ...staffRecordEvidence }),
      b: (f) => ({ data: { practitionerId: f.personB.id, type: BAD_RECORD_TYPES[0], issuer: '遂宁市住建局', description: '与业主发生肢体冲突，造成恶劣影响', occurredOn: '2026-11-02' }, ...staffRecordEvidence }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
  },
  {
    endpoints: ['app/bureau/staff/actions.ts#decideStaffAction'],
    via: svc(decidePractitionerSubmission),
    allow: BUREAUS,
    input: {
      a: (f) => ({ id: f.entryA.id, expectedVersion: f.entryA.version, decision: 'returned', reason: '请补充证件照' }),
      b: (f) => ({ id: f.entryB.id, expectedVersion: f.entryB.version, decision: 'returned', reason: '请补充证件照' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/bureau/transfers/actions.ts#overrideTransferAction'],
    via: svc(overrideTransfer),
    audit: 'in-role',
    allow: BUREAUS,
    input: { a: (f) => ({ submissionId: f.transfer.id, expectedVersion: f.transfer.version, reason: '原企业无正当理由拒绝' }) },
    scope: { a: ['city', 'chuanshan'] },
    note: 'the old estate’s district (船山区) may release; the answer period has not run out, so in scope is CONFLICT',
  },

  // ── Bureaus and companies: a person's full ID number (logged) ─────────────────────────────────────────
  {
    endpoints: ['app/bureau/staff/actions.ts#viewFullIdAction', 'app/company/staff/actions.ts#viewFullIdAction'],
    via: svc(viewFullIdNumber, { keys: keys() }),
    allow: [...BUREAUS, ...COMPANIES],
    input: { a: (f) => ({ practitionerId: f.personA.id }), b: (f) => ({ practitionerId: f.personB.id }) },
    ok: 'OK',
    audit: 'in-role',
  },
  // ── Objections about a person's own data: the employer, the district, the city ───────────────────────
  {
    endpoints: ['app/bureau/objections/actions.ts#handleObjectionAction', 'app/company/objections/actions.ts#handleObjectionAction'],
    via: svc(handleObjection),
    audit: 'in-role',
    allow: [...BUREAUS, ...COMPANIES],
    input: { a: (f) => ({ action: 'verify', caseId: f.caseA, version: 1 }), b: (f) => ({ action: 'verify', caseId: f.caseB, version: 1 }) },
  },
  ...(['approve', 'reject'] as const).map(
    (action): Row => ({
      endpoints: ['app/bureau/objections/actions.ts#handleObjectionAction', 'app/company/objections/actions.ts#handleObjectionAction'],
      variant: `${action} a company's proposal`,
      via: svc(handleObjection),
      audit: 'in-role',
      allow: [...BUREAUS, ...COMPANIES],
      input: {
        a: (f) => ({ action, caseId: f.proposalA.id, version: f.proposalA.version, note: '已核对户籍及劳动合同材料' }),
        b: (f) => ({ action, caseId: f.proposalB.id, version: f.proposalB.version, note: '已核对户籍及劳动合同材料' }),
      },
      ok: 'OK',
      except: { 'company/a': 'CONFLICT', 'company2/b': 'CONFLICT' },
      note: 'the district (or the city) decides on the company’s proposed correction of a public-facing item; the company waits (CONFLICT) and never decides it',
    }),
  ),

  // ── Owners' complaints and praise (SPEC §3.10, issue 16 item 1) ───────────────────────────────────────
  {
    endpoints: ['app/(public)/complaints/actions.ts#fileComplaintAction'],
    via: svc(fileComplaint, { today: TODAY, at: AT }),
    allow: 'anyone',
    input: {
      a: (f) => ({ data: { kind: 'complaint', projectId: f.estateA, about: 'company', practitionerId: '', name: '王五', phone: '13800003333', text: '小区垃圾连续三天无人清运，多次反映无果。' } }),
      b: () => ({ data: { kind: 'complaint', projectId: NOBODY, about: 'company', practitionerId: '', name: '王五', phone: '13800003333', text: '小区垃圾连续三天无人清运，多次反映无果。' } }),
    },
    except: Object.fromEntries(WHO.map((w) => [`${w}/a`, 'OK'])) as Row['except'],
    note: 'anyone, no account (limited per client address and per phone); an unknown estate is a field error',
  },
  {
    endpoints: ['app/company/complaints/actions.ts#answerComplaintAction'],
    via: svc(answerComplaint, {}),
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { caseId: f.complaintA.id, version: f.complaintA.version, answer: '已安排保洁人员当日清运完毕，并加密清运频次。' } }),
      b: (f) => ({ data: { caseId: f.complaintB.id, version: f.complaintB.version, answer: '已安排保洁人员当日清运完毕，并加密清运频次。' } }),
    },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'the serving company of the estate only; another company gets a 404 and an out-of-scope audit row',
  },
  {
    endpoints: ['app/bureau/complaints/actions.ts#decideComplaintAction'],
    via: svc(decideComplaint),
    allow: BUREAUS,
    input: {
      a: (f) => ({ data: { caseId: f.complaintA.id, version: f.complaintA.version, outcome: 'dismissed', reason: '经现场核查，垃圾已按时清运，投诉不成立。' } }),
      b: (f) => ({ data: { caseId: f.complaintB.id, version: f.complaintB.version, outcome: 'dismissed', reason: '经现场核查，垃圾已按时清运，投诉不成立。' } }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
    note: 'the district of the estate (the city: all); the company has not answered and the deadline has not passed, so in scope is CONFLICT',
  },
  {
    endpoints: ['app/company/complaints/[id]/page.tsx#default'],
    via: page('/company/complaints/[id]', CompanyComplaintPage),
    allow: COMPANIES,
    input: { a: (f) => ({ params: { id: f.complaintA.id } }), b: (f) => ({ params: { id: f.complaintB.id } }) },
    scope: { a: ['company'], b: ['company2'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the owner’s name and phone are on this page: the serving company only; anyone else a 404, audited',
  },
  {
    endpoints: ['app/bureau/complaints/[id]/page.tsx#default'],
    via: page('/bureau/complaints/[id]', BureauComplaintPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { id: f.complaintA.id } }), b: (f) => ({ params: { id: f.complaintB.id } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the district of the estate and the city; anyone else a 404, audited',
  },

  // ── Data-use requests and grants (SN 20, issue 17 item 1) ─────────────────────────────────────────────
  {
    endpoints: ['app/committee/requests/actions.ts#fileCommitteeRequestAction', 'app/company/data-requests/actions.ts#fileCompanyRequestAction', 'app/department/requests/actions.ts#fileDepartmentRequestAction'],
    via: svc(fileDataRequest, {}),
    allow: ['company', 'company2', 'committee', 'department'],
    input: {
      none: (f) => ({
        data: { companyUscc: f.companyUscc, letterRef: '遂市监函〔2026〕12 号', subjects: 'all_current', names: '', useMatter: '选聘', purpose: '选聘物业服务企业', scopeText: '业主委员会', protectionPromised: 'on' },
        letter: [pdf('letter')],
      }),
    },
    ok: 'OK',
    note: 'a company about its own staff, a committee or a department about a filed company; the requester’s scope is its own account',
  },
  {
    endpoints: ['app/(public)/objections/own-record-actions.ts#requestOwnFullRecordAction'],
    via: svc(fileOwnFullRecordRequest, { at: AT }),
    allow: 'anyone',
    input: { a: (f) => ({ token: f.identity.token, purpose: '求职应聘' }), b: (f) => ({ token: f.identity.forged, purpose: '求职应聘' }) },
    except: Object.fromEntries(WHO.map((w) => [`${w}/a`, 'OK'])) as Row['except'],
    note: 'the person, proven by the SMS code (no account); a forged proof is refused (INVALID) and files nothing',
  },
  {
    endpoints: ['app/(public)/objections/own-record-actions.ts#printOwnFullRecordAction'],
    via: svc(issueOwnFullRecord, { at: AT, today: TODAY }),
    allow: 'anyone',
    input: { a: (f) => ({ token: f.identity.token, requestId: f.dataUse.ownGrant }), b: (f) => ({ token: f.identity.forged, requestId: f.dataUse.ownGrant }) },
    except: Object.fromEntries(WHO.map((w) => [`${w}/a`, 'OK'])) as Row['except'],
    note: 'the person prints their approved full record with their proof of identity; another person’s proof (forged) gets nothing',
  },
  {
    endpoints: ['app/company/data-requests/actions.ts#answerConsentAction'],
    via: svc(answerDataConsent, {}),
    allow: COMPANIES,
    input: {
      a: (f) => ({ requestId: f.dataUse.consentA.id, version: f.dataUse.consentA.version, answer: 'consent', reason: '' }),
      b: (f) => ({ requestId: f.dataUse.consentB.id, version: f.dataUse.consentB.version, answer: 'consent', reason: '' }),
    },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'only the company whose staff the committee asks about consents; another company gets a 404 and an out-of-scope audit row',
  },
  {
    endpoints: ['app/bureau/data-requests/actions.ts#decideDataRequestAction'],
    via: svc(decideDataRequest),
    allow: BUREAUS,
    input: {
      a: (f) => ({ requestId: f.dataUse.decideA.id, version: f.dataUse.decideA.version, outcome: 'approve', practitionerIds: [f.personA.id], fields: ['posts'], expiresOn: '2026-12-20', step: 'confirm' }),
      b: (f) => ({ requestId: f.dataUse.decideB.id, version: f.dataUse.decideB.version, outcome: 'approve', practitionerIds: [f.personB.id], fields: ['posts'], expiresOn: '2026-12-20', step: 'confirm' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'the deciding district (属地) and the city; 射洪市 a 404, audited',
  },
  {
    endpoints: ['app/committee/requests/[id]/people/[practitionerId]/page.tsx#default'],
    via: page('/committee/requests/[id]/people/[practitionerId]', CommitteeGrantPersonPage),
    allow: ['committee'],
    input: { a: (f) => ({ params: { id: f.dataUse.grantA, practitionerId: f.personA.id } }), b: (f) => ({ params: { id: f.dataUse.grantB, practitionerId: f.personB.id } }) },
    scope: { a: ['committee'], b: [] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'one granted person, for the requester only (the view itself is audited as data_grant.viewed); another requester’s grant a 404, audited',
  },
  {
    endpoints: ['app/committee/requests/[id]/page.tsx#default'],
    via: page('/committee/requests/[id]', CommitteeRequestPage),
    allow: ['committee'],
    input: { a: (f) => ({ params: { id: f.dataUse.grantA }, searchParams: {} }), b: (f) => ({ params: { id: f.dataUse.grantB }, searchParams: {} }) },
    scope: { a: ['committee'], b: [] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the committee’s own requests only; a department’s grant a 404, audited',
  },
  {
    endpoints: ['app/bureau/data-requests/[id]/page.tsx#default'],
    via: page('/bureau/data-requests/[id]', BureauDataRequestPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { id: f.dataUse.decideA.id } }), b: (f) => ({ params: { id: f.dataUse.decideB.id } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the deciding district and the city; anyone else a 404, audited',
  },

  // ── Supervision: annual roster verification and rectification orders (SPEC §3.12, issue 17 items 4 and 5) ──
  {
    endpoints: ['app/bureau/roster-checks/actions.ts#recordRosterVerificationAction'],
    via: svc(recordRosterVerification, { today: TODAY, now: AT }),
    allow: BUREAUS,
    input: {
      a: (f) => ({ projectId: f.estateA, version: 0, verifiedOn: TODAY, checks: ['all_registered'], note: '', discrepancyCount: '0', discrepancies: '', followUp: 'none', orderId: '' }),
      b: (f) => ({ projectId: f.estateB, version: 0, verifiedOn: TODAY, checks: ['all_registered'], note: '', discrepancyCount: '0', discrepancies: '', followUp: 'none', orderId: '' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'the district of the estate (the city: all); another district gets a 404 and an out-of-scope audit row',
  },
  {
    endpoints: ['app/bureau/rectifications/actions.ts#issueRectificationOrderAction'],
    via: svc(issueRectificationOrder),
    allow: BUREAUS,
    input: {
      a: (f) => ({ companyId: f.companyId, ground: 'not_entered', facts: '检查发现 2 名秩序维护员在岗工作但未录入平台。', projectIds: [f.estateA], dueOn: '2026-12-20', verificationId: '' }),
      b: (f) => ({ companyId: f.company2Id, ground: 'not_entered', facts: '检查发现 2 名秩序维护员在岗工作但未录入平台。', projectIds: [f.estateB], dueOn: '2026-12-20', verificationId: '' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'OK',
    outOfScope: 'INVALID',
    note: 'the district names a company and estates it serves in the district (the city: any); another district’s estate is a field error',
  },
  {
    endpoints: ['app/bureau/rectifications/actions.ts#decideRectificationOrderAction'],
    via: svc(decideRectificationOrder),
    allow: BUREAUS,
    input: {
      a: (f) => ({ orderId: f.orderAnsweredA.id, version: f.orderAnsweredA.version, outcome: 'accept', reason: '' }),
      b: (f) => ({ orderId: f.orderAnsweredB.id, version: f.orderAnsweredB.version, outcome: 'accept', reason: '' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'the ordering district (the city: all) accepts or returns; anyone else a 404, audited',
  },
  {
    endpoints: ['app/bureau/rectifications/actions.ts#escalateRectificationOrderAction'],
    via: svc(escalateRectificationOrder),
    allow: BUREAUS,
    input: {
      a: (f) => ({ orderId: f.orderOverdueA.id, version: f.orderOverdueA.version }),
      b: (f) => ({ orderId: f.orderOverdueB.id, version: f.orderOverdueB.version }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'OK',
    audit: 'in-role',
    note: '通报批评 of an overdue order: the ordering district (the city: all); anyone else a 404, audited',
  },
  {
    endpoints: ['app/bureau/rectifications/actions.ts#recordRectificationInterviewAction'],
    via: svc(recordRectificationInterview),
    allow: BUREAUS,
    input: {
      a: (f) => ({ orderId: f.orderOverdueA.id, version: f.orderOverdueA.version, heldOn: TODAY, place: '区住建局会议室', attendees: '区住建局科长；企业总经理', summary: '指出问题，企业承诺一周内整改完毕。' }),
      b: (f) => ({ orderId: f.orderOverdueB.id, version: f.orderOverdueB.version, heldOn: TODAY, place: '区住建局会议室', attendees: '区住建局科长；企业总经理', summary: '指出问题，企业承诺一周内整改完毕。' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    ok: 'CONFLICT',
    audit: 'in-role',
    note: 'the 约谈 record of the ordering district (the city); the orders are not yet criticised, so in scope is CONFLICT',
  },
  {
    endpoints: ['app/company/rectifications/actions.ts#answerRectificationOrderAction'],
    via: svc(answerRectificationOrder, { today: TODAY, now: AT }),
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { orderId: f.orderOverdueA.id, version: f.orderOverdueA.version, answer: '已补录全部在岗人员信息并经审核通过。' } }),
      b: (f) => ({ data: { orderId: f.orderOverdueB.id, version: f.orderOverdueB.version, answer: '已补录全部在岗人员信息并经审核通过。' } }),
    },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
    audit: 'in-role',
    note: 'the ordered company only; another company gets a 404 and an out-of-scope audit row',
  },
  {
    endpoints: ['app/bureau/rectifications/[id]/page.tsx#default'],
    via: page('/bureau/rectifications/[id]', BureauOrderPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { id: f.orderAnsweredA.id } }), b: (f) => ({ params: { id: f.orderAnsweredB.id } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the ordering district and the city; anyone else a 404, audited',
  },
  {
    endpoints: ['app/company/rectifications/[id]/page.tsx#default'],
    via: page('/company/rectifications/[id]', CompanyOrderPage),
    allow: COMPANIES,
    input: { a: (f) => ({ params: { id: f.orderAnsweredA.id } }), b: (f) => ({ params: { id: f.orderAnsweredB.id } }) },
    scope: { a: ['company'], b: ['company2'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the ordered company only; anyone else a 404, audited',
  },
  {
    endpoints: ['app/bureau/roster-checks/[projectId]/page.tsx#default'],
    via: page('/bureau/roster-checks/[projectId]', RosterCheckPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { projectId: f.estateA } }), b: (f) => ({ params: { projectId: f.estateB } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the verification form of an estate: its district and the city; anyone else a 404, audited',
  },
  // ── end of supervision ─────────────────────────────────────────────────────────────────────────────────

  // ── Companies ─────────────────────────────────────────────────────────────────────────────────────────
  {
    endpoints: ['app/company/credit/actions.ts#filePerformanceAction'],
    via: svc(filePerformanceRecord),
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { type: '市级示范项目', projectId: f.estateA, occurredOn: '2026-11-02', issuer: '遂宁市住建局', description: '评为市级物业服务示范项目', proposedPoints: '2' }, evidence: [pdf('e')] }),
      b: (f) => ({ data: { type: '市级示范项目', projectId: f.estateB, occurredOn: '2026-11-02', issuer: '遂宁市住建局', description: '评为市级物业服务示范项目', proposedPoints: '2' }, evidence: [pdf('e')] }),
    },
    outOfScope: 'INVALID',
    note: 'the company names one of its own estates (or none); another company’s estate is a field error',
  },
  {
    endpoints: ['app/company/credit/actions.ts#setStatementAction'],
    via: svc(setRecordStatement),
    allow: COMPANIES,
    input: { a: (f) => ({ id: f.creditApprovedA.id, statement: '已整改' }), b: (f) => ({ id: f.creditApprovedB.id, statement: '已整改' }) },
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/credit/actions.ts#applyRepairAction'],
    via: svc(applyForRepair),
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { recordId: f.creditApprovedA.id, rectification: '已按要求全部整改到位并建立长效机制' }, evidence: [pdf('e')], commitment: pdf('c') }),
      b: (f) => ({ data: { recordId: f.creditApprovedB.id, rectification: '已按要求全部整改到位并建立长效机制' }, evidence: [pdf('e')], commitment: pdf('c') }),
    },
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/filings/actions.ts#saveFilingAction'],
    via: svc(saveFiling),
    allow: COMPANIES,
    input: { none: () => ({ submit: false, data: {} }) },
    note: 'the company’s own filing: no object to name',
  },
  {
    endpoints: ['app/company/filings/actions.ts#withdrawFilingAction'],
    via: svc(withdrawFiling),
    audit: 'in-role',
    allow: COMPANIES,
    input: { b: (f) => ({ submissionId: f.filingPending.id, version: f.filingPending.version }) } as Row['input'],
    scope: { a: [], b: [] },
    note: 'the only filings seeded are other companies’: out of scope for both demo companies',
  },
  {
    endpoints: ['app/company/moves/actions.ts#requestPostChangeAction'],
    via: svc(requestPostChange),
    audit: 'in-role',
    allow: COMPANIES,
    input: {
      a: (f) => ({ practitionerId: f.personA.id, projectId: f.estateA, post: '保洁人员', changedOn: '2026-11-10' }),
      b: (f) => ({ practitionerId: f.personB.id, projectId: f.estateB, post: '保洁人员', changedOn: '2026-11-10' }),
    },
    scope: { a: ['company'], b: ['company2'] },
  },
  {
    endpoints: ['app/company/moves/actions.ts#requestExitAction'],
    via: svc(requestExit),
    audit: 'in-role',
    allow: COMPANIES,
    input: {
      a: (f) => ({ practitionerId: f.personA.id, leftOn: '2026-11-10', reason: '个人原因离职' }),
      b: (f) => ({ practitionerId: f.personB.id, leftOn: '2026-11-10', reason: '个人原因离职' }),
    },
    scope: { a: ['company'], b: ['company2'] },
  },
  {
    endpoints: ['app/company/moves/actions.ts#requestTransferAction'],
    via: svc(requestTransfer, { today: TODAY, keys: keys() }),
    allow: COMPANIES,
    input: {
      a: (f) => ({ name: f.personB.name, idNumber: f.personB.idNumber, projectId: f.estateA, post: '保洁人员', hiredOn: '2026-11-10', labourContractOn: '2026-11-10' }),
      b: (f) => ({ name: f.personA.name, idNumber: f.personA.idNumber, projectId: f.estateB, post: '保洁人员', hiredOn: '2026-11-10', labourContractOn: '2026-11-10' }),
    },
    scope: { a: ['company'], b: ['company2'] },
    outOfScope: 'INVALID',
    note: 'the receiving company names its own estate; another company’s estate is a field error',
  },
  {
    endpoints: ['app/company/moves/actions.ts#requestReEntryAction'],
    via: svc(requestReEntry, { today: TODAY, keys: keys() }),
    allow: COMPANIES,
    input: {
      a: (f) => ({ name: f.personB.name, idNumber: f.personB.idNumber, projectId: f.estateA, post: '保洁人员', hiredOn: '2026-11-10', labourContractOn: '2026-11-10', update: receiveUpdate, informed: true }),
      b: (f) => ({ name: f.personA.name, idNumber: f.personA.idNumber, projectId: f.estateB, post: '保洁人员', hiredOn: '2026-11-10', labourContractOn: '2026-11-10', update: receiveUpdate, informed: true }),
    },
    scope: { a: ['company'], b: ['company2'] },
    outOfScope: 'INVALID',
  },
  {
    endpoints: ['app/company/moves/actions.ts#answerTransferAction'],
    via: svc(answerTransfer),
    audit: 'in-role',
    allow: COMPANIES,
    input: { a: (f) => ({ submissionId: f.transfer.id, expectedVersion: f.transfer.version, consent: 'refused', reason: '该员工尚在合同期内' }) },
    scope: { a: ['company'] },
    note: 'the old company answers; the requesting company (company2) may not',
  },
  {
    endpoints: ['app/company/moves/actions.ts#submitTransferUpdateAction'],
    via: svc(submitTransferUpdate),
    audit: 'in-role',
    allow: COMPANIES,
    input: { a: (f) => ({ submissionId: f.transfer.id, expectedVersion: f.transfer.version, update: receiveUpdate, informed: true }) },
    scope: { a: ['company2'] },
    note: 'the receiving company (company2) updates; not yet released, so in scope is CONFLICT',
  },
  {
    endpoints: ['app/company/moves/actions.ts#withdrawMoveAction'],
    via: svc(withdrawMove),
    audit: 'in-role',
    allow: COMPANIES,
    input: { a: (f) => ({ submissionId: f.exitA.id, expectedVersion: f.exitA.version }), b: (f) => ({ submissionId: f.exitB.id, expectedVersion: f.exitB.version }) },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
  },
  {
    endpoints: ['app/company/objections/actions.ts#fileCompanyRecordObjectionAction'],
    via: svc(fileCompanyRecordObjection),
    audit: 'in-role',
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { recordId: f.creditApprovedA.id, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
      b: (f) => ({ data: { recordId: f.creditApprovedB.id, reason: '记录所述事实与实际不符' }, evidence: [pdf('e')] }),
    },
    scope: { a: ['company'], b: ['company2'] },
  },
  {
    endpoints: ['app/company/projects/actions.ts#registerContractAction'],
    via: svc(registerContract),
    allow: COMPANIES,
    input: {
      a: (f) => ({ projectId: f.estateA, startDate: '2030-01-01', endDate: '2032-12-31', annualFees: '1000000', bondAmount: '60000' }),
      b: (f) => ({ projectId: f.estateB, startDate: '2030-01-01', endDate: '2032-12-31', annualFees: '1000000', bondAmount: '60000' }),
    },
    scope: { a: COMPANIES, b: COMPANIES },
    note: 'any company may register a contract for any estate (a change of company starts this way); the district confirms',
  },
  {
    endpoints: ['app/company/projects/actions.ts#fileNonRenewalNoticeAction'],
    via: svc(fileNonRenewalNotice),
    allow: COMPANIES,
    input: {
      a: (f) => ({ contractId: f.contractConfirmedA.id, version: f.contractConfirmedA.version, noticeOn: TODAY }),
      b: (f) => ({ contractId: f.contractConfirmedB.id, version: f.contractConfirmedB.version, noticeOn: TODAY }),
    },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/projects/actions.ts#recordEarlyExitAction'],
    via: svc(recordEarlyExit),
    allow: COMPANIES,
    input: {
      a: (f) => ({ contractId: f.contractConfirmedA.id, version: f.contractConfirmedA.version, exitedOn: TODAY, reason: '业主大会决定解聘', handoverDone: true }),
      b: (f) => ({ contractId: f.contractConfirmedB.id, version: f.contractConfirmedB.version, exitedOn: TODAY, reason: '业主大会决定解聘', handoverDone: true }),
    },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/projects/actions.ts#saveBoardAction'],
    via: svc(saveBoard),
    allow: COMPANIES,
    input: {
      a: (f) => ({ projectId: f.estateA, baseVersion: f.boardVersionA, data: boardData }),
      b: (f) => ({ projectId: f.estateB, baseVersion: f.boardVersionB, data: boardData }),
    },
    scope: { a: ['company'], b: ['company2'] },
    ok: 'OK',
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/records/actions.ts#fileGoodRecordAction'],
    via: svc(fileGoodRecord),
    audit: 'in-role',
    allow: COMPANIES,
    input: {
      a: (f) => ({ data: { practitionerId: f.personA.id, type: COMPANY_GOOD_RECORD_TYPES[0], praiseForm: '', participants: '', issuer: '天宫花园业委会', description: '拾金不昧受到业主书面表扬', occurredOn: '2026-11-02', receivedOn: '2026-11-03' }, ...staffRecordEvidence }),
      b: (f) => ({ data: { practitionerId: f.personB.id, type: COMPANY_GOOD_RECORD_TYPES[0], praiseForm: '', participants: '', issuer: '天宫花园业委会', description: '拾金不昧受到业主书面表扬', occurredOn: '2026-11-02', receivedOn: '2026-11-03' }, ...staffRecordEvidence }),
    },
    scope: { a: ['company'], b: ['company2'] },
  },
  {
    endpoints: [
      'app/company/records/actions.ts#fileReportAction',
      'app/department/reports/actions.ts#fileDepartmentReportAction',
      'app/street/reports/actions.ts#fileStreetReportAction',
      'app/association/records/actions.ts#fileCensureAction',
    ],
    via: svc(fileBadReport),
    audit: 'in-role',
    allow: ['company', 'company2', 'department', 'street', 'association'],
    input: { a: (f) => badReport(f.personA.id), b: (f) => badReport(f.personB.id) },
    scope: { a: ['company', 'department', 'street', 'association'], b: ['company2', 'department', 'association'] },
    except: { 'association/a': 'PASS', 'association/b': 'PASS' },
    note: 'company: its own staff; street: staff of estates in its street; department and association: any current staff',
  },
  {
    endpoints: ['app/association/records/actions.ts#fileCommendationAction'],
    via: svc(fileAssociationCommendation),
    allow: ['association'],
    input: {
      a: (f) => ({ data: { practitionerId: f.personA.id, description: '年度优秀物业项目经理表彰', occurredOn: '2026-11-02' }, ...staffRecordEvidence }),
      b: (f) => ({ data: { practitionerId: f.personB.id, description: '年度优秀物业项目经理表彰', occurredOn: '2026-11-02' }, ...staffRecordEvidence }),
    },
    scope: { a: ['association'], b: ['association'] },
  },
  {
    endpoints: ['app/company/staff/actions.ts#submitEntryAction'],
    via: svc(submitEntry, { today: TODAY, keys: keys(), allowMissingPhoto: true }),
    allow: COMPANIES,
    input: { a: (f) => ({ data: entryData(f.estateA), photo: null }), b: (f) => ({ data: entryData(f.estateB), photo: null }) },
    scope: { a: ['company'], b: ['company2'] },
    outOfScope: 'INVALID',
    note: 'only for the company’s own estates: another estate is a field error on projectId',
  },
  {
    endpoints: ['app/company/staff/actions.ts#resubmitEntryAction'],
    via: svc(resubmitEntry, { today: TODAY, keys: keys() }),
    allow: COMPANIES,
    input: {
      a: (f) => ({ submissionId: f.entryA.id, expectedVersion: f.entryA.version, data: entryData(f.estateA), photo: null }),
      b: (f) => ({ submissionId: f.entryB.id, expectedVersion: f.entryB.version, data: entryData(f.estateB), photo: null }),
    },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/staff/actions.ts#addPhotoAction'],
    via: svc(addPractitionerPhoto),
    allow: COMPANIES,
    input: { a: (f) => ({ practitionerId: f.personA.id, photo: null }), b: (f) => ({ practitionerId: f.personB.id, photo: null }) },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
  },

  // ── Street offices ────────────────────────────────────────────────────────────────────────────────────
  {
    endpoints: ['app/street/warnings/actions.ts#reportWarningAction'],
    via: svc(reportWarning),
    audit: 'in-role',
    allow: ['street'],
    input: {
      a: (f) => ({ data: { projectId: f.estateA, type: '消防通道堵塞', occurredOn: '2026-11-02', description: '巡查发现3号楼消防通道被杂物堵塞，复查未整改', severity: '一般', proposedPoints: '3' }, evidence: [pdf('e')] }),
      b: (f) => ({ data: { projectId: f.estateB, type: '消防通道堵塞', occurredOn: '2026-11-02', description: '巡查发现3号楼消防通道被杂物堵塞，复查未整改', severity: '一般', proposedPoints: '3' }, evidence: [pdf('e')] }),
    },
    scope: { a: ['street'], b: [] },
  },

  // ── Departments: company credit information (issue 17 item 7; DW 8.1.4) ───────────────────────────────
  {
    endpoints: ['app/department/credit/actions.ts#submitDepartmentCreditAction'],
    via: svc(submitDepartmentCredit),
    allow: ['department'],
    input: {
      none: (f) => ({
        data: { companyId: f.companyId, kind: 'penalty', type: '未按规定明码标价', documentNumber: '遂市监罚〔2026〕12号', occurredOn: '2026-11-18', description: '收取停车费未按规定明码标价，责令改正并处罚款。' },
        evidence: [pdf('e')],
      }),
    },
    note: 'any approved company in the city; the department proposes no points and decides nothing',
  },
  {
    endpoints: ['app/department/credit/[id]/page.tsx#default'],
    via: page('/department/credit/[id]', DepartmentCreditRecordPage),
    allow: ['department'],
    input: { a: (f) => ({ params: { id: f.creditPendingA.id } }), b: (f) => ({ params: { id: f.creditPendingB.id } }) },
    scope: { a: [], b: [] },
    wrongRole: 'NOT_FOUND',
    audit: 'all',
    note: 'a department sees only what it submitted itself: another reporter’s record is a 404, audited',
  },

  // ── Route handlers ────────────────────────────────────────────────────────────────────────────────────
  {
    endpoints: ['app/attachments/[id]/route.ts#GET'],
    via: handler('GET /attachments/[id]', attachmentGET),
    allow: [...BUREAUS, ...COMPANIES, 'association', 'committee', 'department', 'street'],
    input: {
      a: (f) => ({ url: `/attachments/${f.attachmentA}`, params: { id: f.attachmentA } }),
      b: (f) => ({ url: `/attachments/${f.attachmentB}`, params: { id: f.attachmentB } }),
    },
    scope: { a: ['city', 'chuanshan', 'company'], b: B_CREDIT_SCOPE },
    anon: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'evidence of a credit record: whoever may see the record; everything else is a 404 like a missing file',
  },
  {
    endpoints: ['app/bureau/audit/checkpoint/route.ts#GET'],
    via: handler('GET /bureau/audit/checkpoint', () => auditCheckpointGET()),
    allow: ['city'],
    input: { none: () => ({ url: '/bureau/audit/checkpoint' }) },
    anon: 'NOT_FOUND',
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    note: 'the city downloads the signed head of the audit chain (the export is audited); anyone else: 404',
  },
  {
    endpoints: ['app/bureau/roster/[projectId]/roster.xlsx/route.ts#GET'],
    via: handler('GET /bureau/roster/[projectId]/roster.xlsx', bureauRosterGET),
    allow: BUREAUS,
    input: {
      a: (f) => ({ url: `/bureau/roster/${f.estateA}/roster.xlsx`, params: { projectId: f.estateA } }),
      b: (f) => ({ url: `/bureau/roster/${f.estateB}/roster.xlsx`, params: { projectId: f.estateB } }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    anon: 'NOT_FOUND',
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'in-role',
  },
  {
    endpoints: ['app/company/staff/roster.xlsx/route.ts#GET'],
    via: handler('GET /company/staff/roster.xlsx', companyRosterGET),
    allow: COMPANIES,
    input: { a: (f) => ({ url: `/company/staff/roster.xlsx?project=${f.estateA}` }), b: (f) => ({ url: `/company/staff/roster.xlsx?project=${f.estateB}` }) },
    scope: { a: ['company'], b: ['company2'] },
    anon: 'NOT_FOUND',
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'in-role',
  },
  // ── Audit log and list exports (issue 18 items 5–6): each list's Excel export answers whoever may see the
  // page (a district gets its own rows whatever the URL filters ask for: tests/integration/list-export.test.ts);
  // anyone else a 404 with nothing written. An allowed export writes its own audit row.
  ...(
    [
      ['audit', auditExportGET, ['city'], '?action=contract.confirmed&from=2026-01-01'],
      ['filings', filingsExportGET, ['city'], '?status=all'],
      ['staff', staffExportGET, BUREAUS, '?status=all&overdue=1'],
      ['contracts', contractsExportGET, BUREAUS, '?status=confirmed&district=510903'],
      ['objections', objectionsExportGET, BUREAUS, '?status=all'],
      ['projects', projectsExportGET, BUREAUS, '?district=510903&q=%E8%8A%B1'],
      ['roster', rosterExportGET, BUREAUS, '?status=all&district=510903'],
      ['records', recordsExportGET, BUREAUS, '?status=all&late=1'],
      ['complaints', complaintsExportGET, BUREAUS, '?status=all&kind=complaint'],
      ['outbox', outboxExportGET, ['city'], ''],
      ['credit', creditExportGET, BUREAUS, '?state=all&penalty=1'],
      ['evaluations', evaluationsExportGET, BUREAUS, '?year=2025'],
      ['transfers', transfersExportGET, BUREAUS, ''],
      ['accounts', accountsExportGET, ['city'], '?q=company'],
      ['rectifications', rectificationsExportGET, BUREAUS, '?status=all'],
      ['roster-checks', rosterChecksExportGET, BUREAUS, '?year=2026&status=todo'],
    ] as const
  ).map(
    ([list, get, allow, query]): Row => ({
      endpoints: [`app/bureau/${list}/export.xlsx/route.ts#GET`],
      via: handler(`GET /bureau/${list}/export.xlsx`, get),
      allow: [...allow],
      input: { none: () => ({ url: `/bureau/${list}/export.xlsx${query}` }) },
      anon: 'NOT_FOUND',
      wrongRole: 'NOT_FOUND',
      ok: 'OK',
    }),
  ),
  // ── end audit log and list exports ──
  {
    endpoints: ['app/company/staff/import/template.xlsx/route.ts#GET'],
    via: handler('GET /company/staff/import/template.xlsx', () => templateGET()),
    allow: COMPANIES,
    input: { none: () => ({ url: '/company/staff/import/template.xlsx' }) },
    anon: 'NOT_FOUND',
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
  },
  {
    endpoints: ['app/company/staff/import/upload/route.ts#POST'],
    via: handler('POST /company/staff/import/upload', (req) => uploadPOST(req)),
    allow: COMPANIES,
    input: {
      none: () => {
        const form = new FormData();
        form.set('informed', 'true');
        form.set('file', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'roster.xlsx'));
        return { url: '/company/staff/import/upload', init: { method: 'POST', body: form, headers: { origin: 'http://localhost', host: 'localhost' } } };
      },
    },
    note: 'a broken workbook: allowed callers get past authorization to the file check (INVALID)',
  },
  {
    endpoints: ['app/(public)/projects/[id]/staff/[practitionerId]/photo/route.ts#GET'],
    via: handler('GET /projects/[id]/staff/[practitionerId]/photo', staffPhotoGET),
    allow: 'anyone',
    input: {
      a: (f) => ({ url: `/projects/${f.personA.projectId}/staff/${f.personA.id}/photo`, params: { id: f.personA.projectId, practitionerId: f.personA.id } }),
      b: (f) => ({ url: `/projects/${f.estateB}/staff/${f.personA.id}/photo`, params: { id: f.estateB, practitionerId: f.personA.id } }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    note: 'public: only the current staff of the estate named in the URL',
  },
  {
    endpoints: ['app/api/v1/companies/[uscc]/route.ts#GET'],
    via: handler('GET /api/v1/companies/[uscc]', companyApiGET),
    allow: 'anyone',
    input: { a: (f) => ({ url: `/api/v1/companies/${f.companyUscc}`, params: { uscc: f.companyUscc } }), b: () => ({ url: '/api/v1/companies/91510903MA6TE0T01X', params: { uscc: '91510903MA6TE0T01X' } }) },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
  },
  {
    endpoints: ['app/api/v1/lists/[list]/route.ts#GET'],
    via: handler('GET /api/v1/lists/[list]', listApiGET),
    allow: 'anyone',
    input: { none: () => ({ url: '/api/v1/lists/red?q=物业', params: { list: 'red' } }) },
    ok: 'OK',
  },
  // ── Public statistics (issue 16 item 6): city-wide aggregates, public by design ─────────────────────
  {
    endpoints: ['app/api/v1/stats/route.ts#GET'],
    via: handler('GET /api/v1/stats', statsApiGET),
    allow: 'anyone',
    input: { none: () => ({ url: '/api/v1/stats?format=csv' }) },
    ok: 'OK',
    note: 'aggregates of public data only (counts, shares, handling times): anyone, signed in or not',
  },
  {
    endpoints: ['app/feeds/lists.xml/route.ts#GET'],
    via: handler('GET /feeds/lists.xml', () => feedGET()),
    allow: 'anyone',
    input: { none: () => ({ url: '/feeds/lists.xml' }) },
    ok: 'OK',
  },

  // ── Issue 16 items 4 and 7 (feeds helper): estate and company Atom feeds, open-data tables — public ──────────
  {
    endpoints: ['app/feeds/projects/[file]/route.ts#GET'],
    via: handler('GET /feeds/projects/[file]', projectFeedGET),
    allow: 'anyone',
    input: {
      a: (f) => ({ url: `/feeds/projects/${f.estateA}.xml`, params: { file: `${f.estateA}.xml` } }),
      b: (f) => ({ url: `/feeds/projects/${f.estateB}.xml`, params: { file: `${f.estateB}.xml` } }),
    },
    ok: 'OK',
    note: 'public: every estate has a feed of public events',
  },
  {
    endpoints: ['app/feeds/companies/[file]/route.ts#GET'],
    via: handler('GET /feeds/companies/[file]', companyFeedGET),
    allow: 'anyone',
    input: {
      a: (f) => ({ url: `/feeds/companies/${f.companyUscc}.xml`, params: { file: `${f.companyUscc}.xml` } }),
      b: () => ({ url: '/feeds/companies/91510903MA6TE0T01X.xml', params: { file: '91510903MA6TE0T01X.xml' } }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    note: 'public: approved companies only (b: an unknown credit code)',
  },
  {
    endpoints: ['app/api/v1/companies/route.ts#GET'],
    via: handler('GET /api/v1/companies', companiesApiGET),
    allow: 'anyone',
    input: { none: () => ({ url: '/api/v1/companies?district=510903&format=csv' }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/api/v1/estates/route.ts#GET'],
    via: handler('GET /api/v1/estates', estatesApiGET),
    allow: 'anyone',
    input: { none: () => ({ url: '/api/v1/estates?page=2' }) },
    ok: 'OK',
  },
  {
    endpoints: ['app/api/v1/ratings/route.ts#GET'],
    via: handler('GET /api/v1/ratings', ratingsApiGET),
    allow: 'anyone',
    input: { none: () => ({ url: '/api/v1/ratings?period=2026Q3' }) },
    ok: 'OK',
  },
  // ── end of issue 16 items 4 and 7 ──────────────────────────────────────────────────────────────────────────

  // ── Pages (not endpoints of the inventory; rows for the pages of issue 13, named `<page file>#default`) ─
  {
    endpoints: ['app/bureau/outbox/page.tsx#default'],
    via: page('/bureau/outbox', OutboxPage),
    allow: ['city'],
    input: { none: () => ({}) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the SMS outbox (one-time codes wait there without a gateway): the city only; anyone else a 404 like a missing page, audited',
  },
  {
    endpoints: ['app/bureau/calendar/page.tsx#default'],
    via: page('/bureau/calendar', CalendarPage),
    allow: ['city'],
    input: { none: () => ({}) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
  },
  {
    endpoints: ['app/company/staff/[practitionerId]/page.tsx#default'],
    via: page('/company/staff/[practitionerId]', CompanyPersonPage),
    allow: COMPANIES,
    input: { a: (f) => ({ params: { practitionerId: f.personA.id } }), b: (f) => ({ params: { practitionerId: f.personB.id } }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'a person’s internal file: the company that employs them now or has them pending (getPersonFileInScope); anyone else a 404, audited',
  },

  // ── Staff badges (工牌, issue 16 item 2) ───────────────────────────────────────────────────────────────
  {
    endpoints: ['app/company/badges/actions.ts#issueEstateBadgesAction'],
    via: svc(issueEstateBadges),
    allow: COMPANIES,
    input: { a: (f) => ({ projectId: f.estateA }), b: (f) => ({ projectId: f.estateB }) },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
    ok: 'OK',
  },
  {
    endpoints: ['app/company/badges/actions.ts#reissueBadgeAction'],
    via: svc(reissueBadge),
    allow: COMPANIES,
    input: { a: (f) => ({ practitionerId: f.personA.id }), b: (f) => ({ practitionerId: f.personB.id }) },
    scope: { a: ['company'], b: ['company2'] },
    audit: 'in-role',
    ok: 'OK',
  },
  {
    endpoints: ['app/(public)/verify/[code]/photo/route.ts#GET'],
    via: handler('GET /verify/[code]/photo', badgePhotoGET),
    allow: 'anyone',
    input: {
      a: (f) => ({ url: `/verify/${f.badge.valid}/photo`, params: { code: f.badge.valid } }),
      b: (f) => ({ url: `/verify/${f.badge.void}/photo?size=thumb`, params: { code: f.badge.void } }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    note: 'public: only while the badge verifies (a reissued, exited or transferred badge answers 404)',
  },
  {
    endpoints: ['app/company/badges/[projectId]/page.tsx#default'],
    via: page('/company/badges/[projectId]', BadgeSheetPage),
    allow: COMPANIES,
    input: { a: (f) => ({ params: { projectId: f.estateA } }), b: (f) => ({ params: { projectId: f.estateB } }) },
    scope: { a: ['company'], b: ['company2'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the badge sheet of an estate the company serves; anyone else a 404, audited',
  },

  // ── Check your answers (issue 18 item 7): the preview pages run publishing as a dry run ─────────────────
  {
    endpoints: ['app/bureau/evaluations/[year]/publish/page.tsx#default'],
    via: page('/bureau/evaluations/[year]/publish', PublishEvaluationPage),
    allow: ['city'],
    input: { none: () => ({ params: { year: '2026' } }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'what publishing a year would make public (a rolled-back dry run): the city only; anyone else a 404 before it runs, audited',
  },
  {
    endpoints: ['app/bureau/ratings/publish/page.tsx#default'],
    via: page('/bureau/ratings/publish', PublishQuarterPage),
    allow: ['city'],
    input: { none: () => ({ searchParams: { q: '2026Q4' } }) },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'what publishing a quarter would make public (a rolled-back dry run): the city only; anyone else a 404 before it runs, audited',
  },

  // ── Printed documents: company credit reports (信用报告, issue 17 item 2) ───────────────────────────────
  {
    endpoints: ['app/company/credit/report/actions.ts#issueCompanyCreditReportAction'],
    via: svc(issueOwnCreditReport),
    allow: COMPANIES,
    input: { none: () => ({ purpose: '参加投标' }) },
    ok: 'OK',
    note: 'a company prints its own report only (the schema names no company)',
  },
  {
    endpoints: ['app/bureau/credit/report/actions.ts#issueBureauCreditReportAction'],
    via: svc(issueBureauCreditReport),
    allow: BUREAUS,
    input: { a: (f) => ({ uscc: f.companyUscc }), b: (f) => ({ uscc: f.company2Uscc }) },
    // Both demo companies are registered in 船山区 (company2's estates are in 安居区): 射洪 is the district out of scope.
    scope: { a: ['city', 'chuanshan'], b: ['city', 'chuanshan'] },
    audit: 'in-role',
    ok: 'OK',
    mayWrite: ['throttle_hits'],
    note: 'a bureau prints the report of a company in its district (the city: any); out of scope a 404, audited',
  },
  {
    endpoints: ['app/company/credit/report/[code]/page.tsx#default'],
    via: page('/company/credit/report/[code]', CompanyCreditReportPage),
    allow: COMPANIES,
    input: { a: (f) => ({ params: { code: f.creditReport.a } }), b: (f) => ({ params: { code: f.creditReport.b } }) },
    scope: { a: ['company'], b: ['company2'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the company’s own report to print; another company’s code a 404, audited',
  },
  {
    endpoints: ['app/bureau/credit/report/[code]/page.tsx#default'],
    via: page('/bureau/credit/report/[code]', BureauCreditReportPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { code: f.creditReport.a } }), b: (f) => ({ params: { code: f.creditReport.b } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city', 'chuanshan'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'a report of a company in the bureau’s scope; out of scope a 404, audited',
  },
  // ── 双随机 spot checks (SN 25, CQ; issue 17 items 6, 8) ──────────────────────────────────────────────
  {
    endpoints: ['app/bureau/inspectors/actions.ts#saveInspectorAction'],
    via: svc(saveInspector, {}),
    allow: ['city'],
    input: { none: () => ({ name: '测试员', unit: '遂宁市住建局', districtId: '', active: 'on' }) },
    ok: 'OK',
    note: 'the city keeps the inspector roster',
  },
  {
    endpoints: ['app/bureau/spot-checks/actions.ts#drawSpotCheckAction'],
    via: svc(drawSpotCheck, { today: TODAY, now: AT }),
    allow: ['city'],
    input: { none: () => ({ title: '矩阵抽查', quarter: '2026Q4', population: 'estate', districtId: CHUANSHAN, sampleSize: '2', perItem: '2', avoidOwnDistrict: 'on', publicSeed: '', confirm: '' }) },
    ok: 'OK',
    note: 'the city draws (here the check-your-answers step)',
  },
  {
    endpoints: ['app/bureau/spot-checks/actions.ts#publishSpotCheckAction'],
    via: svc(publishSpotCheck, { now: AT }),
    allow: ['city'],
    input: { none: (f) => ({ id: f.spotCheck.drawId, version: f.spotCheck.version }) },
    ok: 'OK',
    note: 'the city publishes a draw, once',
  },
  {
    endpoints: ['app/bureau/spot-checks/actions.ts#enterResultAction'],
    via: svc(enterSpotCheckResult, { today: TODAY, now: AT }),
    allow: BUREAUS,
    input: {
      a: (f) => ({ itemId: f.spotCheck.itemA.id, version: f.spotCheck.itemA.version, checkedOn: TODAY, inspectorIds: f.spotCheck.itemA.inspectorIds, score: '88', findings: '暗访检查情况良好' }),
      b: (f) => ({ itemId: f.spotCheck.itemB.id, version: f.spotCheck.itemB.version, checkedOn: TODAY, inspectorIds: f.spotCheck.itemB.inspectorIds, score: '88', findings: '暗访检查情况良好' }),
    },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    audit: 'in-role',
    ok: 'OK',
    note: 'the city or the district of the drawn estate enters the result (the score becomes the quarter’s rating)',
  },
  {
    endpoints: ['app/(public)/spot-checks/verify/actions.ts#rerunPastedAction'],
    via: svc(rerunPastedDraw, { now: AT, ip: '192.0.2.99' }),
    allow: 'anyone',
    input: { none: () => ({ seed: 'x', inputs: '{"algorithm":"ES-HMAC-SHA256-v1"}' }) },
    note: 'anyone re-runs a draw from a pasted seed and inputs (throttled per client address); a bad shape is a field error',
  },
  {
    endpoints: ['app/(public)/spot-checks/[id]/inputs.json/route.ts#GET'],
    via: handler('GET /spot-checks/[id]/inputs.json', spotCheckInputsGET),
    allow: 'anyone',
    input: {
      a: (f) => ({ url: `/spot-checks/${f.spotCheck.published}/inputs.json`, params: { id: f.spotCheck.published } }),
      b: (f) => ({ url: `/spot-checks/${f.spotCheck.drawId}/inputs.json`, params: { id: f.spotCheck.drawId } }),
    },
    ok: 'OK',
    except: Object.fromEntries(WHO.map((w) => [`${w}/b`, 'NOT_FOUND'])) as Row['except'],
    note: 'public: a published draw’s seed and inputs; an unpublished one is 404 for everyone',
  },
  {
    endpoints: ['app/bureau/spot-checks/[id]/page.tsx#default'],
    via: page('/bureau/spot-checks/[id]', SpotCheckPage),
    allow: BUREAUS,
    input: { a: (f) => ({ params: { id: f.spotCheck.drawId } }), b: (f) => ({ params: { id: f.spotCheck.drawB } }) },
    scope: { a: ['city', 'chuanshan'], b: ['city'] },
    wrongRole: 'NOT_FOUND',
    ok: 'OK',
    audit: 'all',
    note: 'the city sees every draw; a district the draws with an item in its district; anyone else a 404 (audited)',
  },
  // ── end spot checks ──
];
/** Rows of pages: not listed by helpers/endpoints.ts (a page is rendered, not called); the file must exist. */
const isPage = (id: string) => /(^|\/)page\.tsx#default$/.test(id);

/** Endpoints whose authorization is next-auth's own sign-in flow: proven in the file named, not here. */
const ELSEWHERE: Record<string, string> = {
  'app/(public)/login/actions.ts#login': 'tests/integration/auth.test.ts',
  'app/api/auth/[...nextauth]/route.ts#GET': 'tests/integration/auth.test.ts',
  'app/api/auth/[...nextauth]/route.ts#POST': 'tests/integration/auth.test.ts',
};

// ---------------------------------------------------------------------------------------------------------
// Expected answers

function objectsOf(row: Row): Obj[] {
  if ('none' in row.input) return ['-'];
  return (['a', 'b'] as const).filter((o) => typeof (row.input as Record<string, unknown>)[o] === 'function');
}

function expected(row: Row, who: Who, obj: Obj): Code {
  const cell = row.except?.[`${who}/${obj}`];
  if (cell) return cell;
  if (row.allow === 'anyone') return row.ok ?? 'PASS';
  if (who === 'anonymous') return row.anon ?? 'UNAUTHENTICATED';
  if (!row.allow.includes(who)) return row.wrongRole ?? 'FORBIDDEN';
  const scope = obj === '-' ? null : obj === 'a' ? (row.scope?.a ?? A_SCOPE) : (row.scope?.b ?? B_SCOPE);
  if (!scope || scope.includes(who)) return row.ok ?? 'PASS';
  return row.outOfScope ?? 'NOT_FOUND';
}

function matches(want: Code, got: string) {
  return want === 'PASS' ? PASSING.has(got) : want === got;
}

// ---------------------------------------------------------------------------------------------------------
// The inventory: every endpoint has a row, every row an endpoint, every thin action calls the row's service

describe('the authorization matrix covers every endpoint', () => {
  const endpoints = listEndpoints();
  const covered = [...ROWS.filter((r) => !r.variant).flatMap((r) => r.endpoints).filter((id) => !isPage(id)), ...Object.keys(ELSEWHERE)];
  const pages = ROWS.flatMap((r) => r.endpoints).filter(isPage);

  it('lists the server actions and route handlers the code has (sanity of the inventory)', () => {
    expect(endpoints.filter((e) => e.kind === 'action').length).toBeGreaterThanOrEqual(60);
    expect(endpoints.filter((e) => e.kind === 'route').length).toBeGreaterThanOrEqual(12);
    expect(endpoints.map((e) => e.id)).toContain('app/bureau/contracts/actions.ts#decideContractAction');
    expect(endpoints.map((e) => e.id)).toContain('app/attachments/[id]/route.ts#GET');
    expect(filesWithInlineServerActions()).toEqual([]);
  });

  it('every endpoint has exactly one row, and every row names an endpoint that exists', () => {
    const ids = endpoints.map((e) => e.id);
    expect(ids.filter((id) => !covered.includes(id)), 'endpoints without a row in tests/integration/authz-matrix.test.ts').toEqual([]);
    expect(covered.filter((id) => !ids.includes(id)), 'rows naming an endpoint that does not exist').toEqual([]);
    expect(covered.filter((id, i) => covered.indexOf(id) !== i), 'endpoints with two rows').toEqual([]);
    const variants = ROWS.filter((r) => r.variant).flatMap((r) => r.endpoints);
    expect(variants.filter((id) => !covered.includes(id)), 'variant rows of an endpoint without a main row').toEqual([]);
    for (const file of new Set(Object.values(ELSEWHERE))) expect(() => readFileSync(file)).not.toThrow();
    for (const id of pages) expect(() => readFileSync(id.split('#')[0]!), id).not.toThrow();
    expect(pages.filter((id, i) => pages.indexOf(id) !== i), 'pages with two rows').toEqual([]);
  });

  it('every thin action forwards to the service its row exercises, with the session’s actor', () => {
    const problems: string[] = [];
    for (const row of ROWS.filter((r) => r.via.kind === 'service')) {
      for (const id of row.endpoints) {
        const [file, name] = id.split('#') as [string, string];
        const src = readFileSync(file, 'utf8');
        const body = exportedFunctionBody(src, name);
        if (!body) problems.push(`${id}: no exported function body`);
        else if (!new RegExp(`\\b${row.via.name}\\(`).test(body)) problems.push(`${id}: does not call ${row.via.name}`);
        else if (!/getActor\(\)|\bactor\b/.test(body)) problems.push(`${id}: does not pass the session's actor`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The matrix on both drivers

describe.each(DRIVERS)('authorization matrix (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const actors = {} as Record<Account, Actor>;
  let f: Fx;
  let rectifyingScope: { a: Account[]; b: Account[] };

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const one = async <T,>(q: ReturnType<typeof sql>) => {
    const r = await rows<T>(q);
    if (!r[0]) throw new Error(`fixture not found: ${JSON.stringify(q)}`);
    return r[0];
  };
  const person = async (companyId: string, district: string, skip: string[] = []): Promise<Person> => {
    const p = await one<{ id: string; name: string; enc: string; project_id: string }>(sql`
      select p.id, p.name, p.id_number_enc as enc, e.project_id
      from employments e join practitioners p on p.id = e.practitioner_id join projects pr on pr.id = e.project_id
      where e.status = 'current' and e.company_id = ${companyId} and pr.district_id = ${district} and p.status = 'active'
        and not exists (select 1 from submissions s where s.subject_id = p.id and s.status in ('draft','submitted','returned'))
        and not exists (select 1 from employments o where o.practitioner_id = p.id and o.status = 'pending')
        and p.id not in (${sql.join([NOBODY, ...skip].map((s) => sql`${s}`), sql`, `)})
      order by p.id limit 1`);
    return { id: p.id, name: p.name, idNumber: decryptIdNumber(p.enc, keys()), projectId: p.project_id };
  };
  const must = <T,>(r: ActionResult<T>, what: string): T => {
    if (!r.ok) throw new Error(`fixture ${what}: ${r.code} ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
    return r.data;
  };
  const versionOf = async (id: string) => (await one<{ version: number }>(sql`select version from submissions where id = ${id}`)).version;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    setDbHandleForTests(t.handle);
    for (const a of ACCOUNTS) actors[a] = await actorFor(db, a);
    const companyId = actors.company.companyId!;
    const company2Id = actors.company2.companyId!;
    const estateA = actors.committee.projectId!;
    const estateB = (await one<{ id: string }>(sql`select id from projects where current_company_id = ${company2Id} and district_id = ${ANJU} order by id limit 1`)).id;
    const personA = await person(companyId, CHUANSHAN);
    const personB = await person(company2Id, ANJU);
    const personA2 = await person(companyId, CHUANSHAN, [personA.id]);
    const personA3 = await person(companyId, CHUANSHAN, [personA.id, personA2.id]);
    const personB2 = await person(company2Id, ANJU, [personB.id]);
    const submission = (type: string, companyId: string | null, district: string) =>
      one<{ id: string; version: number }>(sql`select id, version from submissions where type = ${type} and status = 'submitted'
        and (${companyId}::uuid is null or company_id = ${companyId}) and district_id = ${district} order by id limit 1`);
    const credit = (status: string, companyId: string | null, district: string, notDistrict = false) =>
      one<{ id: string; version: number }>(sql`select r.id, r.version from credit_records r join projects p on p.id = r.project_id
        where r.status = ${status} and (${companyId}::uuid is null or r.company_id = ${companyId})
        and ${notDistrict ? sql`p.district_id not in (${CHUANSHAN}, ${SHEHONG})` : sql`p.district_id = ${district}`} order by r.id limit 1`);
    const record = (companyId: string | null, district: string | null) =>
      one<{ id: string; version: number }>(sql`select r.id, r.version from practitioner_records r join projects p on p.id = r.project_id
        where r.status = 'submitted' and (${companyId}::uuid is null or r.company_id = ${companyId})
        and ${district ? sql`p.district_id = ${district}` : sql`p.district_id not in (${CHUANSHAN}, ${SHEHONG})`} order by r.id limit 1`);
    const rectifying = await rows<{ id: string; district_id: string }>(sql`select l.id, p.district_id from list_entries l left join projects p on p.id = l.project_id
      where l.status = 'rectifying' order by l.id`);
    const contractConfirmed = (companyId: string, district: string) =>
      one<{ id: string; version: number }>(sql`select c.id, c.version from service_contracts c join projects p on p.id = c.project_id
        where c.company_id = ${companyId} and c.status = 'confirmed' and p.district_id = ${district} order by c.end_date desc, c.id limit 1`);
    const boardVersion = async (projectId: string) =>
      Number((await one<{ v: number | null }>(sql`select max(version)::int as v from disclosure_boards where project_id = ${projectId}`)).v ?? 0);

    // Objects the seed has none of are made with the services themselves (committed, before the matrix runs).
    const contractPendingA = must(await registerContract(db, actors.company, { projectId: estateA, startDate: '2031-01-01', endDate: '2033-12-31', annualFees: '1000000', bondAmount: '60000' }, { today: TODAY }), 'contract A');
    const contractPendingB = must(await registerContract(db, actors.company2, { projectId: estateB, startDate: '2031-01-01', endDate: '2033-12-31', annualFees: '1000000', bondAmount: '60000' }, { today: TODAY }), 'contract B');
    const exitA = must(await requestExit(db, actors.company, { practitionerId: personA2.id, leftOn: '2026-11-10', reason: '个人原因离职' }, { today: TODAY }), 'exit A');
    const exitB = must(await requestExit(db, actors.company2, { practitionerId: personB2.id, leftOn: '2026-11-10', reason: '个人原因离职' }, { today: TODAY }), 'exit B');
    const transfer = must(
      await requestTransfer(db, actors.company2, { name: personA3.name, idNumber: personA3.idNumber, projectId: estateB, post: '保洁人员', hiredOn: '2026-11-10', labourContractOn: '2026-11-10' }, { today: TODAY, keys: keys() }),
      'transfer',
    );
    const creditApprovedA = await credit('approved', companyId, CHUANSHAN);
    const creditApprovedB = await credit('approved', company2Id, ANJU);
    const insertCase = async (subjectType: string, subjectId: string, companyId: string, district: string, body = '信息有误') =>
      (
        await one<{ id: string }>(sql`insert into cases (kind, tracking_code, status, subject_type, subject_id, company_id, district_id, filer_name, filer_phone, body)
          values ('objection', ${`MX${Math.random().toString(36).slice(2, 10).toUpperCase()}`}, 'open', ${subjectType}, ${subjectId}, ${companyId}, ${district}, '王五', '13800002222', ${body}) returning id`)
      ).id;
    // An objection about the mobile, which the company may only propose to correct: the district decides (SN 15).
    const proposal = async (company: Actor, p: Person, district: string) => {
      const id = await insertCase('practitioner', p.id, company.companyId!, district, JSON.stringify({ field: 'mobile', claimed: '13987654321', statement: null }));
      must(await handleObjection(db, company, { action: 'correct', caseId: id, version: 1, field: 'mobile', value: '13987654321', note: '经核实手机号码已变更' }), 'proposal');
      const c = await one<{ version: number; decision: string | null }>(sql`select version, decision from cases where id = ${id}`);
      if (!c.decision?.includes('"proposed"')) throw new Error('fixture proposal: no proposal recorded');
      return { id, version: c.version };
    };
    const complaint = async (projectId: string, phone: string) => {
      const data = { kind: 'complaint', projectId, about: 'company', practitionerId: '', name: '赵六', phone, text: '电梯故障一周未修，物业不予理会。' };
      const { trackingCode } = must(await fileComplaint(db, null, { data }, { today: TODAY, at: AT, ip: `192.0.2.${phone.slice(-1)}` }), 'complaint');
      return one<{ id: string; version: number }>(sql`select id, version from cases where tracking_code = ${trackingCode}`);
    };
    const rectificationOrders = async (estateA: string, estateB: string) => {
      const answered = async (who: Actor, issuer: Actor, companyId: string, projectId: string) => {
        const facts = '检查发现 2 名秩序维护员在岗工作但未录入平台。';
        const { id } = must(await issueRectificationOrder(db, issuer, { companyId, ground: 'not_entered', facts, projectIds: [projectId], dueOn: '2026-12-20', verificationId: '' }, { today: TODAY }), 'order');
        must(await answerRectificationOrder(db, who, { data: { orderId: id, version: 1, answer: '已补录全部在岗人员信息并经审核通过。' } }, { today: TODAY, now: AT }), 'order answer');
        return one<{ id: string; version: number }>(sql`select id, version from rectification_orders where id = ${id}`);
      };
      return {
        orderAnsweredA: await answered(actors.company, actors.chuanshan, companyId, estateA),
        orderAnsweredB: await answered(actors.company2, actors.city, company2Id, estateB),
        orderOverdueA: await one<{ id: string; version: number }>(
          sql`select id, version from rectification_orders where company_id = ${companyId} and district_id = ${CHUANSHAN} and due_on < ${TODAY}::date and criticized_on is null order by id limit 1`,
        ),
        orderOverdueB: await one<{ id: string; version: number }>(sql`insert into rectification_orders (company_id, district_id, ground, facts, project_ids, issued_on, due_on)
          values (${company2Id}, ${ANJU}, 'not_entered', '检查发现在岗人员未录入平台。', ${JSON.stringify([estateB])}::jsonb, '2026-10-01', '2026-10-31') returning id, version`),
      };
    };
    // 双随机: two fresh draws of 2026Q4 (船山区, 安居区) and the demo's published draw.
    const spotChecks = async () => {
      const drawOf = async (districtId: string, b: number) => {
        const r = must(
          await drawSpotCheck(db, actors.city, { title: `矩阵${districtId}`, quarter: '2026Q4', population: 'estate', districtId, sampleSize: '1', perItem: '2', avoidOwnDistrict: 'on', confirm: 'true' }, { today: TODAY, now: AT, randomBytes: () => new Uint8Array(32).fill(b) }),
          'spot check draw',
        );
        if (r.stage !== 'drawn') throw new Error('fixture spot check: not drawn');
        const item = await one<{ id: string; version: number; inspector_ids: string[] }>(sql`select id, version, inspector_ids from spot_check_items where spot_check_id = ${r.id}`);
        return { drawId: r.id, item: { id: item.id, version: item.version, inspectorIds: item.inspector_ids } };
      };
      const a = await drawOf(CHUANSHAN, 1);
      const b = await drawOf(ANJU, 2);
      const published = await one<{ id: string }>(sql`select id from spot_checks where published_at is not null order by id limit 1`);
      return { drawId: a.drawId, version: 1, drawB: b.drawId, published: published.id, itemA: a.item, itemB: b.item };
    };
    const insertAttachment = async (ownerId: string) =>
      (
        await one<{ id: string }>(sql`insert into attachments (owner_type, owner_id, kind, filename, mime, size, sha256, content)
          values ('credit_record', ${ownerId}, 'evidence', 'e.pdf', 'application/pdf', 9, 'x', ${Buffer.from('%PDF-1.4\n')}) returning id`)
      ).id;
    const noticeRow = await one<{ code: string; name: string; enc: string; id: string; pid: string; mobile: string }>(sql`select r.notice_code as code, p.name, p.id_number_enc as enc, r.id,
        p.id as pid, p.mobile
      from practitioner_records r join practitioners p on p.id = r.practitioner_id where r.notice_code is not null and r.status = 'approved' and r.company_id = ${companyId} order by r.id limit 1`);
    // The notice person proves who they are as on the public form: name, ID number and mobile, then the SMS code.
    const proof = await verifiedBySms(db, { name: noticeRow.name.trim(), idNumber: decryptIdNumber(noticeRow.enc, keys()), mobile: noticeRow.mobile.trim() }, { keys: keys(), at: AT });
    const [, proofExpiry, proofMac] = proof.token.split('.');
    const otherRecord = await one<{ id: string }>(sql`select id from practitioner_records where status = 'approved' and practitioner_id <> ${noticeRow.pid} order by id limit 1`);
    // A photo of person A, served publicly while A is current staff of A's estate.
    await db.execute(sql`insert into attachments (owner_type, owner_id, kind, filename, mime, size, sha256, content)
      values ('practitioner', ${personA.id}, 'photo', 'photo.jpg', 'image/jpeg', 4, 'y', ${Buffer.from([0xff, 0xd8, 0xff, 0xd9])})`);
    // ── Data-use requests (issue 17 item 1) ──
    const dataRequest = (kind: string, status: string, company: string, district: string, by: { org?: string | null; company?: string | null }, granted: string[] = []) =>
      one<{ id: string; version: number }>(sql`insert into data_requests (kind, status, requester_name, requester_org_id, requester_company_id, company_id, district_id,
          use_matter, purpose, scope_text, protection_promised, granted_practitioner_ids, granted_fields, expires_on, decided_by_name)
        values (${kind}, ${status}, '申请单位', ${by.org ?? null}, ${by.company ?? null}, ${company}, ${district}, '选聘', '选聘物业服务企业', '业委会', true,
          ${JSON.stringify(granted)}::jsonb, ${JSON.stringify(granted.length ? ['posts'] : [])}::jsonb, ${granted.length ? '2026-12-20' : null}, ${granted.length ? '船山区住房和城乡建设局' : null})
        returning id, version`);
    const dataUse: Fx['dataUse'] = {
      consentA: await dataRequest('committee', 'awaiting_consent', companyId, CHUANSHAN, { org: actors.committee.organisationId }),
      consentB: await dataRequest('committee', 'awaiting_consent', company2Id, ANJU, { org: actors.committee.organisationId }),
      decideA: await dataRequest('company', 'submitted', companyId, CHUANSHAN, { company: companyId }),
      decideB: await dataRequest('company', 'submitted', company2Id, ANJU, { company: company2Id }),
      grantA: (await dataRequest('committee', 'approved', companyId, CHUANSHAN, { org: actors.committee.organisationId }, [personA.id])).id,
      grantB: (await dataRequest('department', 'approved', company2Id, ANJU, { org: actors.department.organisationId }, [personB.id])).id,
      ownGrant: (
        await one<{ id: string }>(sql`insert into data_requests (kind, status, requester_practitioner_id, requester_name, district_id, use_matter, purpose, scope_text,
            protection_promised, granted_practitioner_ids, granted_fields, expires_on, decided_by_name)
          values ('own', 'approved', ${noticeRow.pid}, ${noticeRow.name}, ${CHUANSHAN}, '本人打印', '求职应聘', '本人使用', true, ${JSON.stringify([noticeRow.pid])}::jsonb,
            '["posts","employment","certificates","records"]'::jsonb, '2026-12-20', '船山区住房和城乡建设局') returning id`)
      ).id,
    };
    // ── end data-use requests ──
    f = {
      dataUse,
      companyId,
      company2Id,
      companyUscc: (await one<{ uscc: string }>(sql`select uscc from companies where id = ${companyId}`)).uscc,
      company2Uscc: (await one<{ uscc: string }>(sql`select uscc from companies where id = ${company2Id}`)).uscc,
      companyUserId: actors.company.userId,
      estateA,
      estateB,
      personA,
      personB,
      entryA: await submission('practitioner_entry', companyId, CHUANSHAN),
      entryB: await submission('practitioner_entry', company2Id, ANJU),
      creditPendingA: await credit('submitted', null, CHUANSHAN),
      creditPendingB: await credit('submitted', null, '', true),
      creditApprovedA,
      creditApprovedB,
      repairA: await submission('credit_repair', null, CHUANSHAN),
      recordPendingA: await record(companyId, CHUANSHAN),
      recordPendingB: await record(null, null),
      rectifyingA: rectifying[0]?.id ?? null,
      rectifyingB: rectifying[1]?.id ?? null,
      filingPending: await submission('company_filing', null, CHUANSHAN),
      contractPendingA: { id: contractPendingA.id, version: 1 },
      contractPendingB: { id: contractPendingB.id, version: 1 },
      contractConfirmedA: await contractConfirmed(companyId, CHUANSHAN),
      contractConfirmedB: await contractConfirmed(company2Id, ANJU),
      boardVersionA: await boardVersion(estateA),
      boardVersionB: await boardVersion(estateB),
      caseA: await insertCase('practitioner', personA.id, companyId, CHUANSHAN),
      caseB: await insertCase('practitioner', personB.id, company2Id, ANJU),
      recordCaseA: await insertCase('credit_record', creditApprovedA.id, companyId, CHUANSHAN),
      recordCaseB: await insertCase('credit_record', creditApprovedB.id, company2Id, ANJU),
      exitA: { id: exitA.submissionId, version: await versionOf(exitA.submissionId) },
      exitB: { id: exitB.submissionId, version: await versionOf(exitB.submissionId) },
      transfer: { id: transfer.submissionId, version: await versionOf(transfer.submissionId) },
      attachmentA: await insertAttachment(creditApprovedA.id),
      attachmentB: await insertAttachment(creditApprovedB.id),
      notice: { code: noticeRow.code, name: noticeRow.name, idNumber: decryptIdNumber(noticeRow.enc, keys()), recordId: noticeRow.id },
      identity: { token: proof.token, forged: `${personB.id}.${proofExpiry}.${proofMac}` },
      otherRecordId: otherRecord.id,
      proposalA: await proposal(actors.company, personA, CHUANSHAN),
      proposalB: await proposal(actors.company2, personB, ANJU),
      complaintA: await complaint(estateA, '13800004441'),
      complaintB: await complaint(estateB, '13800004442'),
      ...(await rectificationOrders(estateA, estateB)),
      badge: {
        valid: must(await reissueBadge(db, actors.company, { practitionerId: personA.id }), 'badge A').code,
        void: must(await reissueBadge(db, actors.company2, { practitionerId: personB.id }), 'badge B').code,
      },
      inboxA: (await one<{ id: string }>(sql`insert into inbox_items (audience, audience_id, kind, title, dedupe_key) values ('company', ${companyId}, 'deadline_soon', '测试消息 A', 'matrix:a') returning id`)).id,
      inboxB: (await one<{ id: string }>(sql`insert into inbox_items (audience, audience_id, kind, title, dedupe_key) values ('company', ${company2Id}, 'deadline_soon', '测试消息 B', 'matrix:b') returning id`)).id,
      creditReport: {
        a: must(await issueOwnCreditReport(db, actors.company, {}, { now: AT }), 'credit report A').code,
        b: must(await issueOwnCreditReport(db, actors.company2, {}, { now: AT }), 'credit report B').code,
      },
      spotCheck: await spotChecks(),
    };
    must(await reissueBadge(db, actors.company2, { practitionerId: personB.id }), 'badge B again');
    rectifyingScope = {
      a: ['city', ...(rectifying[0]?.district_id === CHUANSHAN ? (['chuanshan'] as const) : rectifying[0]?.district_id === SHEHONG ? (['shehong'] as const) : [])],
      b: ['city', ...(rectifying[1]?.district_id === CHUANSHAN ? (['chuanshan'] as const) : rectifying[1]?.district_id === SHEHONG ? (['shehong'] as const) : [])],
    };
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await t.cleanup();
  });

  interface Attempt {
    got: string;
    writes: { relname: string; ins: number; upd: number; del: number }[];
    audits: { action: string; object_type: string }[];
  }

  /** One call inside a transaction that is rolled back: its answer, the tables it wrote and its audit rows. */
  async function attempt(row: Row, who: Who, input: unknown): Promise<Attempt> {
    let out: Attempt | undefined;
    try {
      await db.transaction(async (tx) => {
        const txDb = tx as unknown as Db;
        setDbHandleForTests({ db: txDb } as unknown as DbHandle);
        const actor = who === 'anonymous' ? null : actors[who];
        mocked.sid = actor?.sessionId ?? null;
        mocked.headers = new Headers({ 'x-forwarded-for': '127.0.0.1' });
        // pg_stat_xact_* also show counts of earlier transactions not yet flushed: compare before and after.
        const counters = async () =>
          rowsOf<Attempt['writes'][number]>(
            await txDb.execute(sql`select relname::text as relname, n_tup_ins::int as ins, n_tup_upd::int as upd, n_tup_del::int as del
              from pg_stat_xact_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0`),
          );
        const before = new Map((await counters()).map((w) => [w.relname, w]));
        const [{ seq }] = rowsOf<{ seq: number }>(await txDb.execute(sql`select coalesce(max(seq), 0)::bigint as seq from audit_events`)) as [{ seq: number }];
        let got: string;
        try {
          got = codeOf(await row.via.run({ db: txDb, actor, who, f }, input));
        } catch (e) {
          got = redirectCode(e) ?? `threw ${(e as Error)?.message ?? String(e)}`.slice(0, 200);
        }
        const writes = (await counters())
          .map((w) => {
            const b = before.get(w.relname);
            return { relname: w.relname, ins: w.ins - (b?.ins ?? 0), upd: w.upd - (b?.upd ?? 0), del: w.del - (b?.del ?? 0) };
          })
          .filter((w) => w.ins + w.upd + w.del > 0)
          .sort((x, y) => x.relname.localeCompare(y.relname));
        const audits = rowsOf<Attempt['audits'][number]>(await txDb.execute(sql`select action, object_type from audit_events where seq > ${seq} order by seq`));
        out = { got, writes, audits };
        tx.rollback();
      });
    } catch (e) {
      if (!(e instanceof TransactionRollbackError)) throw e;
    } finally {
      setDbHandleForTests(t.handle);
      mocked.sid = null;
    }
    return out!;
  }

  it.each(ROWS.map((r) => [r.endpoints.join(' + ') + (r.variant ? ` (${r.variant})` : ''), r] as const))('%s', async (_name, base) => {
    // The seeded rectifying entries' districts decide who may inspect them.
    const eff: Row = base.endpoints[0] === 'app/bureau/ratings/actions.ts#inspectRectificationAction' ? { ...base, scope: rectifyingScope } : base;
    const problems: string[] = [];
    for (const obj of objectsOf(eff)) {
      const make = obj === '-' ? (eff.input as { none: (f: Fx) => unknown }).none : (eff.input as Record<'a' | 'b', (f: Fx) => unknown>)[obj];
      for (const who of WHO) {
        const want = expected(eff, who, obj);
        const r = await attempt(eff, who, make(f));
        const cell = `${who}/${obj}`;
        if (!matches(want, r.got)) {
          problems.push(`${cell}: expected ${want}, got ${r.got}`);
          continue;
        }
        if (!DENIALS.has(r.got)) continue;
        // A denial writes nothing but, where the code keeps one, the out-of-scope audit row.
        const auditWanted =
          r.got === 'NOT_FOUND' && who !== 'anonymous' && (eff.audit === 'all' || (eff.audit === 'in-role' && eff.allow !== 'anyone' && eff.allow.includes(who)));
        const allowed = new Set([...(eff.mayWrite ?? []), ...(auditWanted ? ['audit_events'] : [])]);
        const stray = r.writes.filter((w) => !allowed.has(w.relname) && !(w.relname === 'sessions' && w.ins === 0 && w.del === 0));
        if (stray.length) problems.push(`${cell}: a ${r.got} wrote ${stray.map((w) => `${w.relname}(+${w.ins}/~${w.upd}/-${w.del})`).join(', ')}`);
        const audits = r.audits.map((a) => `${a.action}:${a.object_type}`);
        if (auditWanted && !(audits.length === 1 && r.audits[0]!.action === 'access.out_of_scope')) problems.push(`${cell}: expected one access.out_of_scope audit row, got [${audits.join(', ')}]`);
        if (!auditWanted && audits.length) problems.push(`${cell}: a ${r.got} wrote audit rows [${audits.join(', ')}]`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });
});
