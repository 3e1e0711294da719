/**
 * Supervision in the demo city (SPEC §3.12): the reference year's roster verifications of half of the served
 * estates of each district (never the demo companies' estates, so the district accounts have work to do: coverage
 * below 100 %), one open rectification order (company2, due after the reference date + 90 days) and one overdue
 * order (company, 船山区, due before the reference date, not yet escalated: the district's page shows 通报批评…).
 * No random draws (ids come last from the shared generator): the rest of the city is unchanged.
 */
import { addCalendarDays } from '../../lib/domain/working-days';
import type { ProjectInfo, SeedContext } from './context';

export function buildSupervision(ctx: SeedContext, projects: ProjectInfo[], demo: { company: string; company2: string }, users: { chuanshan: string }) {
  const { data, REF, uuid } = ctx;
  const year = Number(REF.slice(0, 4));
  const served = projects.filter((p) => p.companyId).sort((a, b) => (a.districtId + a.id).localeCompare(b.districtId + b.id));
  const byDistrict = new Map<string, ProjectInfo[]>();
  for (const p of served) byDistrict.set(p.districtId, [...(byDistrict.get(p.districtId) ?? []), p]);
  for (const list of byDistrict.values()) {
    list.forEach((p, i) => {
      if (i % 2 === 1 || p.companyId === demo.company || p.companyId === demo.company2) return;
      const clean = i % 4 === 0;
      data.rosterVerifications.push({
        id: uuid(),
        projectId: p.id,
        year,
        districtId: p.districtId,
        companyId: p.companyId,
        verifiedOn: addCalendarDays(REF, -30 - (i % 20)),
        verifiedAt: new Date(`${addCalendarDays(REF, -30 - (i % 20))}T02:00:00Z`),
        checks: ['all_registered', 'posts_match', 'identity_true', 'certificates_valid', 'photos_present', 'labour_contracts'],
        staffCount: p.staff.length,
        discrepancyCount: clean ? 0 : 1,
        discrepancies: clean ? null : '1 名保洁员证件照模糊，已要求企业当场重新上传。',
        followUp: clean ? 'none' : 'corrected',
        note: null,
        verifiedBy: null,
      });
    });
  }
  const first = (company: string) => served.find((p) => p.companyId === company);
  const a = first(demo.company2);
  if (a) {
    data.rectificationOrders.push({
      id: uuid(),
      companyId: demo.company2,
      districtId: a.districtId,
      ground: 'not_entered',
      facts: `检查发现${a.name}有 2 名秩序维护员在岗工作，但未在平台录入从业人员信息。`,
      projectIds: [a.id],
      issuedOn: addCalendarDays(REF, -5),
      dueOn: addCalendarDays(REF, 90),
      status: 'open',
      issuedBy: null,
    });
  }
  const b = served.find((p) => p.companyId === demo.company && p.districtId === '510903') ?? first(demo.company);
  if (b) {
    data.rectificationOrders.push({
      id: uuid(),
      companyId: demo.company,
      districtId: b.districtId,
      ground: 'falsified',
      facts: `核查发现${b.name}名册中 1 名电工的特种作业操作证编号与发证机关记录不符，系录入虚假证书信息。`,
      projectIds: [b.id],
      issuedOn: addCalendarDays(REF, -40),
      dueOn: addCalendarDays(REF, -10),
      status: 'open',
      issuedBy: users.chuanshan,
    });
  }
}
