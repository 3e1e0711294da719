/**
 * Who is asking comes before what is asked (issue 13, finding 1: "authenticate before parsing anywhere"). Every
 * server action is reachable by anyone who reads the JS chunks, so a service answers an anonymous caller
 * UNAUTHENTICATED and a signed-in caller of the wrong role FORBIDDEN whatever the input: never field errors,
 * never a 500, nothing written, nothing learned about the shape of the form.
 *
 * Each service is called with garbage — prototype-polluting keys, a 10,000-character id, wrong types, null,
 * a bare string, an array — once anonymously and once as an account of a role the service refuses.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/policy';
import { createCompanyAccount } from '@/lib/services/accounts';
import { decideFiling, saveFiling, withdrawFiling } from '@/lib/services/company-filing';
import { confirmCreditRecord, filePerformanceRecord, publishPenalty, rejectCreditRecord, reportWarning, setRecordStatement } from '@/lib/services/credit-records';
import { answerComplaint, decideComplaint } from '@/lib/services/complaints';
import { applyForRepair, decideRepair } from '@/lib/services/credit-repair';
import { publishEvaluation, runEvaluation } from '@/lib/services/evaluations';
import { handleObjection } from '@/lib/services/objections';
import { addPractitionerPhoto, resubmitEntry } from '@/lib/services/practitioner-correction';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { answerTransfer, overrideTransfer, requestExit, requestPostChange, requestReEntry, requestTransfer, submitTransferUpdate, withdrawMove } from '@/lib/services/practitioner-moves';
import { decideRecord, enterBadRecord, fileAssociationCommendation, fileBadReport, fileGoodRecord } from '@/lib/services/practitioner-records';
import { decidePractitionerSubmission, viewFullIdNumber } from '@/lib/services/practitioner-review';
import { publishQuarter, recordRectificationInspection, saveQuarterRatings } from '@/lib/services/ratings';
import { fileCompanyRecordObjection, handleRecordObjection } from '@/lib/services/record-objections';
import { importRoster } from '@/lib/services/roster-import';
import { recordVeto } from '@/lib/services/veto';
import { importEstates, importRegions } from '@/lib/services/city-setup';
import { decideEstateProposal, editEstate, proposeEstate } from '@/lib/services/estates';
import { changeAccountScope, createRoleAccount, deactivateAccount, resetAccountPassword } from '@/lib/services/role-accounts';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-20';
const LONG = 'x'.repeat(10_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = (db: Db, actor: Actor | null, input: any, opts?: any) => Promise<ActionResult<unknown>>;

/** Inputs no form sends. Each would answer INVALID (or worse) if it were parsed before the caller is known. */
const GARBAGE: [string, () => unknown][] = [
  [
    'prototype keys and a 10,000-character id',
    () => ({ __proto__: { today: '2000-01-01', isAdmin: true }, id: LONG, submissionId: LONG, caseId: LONG, practitionerId: LONG, data: { __proto__: { role: 'city' }, recordId: LONG } }),
  ],
  ['own __proto__ / constructor / prototype keys (as JSON.parse makes them)', () => JSON.parse(`{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"data":{"__proto__":{"polluted":"yes"}},"id":"${LONG}"}`)],
  ['wrong types everywhere', () => ({ id: -1e308, expectedVersion: 'NaN', version: {}, year: [], quarter: 2026, scores: 'all', decision: true, data: 42, evidence: 'nope', bytes: 'PK', informed: 'yes', photo: 7 })],
  ['null', () => null],
  ['a bare long string', () => LONG],
  ['an array', () => [1, 'two', { three: 3 }]],
];

/**
 * The services, across the areas of the platform, with an account whose role each refuses (the authorization
 * matrix's `allow` lists name who may call them).
 */
