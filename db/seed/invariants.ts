/** The promises of the brief and SPEC §5, checked before anything is written (a broken seed fails loudly). */
import { defaultCreditPolicy, type CreditPolicy } from '../../lib/domain/credit-policy';
import { DEMO_USERNAMES, type DemoData } from './context';

export function checkInvariants(d: DemoData, policy: CreditPolicy = defaultCreditPolicy) {
  const fail = (msg: string) => {
    throw new Error(`Demo seed invariant violated: ${msg}`);
  };
  if (d.companies.length < 45) fail('fewer than 45 companies');
  if (d.projects.length < 320) fail('fewer than 320 estates');
  if (d.practitioners.length < 5200) fail(`only ${d.practitioners.length} practitioners`);
  for (const k of d.serviceContracts) {
    const fees = Number(k.annualFees);
    const bond = Number(k.bondAmount);
    if (bond < fees * policy.bond.minShareOfAnnualFees - 1e-6 || bond > policy.bond.maxYuan) fail(`bond rule broken on contract ${k.id}`);
  }
  const current = new Map<string, number>();
  for (const e of d.employments) if (e.status === 'current') current.set(e.practitionerId, (current.get(e.practitionerId) ?? 0) + 1);
  for (const p of d.practitioners) {
    const n = current.get(p.id!) ?? 0;
    if (p.status === 'active' ? n !== 1 : n !== 0) fail(`practitioner ${p.id} (${p.status}) has ${n} current employments`);
  }
  const projectCompany = new Map(d.projects.map((p) => [p.id!, p.currentCompanyId]));
  for (const e of d.employments) {
    if (e.status === 'current' && projectCompany.get(e.projectId!) !== e.companyId) fail(`employment ${e.id} not at its company's estate`);
  }
  const managers = new Map<string, number>();
  for (const e of d.employments) if (e.status === 'current' && e.post === '项目负责人') managers.set(e.projectId!, (managers.get(e.projectId!) ?? 0) + 1);
  for (const p of d.projects) if (managers.get(p.id!) !== 1) fail(`estate ${p.name} has ${managers.get(p.id!) ?? 0} project managers`);
  const live = (e: DemoData['listEntries'][number]) => e.status === 'active' || e.status === 'rectifying';
  const red = d.listEntries.filter((e) => e.list === 'red' && live(e));
  const black = d.listEntries.filter((e) => e.list === 'black' && live(e));
  if (red.length < 10) fail(`only ${red.length} active red entries`);
  if (black.length < 6) fail(`only ${black.length} active black entries`);
  if (d.listEntries.filter((e) => !live(e)).length < 3) fail('fewer than 3 historical list entries');
  if (black.some((e) => e.companyId === d.facts.company.id)) fail('the demo company is on the black list');
  if (!red.some((e) => e.companyId === d.facts.company.id)) fail('the demo company is not on the red list');
  const demoEval = d.annualEvaluations.find((e) => e.companyId === d.facts.company.id && e.year === 2025);
  if (demoEval?.grade !== 'A') fail('the demo company is not grade A');
  const below = (y: number) => d.annualEvaluations.filter((e) => e.year === y && !e.vetoed && Number(e.score) < policy.interviewBelow);
  if (below(2025).length < 3) fail('fewer than 3 companies below 90 in 2025');
  if (!below(2024).some((e) => below(2025).some((f) => f.companyId === e.companyId))) fail('no company below 90 in 2024 and 2025');
  for (const rule of ['DW8-performance', 'DW14-three-excellent', 'DW14-three-poor', 'DW11-veto', 'ZT5.3-two-years', 'DW14-market-ban', 'severe-warning']) {
    if (!d.listEntries.some((e) => e.rule === rule && live(e))) fail(`no active list entry for rule ${rule}`);
  }
  const streaks = (rating: string) => {
    const byProject = new Map<string, string[]>();
    for (const r of [...d.estateRatings].sort((a, b) => a.year * 10 + a.quarter - (b.year * 10 + b.quarter))) {
      byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r.rating]);
    }
    return [...byProject.values()].filter((rs) => rs.some((_, i) => i + 2 < rs.length && rs.slice(i, i + 3).every((x) => x === rating))).length;
  };
  if (streaks('差') < 2) fail('fewer than 2 estates rated 差 three times in a row');
  if (streaks('优秀') < 3) fail('fewer than 3 estates rated 优秀 three times in a row');
  if (!d.companyFlags.some((f) => f.flag === 'upgrade_priority')) fail('no upgrade-priority flag for three 良好 in a row');
  if (d.users.length !== DEMO_USERNAMES.length) fail('demo users missing');
  for (const b of d.disclosureBoards) if (!(b.data as { updatedOn?: string }).updatedOn) fail('board without updatedOn');
}
