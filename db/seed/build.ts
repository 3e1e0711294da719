/**
 * Builds the demo city in memory: every row of every table, deterministically from a seed string and a fixed
 * reference date (never the wall clock). `demo.ts` writes the rows; this module does no I/O.
 *
 * The story is designed, not only random: the list entries, flags and evaluations are derived from the
 * generated records and ratings by the rules of SPEC §3.7/§4, and a few companies are given roles (the clean
 * demo company, a company below 90 two years running, a vetoed one, a banned one…) so that every list and
 * dashboard has something to show. `checkInvariants` verifies the promises before anything is written.
 *
 * Each area lives in a module of its own; the order of the calls below is the order of the random draws, so it
 * is part of the output: changing it changes the city.
 */
import { createContext, type BuildOptions, type DemoData } from './context';
import { addOwnersCommittee, buildOrganisations, buildUsers } from './organisations';
import { buildCompanies } from './companies';
import { buildProjects, pushProjectRows } from './projects';
import { buildContracts } from './contracts';
import { buildStaff, placeCanaries } from './staff';
import { buildFilings } from './company-filings';
import { buildBoards } from './boards';
import { buildStaffRecords } from './staff-records';
import { buildCreditRecords } from './credit-records';
import { buildRatings } from './ratings';
import { buildEvaluations } from './evaluations';
import { addRectificationPassedFlags, addUpgradeFlags, buildLists } from './lists';
import { buildQueues } from './submissions';
import { checkInvariants } from './invariants';

export {
  DEFAULT_REFERENCE_DATE,
  DEFAULT_SEED,
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  type BuildOptions,
  type DemoData,
  type DemoFacts,
  type DemoUsername,
  type Post,
} from './context';
export { checkInvariants } from './invariants';

export function buildDemo(opts: BuildOptions): DemoData {
  const ctx = createContext(opts);
  const { data, seed, REF, policy } = ctx;

  const orgs = buildOrganisations(ctx);
  const cos = buildCompanies(ctx);
  const { demoCompany, demoCompany2, banned, companyById } = cos;
  const { projects, projectById } = buildProjects(ctx, orgs.streets, cos);
  const contracts = buildContracts(ctx, projects, cos);
  const { committeeProject, committeeName } = addOwnersCommittee(ctx, orgs, projects, demoCompany.id);
  pushProjectRows(ctx, projects);

  const staff = buildStaff(ctx, projects, banned.id, contracts);
  buildFilings(ctx, cos.companies, cos.companyRow, projects);
  buildBoards(ctx, projects, contracts.contractsByProject);
  buildStaffRecords(ctx, orgs, staff.people, projectById, companyById);

  const credit = buildCreditRecords(ctx, orgs, cos, contracts, projects, projectById);
  const ratings = buildRatings(ctx, cos, projects, contracts.contractsByProject, orgs.userId);
  buildEvaluations(ctx, cos, credit.wRng, credit.ordinaryPool);
  const { greenChannel } = buildLists(ctx, cos, contracts, ratings, credit.vetoRecord, projectById);
  buildQueues(ctx, cos, cos.others, staff.pendingPeople, greenChannel, projectById, orgs.userId);
  buildUsers(ctx, orgs, { companyId: demoCompany.id, company2Id: demoCompany2.id, committeeProject });
  addUpgradeFlags(ctx, ratings);
  const canaries = placeCanaries(
    ctx,
    projects,
    staff.usedIds,
    (companyId) => companyById.get(companyId)!.role === 'ordinary',
    (p) => p === ratings.brink || p === committeeProject || ratings.forced.has(p.id),
  );

  addRectificationPassedFlags(ctx);
  const { orgId, orgName } = orgs;
  data.facts = {
    seed,
    referenceDate: REF,
    canaries,
    company: { id: demoCompany.id, name: demoCompany.name, uscc: demoCompany.uscc },
    company2: { id: demoCompany2.id, name: demoCompany2.name, uscc: demoCompany2.uscc },
    committee: { organisationId: orgId.committee, name: committeeName, projectId: committeeProject.id, projectName: committeeProject.name },
    bannedCompany: { id: banned.id, name: banned.name },
    street: {
      organisationId: orgId.street.get(committeeProject.street.id)!,
      name: orgName.get(orgId.street.get(committeeProject.street.id)!)!,
      streetId: committeeProject.street.id,
    },
  };
  checkInvariants(data, policy);
  return data;
}