const SERVICES: [string, string, Service][] = [
  // city
  ['createCompanyAccount', 'company', createCompanyAccount],
  // first day of a real city
  ['importRegions', 'chuanshan', importRegions],
  ['importEstates', 'company', importEstates],
  ['createRoleAccount', 'chuanshan', createRoleAccount],
  ['deactivateAccount', 'street', deactivateAccount],
  ['resetAccountPassword', 'committee', resetAccountPassword],
  ['changeAccountScope', 'department', changeAccountScope],
  ['proposeEstate', 'city', proposeEstate],
  ['editEstate', 'company', editEstate],
  ['decideEstateProposal', 'chuanshan', decideEstateProposal],
  ['runEvaluation', 'chuanshan', runEvaluation],
  ['publishEvaluation', 'company', publishEvaluation],
  ['publishQuarter', 'shehong', publishQuarter],
  ['decideFiling', 'company', decideFiling],
  // bureaus
  ['confirmCreditRecord', 'company', confirmCreditRecord],
  ['rejectCreditRecord', 'street', rejectCreditRecord],
  ['publishPenalty', 'company2', publishPenalty],
  ['decideRepair', 'company', decideRepair],
  ['saveQuarterRatings', 'committee', saveQuarterRatings],
  ['recordRectificationInspection', 'company', recordRectificationInspection],
  ['decideRecord', 'association', decideRecord],
  ['enterBadRecord', 'company', enterBadRecord],
  ['decidePractitionerSubmission', 'company', decidePractitionerSubmission],
  ['overrideTransfer', 'company2', overrideTransfer],
  ['handleRecordObjection', 'company', handleRecordObjection],
  ['recordVeto', 'department', recordVeto],
  ['decideComplaint', 'company', decideComplaint],
  // bureaus and companies
  ['viewFullIdNumber', 'street', viewFullIdNumber],
  ['handleObjection', 'association', handleObjection],
  // companies
  ['saveFiling', 'city', saveFiling],
  ['withdrawFiling', 'chuanshan', withdrawFiling],
  ['filePerformanceRecord', 'street', filePerformanceRecord],
  ['setRecordStatement', 'city', setRecordStatement],
  ['applyForRepair', 'chuanshan', applyForRepair],
  ['fileCompanyRecordObjection', 'city', fileCompanyRecordObjection],
  ['submitEntry', 'city', submitEntry],
  ['resubmitEntry', 'chuanshan', resubmitEntry],
  ['addPractitionerPhoto', 'committee', addPractitionerPhoto],
  ['importRoster', 'city', importRoster],
  ['requestPostChange', 'city', requestPostChange],
  ['requestTransfer', 'chuanshan', requestTransfer],
  ['requestReEntry', 'department', requestReEntry],
  ['answerTransfer', 'street', answerTransfer],
  ['submitTransferUpdate', 'city', submitTransferUpdate],
  ['requestExit', 'committee', requestExit],
  ['withdrawMove', 'chuanshan', withdrawMove],
  ['fileGoodRecord', 'street', fileGoodRecord],
  ['answerComplaint', 'chuanshan', answerComplaint],
  // other organisations
  ['reportWarning', 'company', reportWarning],
  ['fileBadReport', 'committee', fileBadReport],
  ['fileAssociationCommendation', 'company', fileAssociationCommendation],
];

describe.each(DRIVERS)('authenticate before parsing (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const actors = new Map<string, Actor>();

  /** Every row the services could write: a denial writes none of them (the audit log included). */
  const footprint = async () =>
    rowsOf<{ audit: number; submissions: number; records: number; cases: number; credit: number; attachments: number }>(
      await db.execute(sql`select
        (select count(*)::int from audit_events) as audit,
        (select count(*)::int from submissions) as submissions,
        (select count(*)::int from practitioner_records) as records,
        (select count(*)::int from cases) as cases,
        (select count(*)::int from credit_records) as credit,
        (select count(*)::int from attachments) as attachments`),
    )[0];

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const who of new Set(SERVICES.map(([, w]) => w))) actors.set(who, await actorFor(db, who));
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('covers at least ten services across the areas', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SERVICES.map(([, w]) => w)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(SERVICES)('%s: anonymous garbage answers UNAUTHENTICATED, never field errors', async (_name, _who, fn) => {
    const before = await footprint();
    for (const [what, make] of GARBAGE) {
      const r = await fn(db, null, make(), { today: TODAY });
      expect({ what, code: r.ok ? 'OK' : r.code, fieldErrors: r.ok ? undefined : r.fieldErrors }).toEqual({ what, code: 'UNAUTHENTICATED', fieldErrors: undefined });
    }
    expect(await footprint()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(SERVICES)('%s: a refused role with garbage answers FORBIDDEN, never field errors (as %s)', async (_name, who, fn) => {
    const actor = actors.get(who)!;
    const before = await footprint();
    for (const [what, make] of GARBAGE) {
      const r = await fn(db, actor, make(), { today: TODAY });
      expect({ what, code: r.ok ? 'OK' : r.code, fieldErrors: r.ok ? undefined : r.fieldErrors }).toEqual({ what, code: 'FORBIDDEN', fieldErrors: undefined });
    }
    expect(await footprint()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the same garbage from an allowed account is parsed and answered INVALID, not thrown', async () => {
    // The other side of the order: once the caller may ask, the input is checked (field errors are for them).
    const city = await actorFor(db, 'city');
    for (const [, make] of GARBAGE) {
      const r = await decideFiling(db, city, make(), { today: TODAY });
      expect(r).toMatchObject({ ok: false, code: 'INVALID' });
    }
    const company = await actorFor(db, 'company');
    const r = await requestExit(db, company, { practitionerId: LONG, leftOn: 'yesterday', reason: 7 }, { today: TODAY });
    expect(r.ok ? null : Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['leftOn', 'practitionerId', 'reason']);
  });
});
