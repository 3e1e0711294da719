/** The estates (projects) of each district and the company that serves each. */
import { COMMERCIAL_SUFFIXES, ESTATE_PREFIXES, ESTATE_SUFFIXES, OFFICE_SUFFIXES, OLD_ESTATE_NAMES, RESETTLEMENT_SUFFIXES, ROADS } from './names';
import { DISTRICTS, type StreetInfo } from './regions';
import { addDays, at } from './random';
import { money, residential, type ProjectInfo, type ProjectType, type SeedContext } from './context';
import type { Companies } from './companies';

export type Projects = ReturnType<typeof buildProjects>;

export function buildProjects(ctx: SeedContext, streets: StreetInfo[], cos: Companies) {
  const { root, uuid } = ctx;
  const { demoCompany, demoCompany2, ordinary } = cos;
  const pRng = root.fork('projects');
  const districtEstates: Record<string, number> = { '510903': 132, '510904': 46, '510981': 62, '510921': 43, '510923': 47 };
  const projects: ProjectInfo[] = [];
  const usedEstateNames = new Set<string>();
  for (const d of DISTRICTS) {
    const dStreets = streets.filter((s) => s.districtId === d.id);
    for (let i = 0; i < districtEstates[d.id]; i++) {
      const street = pRng.weighted(dStreets.map((s) => [s, s.weight] as const));
      const isTown = street.name.endsWith('镇') && street.weight < 5;
      const type: ProjectType = isTown
        ? pRng.weighted([
            ['住宅', 55],
            ['安置小区', 30],
            ['老旧小区', 12],
            ['商业', 3],
          ])
        : pRng.weighted([
            ['住宅', 72],
            ['老旧小区', 11],
            ['安置小区', 7],
            ['商业', 6],
            ['办公', 4],
          ]);
      const road = pRng.pick(ROADS[d.id]);
      let name = '';
      while (!name || usedEstateNames.has(name)) {
        const prefix = pRng.pick(ESTATE_PREFIXES);
        if (type === '住宅') name = prefix + pRng.weighted(ESTATE_SUFFIXES);
        else if (type === '商业') name = prefix + pRng.pick(COMMERCIAL_SUFFIXES);
        else if (type === '办公') name = prefix + pRng.pick(OFFICE_SUFFIXES);
        else if (type === '安置小区') name = (pRng.chance(0.5) ? street.name.replace(/(街道|镇)$/, '') : prefix) + pRng.pick(RESETTLEMENT_SUFFIXES);
        else name = road + pRng.pick(OLD_ESTATE_NAMES);
        if (usedEstateNames.has(name) && type === '住宅' && pRng.chance(0.5)) name += pRng.pick(['二期', '三期', '南区', '北区']);
      }
      usedEstateNames.add(name);
      let households: number;
      let perUnit: number;
      switch (type) {
        case '住宅':
          households = pRng.weighted([
            [pRng.int(80, 300), 15],
            [pRng.int(300, 800), 40],
            [pRng.int(800, 1500), 30],
            [pRng.int(1500, 3000), 15],
          ]);
          perUnit = pRng.float(92, 132);
          break;
        case '老旧小区':
          households = pRng.int(80, 420);
          perUnit = pRng.float(58, 82);
          break;
        case '安置小区':
          households = pRng.int(300, 2000);
          perUnit = pRng.float(72, 96);
          break;
        case '商业':
          households = pRng.int(80, 600);
          perUnit = pRng.float(60, 160);
          break;
        default:
          households = pRng.int(80, 400);
          perUnit = pRng.float(80, 200);
      }
      if (isTown) households = Math.min(households, 1200);
      const community = pRng.pick(street.communities);
      const districtPrefix = d.id === '510981' ? '射洪市' : `遂宁市${d.name}`;
      projects.push({
        id: uuid(),
        name,
        address: `${districtPrefix}${road}${pRng.int(1, 688)}号`,
        districtId: d.id,
        street,
        communityId: community.id,
        type,
        households,
        floorArea: Math.round(households * perUnit * 100) / 100,
        hasOwnersCommittee:
          type === '住宅' ? pRng.chance(0.45) : type === '商业' || type === '办公' ? pRng.chance(0.1) : pRng.chance(0.3),
        companyId: '',
        contractStart: '',
        contractId: '',
        staff: [],
      });
    }
  }

  // Assign serving companies. The demo companies first, then two estates per ordinary company at home, then
  // the rest weighted by size (mostly at home, some city companies across the city).
  const unassigned = new Set(projects.map((p) => p.id));
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const take = (companyId: string, districtId: string, n: number, filter: (p: ProjectInfo) => boolean = () => true) => {
    const pool = pRng.shuffle(projects.filter((p) => unassigned.has(p.id) && p.districtId === districtId && filter(p)));
    for (const p of pool.slice(0, n)) {
      p.companyId = companyId;
      unassigned.delete(p.id);
    }
  };
  const bigHome = (p: ProjectInfo) => p.type === '住宅' && p.households >= 300;
  take(demoCompany.id, '510903', 6, bigHome);
  take(demoCompany.id, '510981', 6, bigHome);
  take(demoCompany2.id, '510903', 6, residential);
  take(demoCompany2.id, '510904', 4, residential);
  for (const c of ordinary) take(c.id, c.districtId, c.role === 'ordinary' ? 2 : 3, residential);
  for (const id of pRng.shuffle([...unassigned])) {
    const p = projectById.get(id)!;
    const home = ordinary.filter((c) => c.districtId === p.districtId);
    const cityWide = ordinary.filter((c) => c.districtId === '510903' && c.size >= 7);
    const pool = pRng.chance(0.85) || cityWide.length === 0 ? home : cityWide;
    const c = pRng.weighted(pool.map((o) => [o, o.size] as const));
    p.companyId = c.id;
    unassigned.delete(id);
  }
  return { projects, projectById };
}

/** The estates' rows, written once the owners' committee is chosen (it sets `hasOwnersCommittee`). */
export function pushProjectRows(ctx: SeedContext, projects: ProjectInfo[]) {
  const { data } = ctx;
  for (const p of projects) {
    data.projects.push({
      id: p.id,
      name: p.name,
      address: p.address,
      districtId: p.districtId,
      streetId: p.street.id,
      communityId: p.communityId,
      type: p.type,
      households: p.households,
      floorArea: money(p.floorArea),
      hasOwnersCommittee: p.hasOwnersCommittee,
      currentCompanyId: p.companyId,
      createdAt: at(addDays(p.contractStart, -30), 11),
    });
  }
}
