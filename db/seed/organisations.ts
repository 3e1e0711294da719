/** The regions, the organisations (bureaus, street offices, association, department, owners' committee), the
 * credit policy in force and the demo accounts (SPEC §5). */
import type * as schema from '../schema';
import { ROLE_USER_NAMES, DISTRICT_NAMES } from './names';
import { buildRegions, CITY, DISTRICTS, streetOfficeName } from './regions';
import { at } from './random';
import { DEMO_USERNAMES, type DemoUsername, type ProjectInfo, type Row, type SeedContext } from './context';

export type Organisations = ReturnType<typeof buildOrganisations>;

export function buildOrganisations(ctx: SeedContext) {
  const { data, policy, uuid } = ctx;

  const { rows: regionRows, streets } = buildRegions();
  data.regions = regionRows;
  const orgId = {
    city: uuid(),
    association: uuid(),
    department: uuid(),
    committee: uuid(),
    district: new Map<string, string>(),
    street: new Map<string, string>(),
  };
  data.organisations.push({ id: orgId.city, kind: 'city_bureau', name: '遂宁市住房和城乡建设局', regionId: CITY.id });
  for (const d of DISTRICTS) {
    const id = uuid();
    orgId.district.set(d.id, id);
    data.organisations.push({ id, kind: 'district_bureau', name: d.bureau, regionId: d.id });
  }
  for (const s of streets) {
    const id = uuid();
    orgId.street.set(s.id, id);
    data.organisations.push({ id, kind: 'street_office', name: streetOfficeName(DISTRICT_NAMES[s.districtId], s.name), regionId: s.id });
  }
  data.organisations.push({ id: orgId.association, kind: 'association', name: '遂宁市物业管理协会', regionId: CITY.id });
  data.organisations.push({ id: orgId.department, kind: 'department', name: '遂宁市市场监督管理局', regionId: CITY.id });
  const orgName = new Map(data.organisations.map((o) => [o.id!, o.name]));
  // The owners' committee is added once its estate is chosen.

  data.creditPolicies.push({
    version: 1,
    settings: policy,
    reason: '初始默认政策（SPEC §4）',
    createdAt: at('2024-01-01', 9),
  });

  const userId: Record<DemoUsername, string> = Object.fromEntries(DEMO_USERNAMES.map((u) => [u, uuid()])) as Record<
    DemoUsername,
    string
  >;
  return { streets, orgId, orgName, userId };
}

/** The owners' committee: one of the demo company's 船山区 estates. */
export function addOwnersCommittee(ctx: SeedContext, orgs: Organisations, projects: ProjectInfo[], demoCompanyId: string) {
  const { data } = ctx;
  const { orgId, orgName } = orgs;
  const committeeProject = projects.find((p) => p.companyId === demoCompanyId && p.districtId === '510903')!;
  committeeProject.hasOwnersCommittee = true;
  const committeeName = `${committeeProject.name}业主委员会`;
  data.organisations.push({
    id: orgId.committee,
    kind: 'owners_committee',
    name: committeeName,
    regionId: committeeProject.communityId,
    projectId: committeeProject.id,
  });
  orgName.set(orgId.committee, committeeName);

  return { committeeProject, committeeName };
}

export function buildUsers(
  ctx: SeedContext,
  orgs: Organisations,
  demo: { companyId: string; company2Id: string; committeeProject: ProjectInfo },
) {
  const { data, opts } = ctx;
  const { orgId, userId } = orgs;
  const { committeeProject } = demo;
  const userRow = (
    username: DemoUsername,
    role: (typeof schema.role.enumValues)[number],
    extra: Partial<Row<typeof schema.users>>,
  ): Row<typeof schema.users> => ({
    id: userId[username],
    username,
    displayName: ROLE_USER_NAMES[username],
    passwordHash: opts.passwordHashes[username],
    role,
    isDemo: true,
    mustChangePassword: false,
    ...extra,
  });
  data.users = [
    userRow('city', 'city', { organisationId: orgId.city }),
    userRow('chuanshan', 'district', { districtId: '510903', organisationId: orgId.district.get('510903') }),
    userRow('shehong', 'district', { districtId: '510981', organisationId: orgId.district.get('510981') }),
    userRow('company', 'company', { companyId: demo.companyId }),
    userRow('company2', 'company', { companyId: demo.company2Id }),
    userRow('association', 'association', { organisationId: orgId.association }),
    userRow('committee', 'committee', { organisationId: orgId.committee }),
    userRow('department', 'department', { organisationId: orgId.department }),
    userRow('street', 'street', { organisationId: orgId.street.get(committeeProject.street.id), districtId: committeeProject.districtId }),
  ];
}

/** Names of the district bureau of a district and of the street office of an estate. */
export function orgNames(orgs: Organisations) {
  const { orgId, orgName } = orgs;
  return {
    districtBureauName: (districtId: string) => orgName.get(orgId.district.get(districtId)!)!,
    streetOfficeOf: (p: ProjectInfo) => orgName.get(orgId.street.get(p.street.id)!)!,
  };
}
