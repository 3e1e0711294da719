/**
 * The 双随机 demo (SN 25, CQ; docs/decisions/034): a small roster of fictional inspectors and one past draw of
 * 2026Q3 in 船山区, published, whose items carry the inspection scores the seeded Q3 ratings already hold. The
 * inputs are snapshotted from the generated rows by the weight rule (lib/domain/spot-check.ts) as they stood on
 * the draw day; the green channel is not computed here (no candidate gets that factor in the demo draw). An
 * independent generator: nothing else in the city changes.
 */
import { createHash } from 'node:crypto';
import { draw, SPOT_CHECK_ALGORITHM, SPOT_CHECK_RULE_VERSION, weightOf, weightReasons, type DrawInputs } from '../../lib/domain/spot-check';
import type { Grade } from '../../lib/domain/credit-rating';
import { residential, type DemoUsername, type ProjectInfo, type SeedContext } from './context';
import { Rng, at } from './random';

const INSPECTORS: { name: string; unit: string; districtId: string | null }[] = [
  { name: '柯明远', unit: '遂宁市住房和城乡建设局物业管理科', districtId: null },
  { name: '闻雅琴', unit: '遂宁市住房和城乡建设局物业管理科', districtId: null },
  { name: '郁晨阳', unit: '遂宁市物业管理服务中心', districtId: null },
  { name: '樊思远', unit: '遂宁市船山区住房和城乡建设局', districtId: '510903' },
  { name: '蒲静怡', unit: '遂宁市船山区住房和城乡建设局', districtId: '510903' },
  { name: '祁浩然', unit: '遂宁市安居区住房和城乡建设局', districtId: '510904' },
  { name: '栾若溪', unit: '射洪市住房和城乡建设局', districtId: '510981' },
  { name: '覃立诚', unit: '蓬溪县住房和城乡建设局', districtId: '510921' },
];

export const DEMO_DRAW = { year: 2026, quarter: 3, drawnOn: '2026-08-10', publishedOn: '2026-09-30', districtId: '510903', sampleSize: 4, perItem: 2 } as const;

export function buildSpotChecks(ctx: SeedContext, projects: ProjectInfo[], userId: Record<DemoUsername, string>) {
  const { data, seed } = ctx;
  const rng = new Rng(`spot-checks:${seed}`);
  const uuid = () => rng.uuid();
  const districtName = new Map(data.regions.map((r) => [r.id, r.name]));
  const inspectors = INSPECTORS.map((i) => ({ id: uuid(), ...i, active: true, version: 1 }));
  data.inspectors.push(...inspectors.map((i) => ({ ...i, createdAt: at('2026-07-01', 9), updatedAt: at('2026-07-01', 9) })));

  const on = DEMO_DRAW.drawnOn;
  const activeOn = (since: string, until: string | null | undefined, endedOn?: string | null) => since <= on && (!endedOn || on < endedOn) && (!until || on < until);
  const grade = new Map<string, Grade>();
  for (const e of [...data.annualEvaluations].filter((e) => e.publishedAt).sort((a, b) => a.year - b.year)) grade.set(e.companyId, e.grade as Grade);
  const onList = (companyId: string, list: 'red' | 'black') => data.listEntries.some((e) => e.companyId === companyId && e.list === list && activeOn(e.since, e.until, e.endedOn));
  const flagged = (flag: string, companyId: string, projectId: string) =>
    data.companyFlags.some((f) => f.flag === flag && f.companyId === companyId && (!f.projectId || f.projectId === projectId) && activeOn(f.since, f.until));
  const companyName = new Map(data.companies.map((c) => [c.id!, c.name]));
  const estates = projects.filter((p) => residential(p) && p.districtId === DEMO_DRAW.districtId && p.contractStart <= on);
  const inputs: DrawInputs = {
    algorithm: SPOT_CHECK_ALGORITHM,
    ruleVersion: SPOT_CHECK_RULE_VERSION,
    title: '2026年第三季度船山区住宅小区双随机抽查',
    year: DEMO_DRAW.year,
    quarter: DEMO_DRAW.quarter,
    population: 'estate',
    districtId: DEMO_DRAW.districtId,
    sampleSize: DEMO_DRAW.sampleSize,
    perItem: DEMO_DRAW.perItem,
    avoidOwnDistrict: true,
    loadCap: Math.ceil((DEMO_DRAW.sampleSize * DEMO_DRAW.perItem) / inspectors.length) + 1,
    candidates: estates.map((p) => {
      const w = weightOf({
        grade: grade.get(p.companyId) ?? null,
        blackList: onList(p.companyId, 'black'),
        redList: onList(p.companyId, 'red'),
        keySupervision: flagged('key_supervision', p.companyId, p.id),
        incentive: flagged('incentive', p.companyId, p.id),
        greenChannel: false,
      });
      return { id: p.id, name: p.name, districtId: p.districtId, districtName: districtName.get(p.districtId) ?? null, companyName: companyName.get(p.companyId) ?? null, weight: w.weight, reasons: weightReasons(w.factors) };
    }),
    inspectors: inspectors.map((i) => ({ id: i.id, name: i.name, unit: i.unit, districtId: i.districtId, districtName: i.districtId ? (districtName.get(i.districtId) ?? null) : null })),
  };
  const drawSeed = createHash('sha256').update(`spot-check-demo:${seed}`).digest('hex');
  const result = draw(drawSeed, inputs);
  const id = uuid();
  data.spotChecks.push({
    id,
    title: inputs.title,
    year: DEMO_DRAW.year,
    quarter: DEMO_DRAW.quarter,
    population: 'estate',
    districtId: DEMO_DRAW.districtId,
    seed: drawSeed,
    seedSource: 'random',
    inputs,
    result,
    drawnBy: userId.city,
    drawnAt: at(on, 10),
    publishedAt: at(DEMO_DRAW.publishedOn, 16),
    publishedBy: userId.city,
    version: 2,
  });
  const q3 = new Map(data.estateRatings.filter((r) => r.year === DEMO_DRAW.year && r.quarter === DEMO_DRAW.quarter).map((r) => [r.projectId, r]));
  for (const it of result.items) {
    const rating = q3.get(it.candidateId);
    data.spotCheckItems.push({
      id: uuid(),
      spotCheckId: id,
      rank: it.rank,
      projectId: it.candidateId,
      companyId: null,
      districtId: DEMO_DRAW.districtId,
      inspectorIds: it.inspectorIds,
      checkedOn: rating ? '2026-09-' + String(10 + it.rank).padStart(2, '0') : null,
      checkedBy: rating ? it.inspectorIds : null,
      score: rating ? String(rating.inspectionScore) : null,
      findings: rating ? '暗访检查：公共区域保洁、秩序维护和设施设备巡检记录已核对，按评分标准计分。' : null,
      resultBy: rating ? userId.city : null,
      resultAt: rating ? at('2026-09-' + String(10 + it.rank).padStart(2, '0'), 17) : null,
      version: rating ? 2 : 1,
    });
  }
  return { drawId: id };
}
