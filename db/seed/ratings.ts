/** Quarterly estate ratings (DW 14) and their publications, with the designed streaks: two estates rated 差
 * three times, one rectified, four 优秀 estates, and one on the brink. */
import { addDays, at } from './random';
import { QUARTERS, ratingOf, residential, type DemoUsername, type ProjectInfo, type Rating, type SeedContext } from './context';
import type { Companies } from './companies';
import type { Contracts } from './contracts';

export type Ratings = ReturnType<typeof buildRatings>;

export function buildRatings(
  ctx: SeedContext,
  cos: Companies,
  projects: ProjectInfo[],
  contractsByProject: Contracts['contractsByProject'],
  userId: Record<DemoUsername, string>,
) {
  const { data, policy, root, uuid } = ctx;
  const { demoCompany, blackRoles, companyById } = cos;
  const role = (r: string) => cos.byRole.get(r)!;

  const qRng = root.fork('ratings');
  const rated = projects.filter(residential);
  const forced = new Map<string, number[]>();
  const pickEstate = (companyId: string, districtId?: string) =>
    qRng.pick(rated.filter((p) => p.companyId === companyId && (!districtId || p.districtId === districtId) && !forced.has(p.id)));
  const poorA = pickEstate(role('poor1').id);
  const poorB = pickEstate(role('poor2').id);
  const rectified = pickEstate(role('passedRect').id);
  forced.set(poorA.id, [78.5, qRng.float(66, 73), qRng.float(64, 72), qRng.float(65, 73)]);
  forced.set(poorB.id, [qRng.float(76, 80), qRng.float(68, 74), qRng.float(66, 73), qRng.float(67, 74)]);
  forced.set(rectified.id, [qRng.float(68, 73), qRng.float(66, 72), qRng.float(69, 74), qRng.float(80, 84)]);
  const excellentEstates = [
    pickEstate(demoCompany.id, '510903'),
    pickEstate(demoCompany.id, '510981'),
    pickEstate(role('excellent').id),
    pickEstate(role('excellent').id),
  ];
  for (const p of excellentEstates) forced.set(p.id, [qRng.float(88, 92), qRng.float(90.5, 96), qRng.float(91, 97), qRng.float(90.5, 96)]);

  // An estate on the brink: 差 in the last two published quarters (2026Q2, Q3), so one more 差 in 2026Q4 puts its
  // company on the black list (DW 14) — the demo of publication, used by tests/e2e/ratings.spec.ts. Chosen without
  // drawing from the generator, and its scores are overwritten after the usual draws, so the rest of the city is unchanged.
  const brink = rated.find((p) => p.districtId === '510903' && !forced.has(p.id) && companyById.get(p.companyId)!.role === 'ordinary')!;
  const BRINK_SCORES = [81.5, 80, 72.5, 71];
  const ratingsByProject = new Map<string, { score: number; rating: Rating; companyId: string }[]>();
  for (const p of rated) {
    const c = companyById.get(p.companyId)!;
    const mean = qRng.normal(c.quality, 2.6);
    let scores = forced.get(p.id) ?? QUARTERS.map(() => qRng.normal(mean, 2.4, 60, 99));
    if (!forced.has(p.id)) {
      // No accidental three-in-a-row 差 (those are designed), and none of 优秀 for companies on a black-list path.
      scores = scores.map((s) => Math.max(s, 70));
      for (let i = 0; i + 2 < 4; i++) {
        if (scores.slice(i, i + 3).every((s) => s < policy.estateRating.good)) scores[i + 1] = 76 + qRng.float(0, 3);
      }
      if (blackRoles.has(c.role) || c.role === 'passedRect') scores = scores.map((s) => Math.min(s, 89.5));
      if (p === brink) scores = BRINK_SCORES;
    }
    const rows = scores.map((s, i) => {
      const score = Math.round(s * 10) / 10;
      const q = QUARTERS[i];
      // The estate changed hands during the year: the rating goes to the company serving it at the quarter's end.
      const companyId = p.contractStart <= q.end ? p.companyId : (contractsByProject.get(p.id)!.find((k) => k.companyId !== p.companyId)?.companyId ?? p.companyId);
      return { score, rating: ratingOf(score, policy), companyId, q };
    });
    ratingsByProject.set(p.id, rows);
    for (const r of rows) {
      data.estateRatings.push({
        id: uuid(),
        projectId: p.id,
        companyId: r.companyId,
        year: r.q.year,
        quarter: r.q.quarter,
        inspectionScore: r.score.toFixed(2),
        rating: r.rating,
        ratedBy: p.districtId === '510903' ? userId.chuanshan : p.districtId === '510981' ? userId.shehong : null,
        policyVersion: 1,
        createdAt: at(addDays(r.q.end, qRng.int(3, 10)), 11),
      });
    }
  }
  for (const q of QUARTERS) {
    data.ratingPublications.push({ id: uuid(), year: q.year, quarter: q.quarter, publishedBy: userId.city, publishedAt: at(q.published, 10) });
  }
  return { rated, forced, rectified, brink, ratingsByProject };
}
