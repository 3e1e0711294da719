/** Service contracts: each estate's current confirmed contract and its history (ended, terminated), including
 * the estates the banned company lost and the one the vetoed company walked away from. */
import type * as schema from '../schema';
import { addDays, addYears, at } from './random';
import { minDate, money, residential, type ProjectInfo, type Row, type SeedContext } from './context';
import type { Companies } from './companies';

export type Contracts = ReturnType<typeof buildContracts>;

export function buildContracts(ctx: SeedContext, projects: ProjectInfo[], cos: Companies) {
  const { data, policy, root, uuid, REF } = ctx;
  const { demoCompany, banned, byRole, companyById, approvedCompanies } = cos;
  const kRng = root.fork('contracts');
  const contractsByProject = new Map<string, Row<typeof schema.serviceContracts>[]>();
  const addContract = (c: Row<typeof schema.serviceContracts>) => {
    data.serviceContracts.push(c);
    const list = contractsByProject.get(c.projectId) ?? [];
    list.push(c);
    contractsByProject.set(c.projectId, list);
    return c;
  };
  const fees = (p: ProjectInfo) => {
    const rate =
      p.type === '商业' || p.type === '办公'
        ? kRng.float(2.5, 5)
        : p.type === '老旧小区'
          ? kRng.float(0.35, 0.6)
          : p.type === '安置小区'
            ? kRng.float(0.5, 0.9)
            : kRng.float(0.9, 2.4);
    // ZJ 9: the bond is at least 5 % of a year's fees and at most 300,000 yuan, so fees stay under 6 million.
    const annual = Math.min(Math.round(p.floorArea * rate * 12), 5_800_000 + kRng.int(0, 90_000));
    const min = Math.ceil((annual * policy.bond.minShareOfAnnualFees) / 100) * 100;
    const max = Math.min(policy.bond.maxYuan, Math.floor((annual * 0.08) / 100) * 100);
    const bond = max <= min ? min : min + Math.floor(kRng.int(0, max - min) / 100) * 100;
    return { annualFees: money(annual), bondAmount: money(bond) };
  };

  // Estates the banned company lost in 2025 and the estate the vetoed company walked away from.
  const bannedLost = kRng.sample(
    projects.filter((p) => p.districtId === '510903' && residential(p) && companyById.get(p.companyId)!.role === 'ordinary'),
    4,
  );
  const vetoCompany = byRole.get('veto')!;
  const vetoLost = kRng.pick(
    projects.filter((p) => p.districtId === '510904' && residential(p) && companyById.get(p.companyId)!.role === 'ordinary'),
  );
  const VETO_EXIT = '2025-10-20';
  const noticeProjects = new Set(
    kRng
      .sample(
        projects.filter((p) => ![demoCompany.id].includes(p.companyId) && !bannedLost.includes(p) && p !== vetoLost),
        6,
      )
      .map((p) => p.id),
  );
  const endingSoonNoNotice = new Set(
    kRng
      .sample(
        projects.filter((p) => p.companyId !== demoCompany.id && !noticeProjects.has(p.id) && !bannedLost.includes(p) && p !== vetoLost),
        2,
      )
      .map((p) => p.id),
  );

  for (const p of projects) {
    let start: string;
    let end: string;
    if (bannedLost.includes(p)) {
      start = kRng.date('2025-04-01', '2025-05-31');
    } else if (p === vetoLost) {
      start = addDays(VETO_EXIT, 12);
    } else if (noticeProjects.has(p.id)) {
      end = kRng.date(addDays(REF, 95), addDays(REF, 145));
      start = addDays(addYears(end, -kRng.int(3, 4)), 1);
    } else if (endingSoonNoNotice.has(p.id)) {
      end = kRng.date(addDays(REF, 20), addDays(REF, 80));
      start = addDays(addYears(end, -3), 1);
    } else if (companyById.get(p.companyId)!.role !== 'ordinary') {
      // Companies with a designed story have served their estates since before the story's first record.
      start = kRng.date('2022-01-01', '2023-12-31');
    } else {
      start = kRng.date('2022-01-01', '2025-09-30');
    }
    if (!end!) {
      let years = kRng.int(3, 5);
      end = addDays(addYears(start, years), -1);
      while (end <= addDays(REF, 30)) {
        years++;
        end = addDays(addYears(start, years), -1);
      }
    }
    const id = uuid();
    p.contractStart = start;
    p.contractId = id;
    const confirmedOn = addDays(start, -kRng.int(3, 20));
    addContract({
      id,
      projectId: p.id,
      companyId: p.companyId,
      startDate: start,
      endDate: end,
      ...fees(p),
      status: 'confirmed',
      confirmedAt: at(confirmedOn, 16),
      nonRenewalNoticeOn: noticeProjects.has(p.id)
        ? kRng.date(addDays(end, -150), minDate(addDays(end, -(policy.nonRenewalNoticeDays + 1)), addDays(REF, -1)))
        : null,
      createdAt: at(addDays(confirmedOn, -kRng.int(2, 10)), 10),
    });

    // History.
    if (bannedLost.includes(p)) {
      const prevStart = kRng.date('2019-01-01', '2022-06-30');
      const exited = addDays(start, -1);
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: banned.id,
        startDate: prevStart,
        endDate: addDays(addYears(prevStart, 5), -1),
        ...fees(p),
        status: 'terminated',
        confirmedAt: at(addDays(prevStart, -7), 16),
        exitedOn: exited,
        exitReason: '被列入物业服务市场禁入名单，依法退出项目（DW 14）',
        handoverDone: true,
        createdAt: at(addDays(prevStart, -12), 10),
      });
    } else if (p === vetoLost) {
      const prevStart = '2024-03-01';
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: vetoCompany.id,
        startDate: prevStart,
        endDate: '2027-02-28',
        ...fees(p),
        status: 'terminated',
        confirmedAt: at('2024-02-20', 16),
        exitedOn: VETO_EXIT,
        exitReason: '合同期内以经营亏损为由擅自撤出，未办理交接',
        handoverDone: false,
        createdAt: at('2024-02-15', 10),
      });
    } else if (kRng.chance(0.15) && start >= '2022-06-01') {
      const prev = kRng.pick(approvedCompanies.filter((c) => c.id !== p.companyId && !c.role.startsWith('demo')));
      const prevEnd = addDays(start, -1);
      const prevStart = addDays(addYears(prevEnd, -kRng.int(3, 5)), 1);
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: prev.id,
        startDate: prevStart,
        endDate: prevEnd,
        ...fees(p),
        status: 'ended',
        confirmedAt: at(addDays(prevStart, -9), 16),
        createdAt: at(addDays(prevStart, -15), 10),
      });
    }
  }
  return { contractsByProject, bannedLost, vetoCompany, vetoLost, VETO_EXIT };
}
