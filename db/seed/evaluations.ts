/** Annual evaluations (2025 for every approved company; 2024 for a few) and the interviews and risk-warning
 * letters (ZT 五.3) for every evaluation below 90. */
import type * as schema from '../schema';
import { addDays, at, type Rng } from './random';
import { gradeOf, money, type CompanyInfo, type Row, type SeedContext } from './context';
import type { Companies } from './companies';

/** `wRng` is the credit records' generator: the 2024 sample of ordinary companies is drawn from it. */
export function buildEvaluations(ctx: SeedContext, cos: Companies, wRng: Rng, ordinaryPool: CompanyInfo[]) {
  const { data, policy, uuid } = ctx;
  const { demoCompany, demoCompany2, banned, approvedCompanies, companyById } = cos;
  const role = (r: string) => cos.byRole.get(r)!;
  const two = role('twoYears');

  const evalYear = (c: CompanyInfo, year: number, computedOn: string, publishedOn: string) => {
    const inYear = data.creditRecords.filter(
      (r) => r.companyId === c.id && r.status === 'approved' && r.points != null && r.occurredOn.startsWith(String(year)),
    );
    const veto = inYear.find((r) => r.vetoType);
    const breakdown = inYear
      .filter((r) => r.category !== 'basic')
      .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : 1))
      .map((r) => ({
        recordId: r.id,
        label: `${r.category === 'performance' ? '业绩' : '警示'}：${r.type}（${r.occurredOn}）`,
        points: r.category === 'performance' ? Number(r.points) : -Number(r.points),
        countsUntil: r.publicUntil ?? null,
      }));
    const raw = policy.annualBaseScore + breakdown.reduce((s, b) => s + b.points, 0);
    const score = Math.max(0, Math.min(policy.annualBaseScore, raw));
    const row: Row<typeof schema.annualEvaluations> = {
      id: uuid(),
      companyId: c.id,
      year,
      score: veto ? null : money(score),
      grade: veto ? 'D' : gradeOf(score, policy),
      vetoed: !!veto,
      breakdown,
      policyVersion: 1,
      computedAt: at(computedOn, 10),
      publishedAt: at(publishedOn, 10),
    };
    data.annualEvaluations.push(row);
    return row;
  };
  const eval2024Companies = [two, banned, role('repaired'), role('low3'), ...wRng.sample(ordinaryPool, 6), demoCompany, demoCompany2];
  // Companies approved during 2024 have no 2024 evaluation.
  eval2024Companies.splice(0, eval2024Companies.length, ...eval2024Companies.filter((c) => c.approvedOn! < '2024-01-01'));
  for (const c of eval2024Companies) evalYear(c, 2024, '2025-01-10', '2025-01-20');
  for (const c of approvedCompanies) evalYear(c, 2025, '2026-01-10', '2026-01-20');

  // Interviews and risk-warning letters (ZT 五.3) for every evaluation below 90.
  for (const e of data.annualEvaluations) {
    if (e.vetoed || Number(e.score) >= policy.interviewBelow) continue;
    const c = companyById.get(e.companyId)!;
    const on = addDays(String(e.publishedAt!.toISOString().slice(0, 10)), 7);
    data.notices.push({
      id: uuid(),
      kind: 'interview',
      companyId: c.id,
      districtId: c.districtId,
      title: `${e.year}年度信用评价约谈及风险提示`,
      body: `${c.name}${e.year}年度信用评价得分为${Number(e.score).toFixed(2)}分，低于${policy.interviewBelow}分。依据《昭通市加强和规范物业管理服务工作的指导意见》五.3，定于${on}进行约谈，并下发风险提示函。`,
      relatedType: 'annual_evaluation',
      relatedId: e.id,
      dueOn: on,
      status: 'closed',
      createdAt: at(addDays(on, -5), 9),
    });
  }
}
