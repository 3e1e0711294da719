/** Property-service companies: the designed roles (the demo companies, the black-list stories, the banned one),
 * the ordinary ones and the filings in the queue, with their registration rows. */
import { usccCheckChar } from '../../lib/domain/uscc';
import { COMPANY_BRANDS, COMPANY_PATTERNS, COMPANY_PLACE, ROADS } from './names';
import { DISTRICTS } from './regions';
import { addDays, addYears, at } from './random';
import { money, orgCode, type CompanyInfo, type SeedContext } from './context';

export type Companies = ReturnType<typeof buildCompanies>;

export function buildCompanies(ctx: SeedContext) {
  const { data, policy, root, uuid, REF, personName, mobile, landline } = ctx;
  const districtById = new Map(DISTRICTS.map((d) => [d.id, d]));

  const cRng = root.fork('companies');
  const companies: CompanyInfo[] = [];
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  const brands = cRng.shuffle(COMPANY_BRANDS.filter((b) => b !== '锦华'));

  const newUscc = (districtId: string) => {
    for (;;) {
      const region = districtId === '510903' && cRng.chance(0.35) ? '510900' : districtId;
      const first17 = `91${region}${orgCode(cRng)}`;
      const code = first17 + usccCheckChar(first17);
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };

  // Home districts of the ordinary approved companies, roughly in proportion to the estates there.
  const homeDistricts: string[] = [
    ...Array(15).fill('510903'),
    ...Array(6).fill('510904'),
    ...Array(8).fill('510981'),
    ...Array(5).fill('510921'),
    ...Array(6).fill('510923'),
  ];
  const addCompany = (c: Omit<CompanyInfo, 'id' | 'uscc' | 'legalRep' | 'name'> & { name?: string }) => {
    let name = c.name;
    while (!name || usedNames.has(name)) {
      const brand = brands.pop()!;
      const place = cRng.pick(COMPANY_PLACE[c.districtId]);
      name = cRng.weighted(COMPANY_PATTERNS).replace('{p}', place).replace('{b}', brand);
    }
    usedNames.add(name);
    const info: CompanyInfo = { ...c, name, id: uuid(), uscc: newUscc(c.districtId), legalRep: personName(cRng.chance(0.75), cRng) };
    companies.push(info);
    return info;
  };

  const demoCompany = addCompany({
    name: '遂宁市安居乐业物业服务有限公司',
    districtId: '510903',
    status: 'approved',
    approvedOn: '2016-05-18',
    quality: 89,
    role: 'demo',
    size: 12,
  });
  const demoCompany2 = addCompany({
    name: '四川锦华物业服务有限公司',
    districtId: '510903',
    status: 'approved',
    approvedOn: '2018-09-06',
    quality: 86,
    role: 'demo2',
    size: 10,
  });
  const ordinary: CompanyInfo[] = [];
  for (const districtId of homeDistricts) {
    ordinary.push(
      addCompany({
        districtId,
        status: 'approved',
        approvedOn: cRng.date('2013-03-01', '2021-10-31'),
        quality: cRng.normal(86, 2.2, 81, 90),
        role: 'ordinary',
        size: cRng.weighted([
          [2, 3],
          [4, 4],
          [7, 4],
          [11, 2],
          [16, 1],
        ]),
      }),
    );
  }
  // Roles for the designed stories (the companies are already in random order).
  const byRole = new Map<string, CompanyInfo>();
  const takeRole = (role: string, districtId: string, quality: number) => {
    const c = ordinary.find((o) => o.role === 'ordinary' && o.districtId === districtId)!;
    c.role = role;
    c.quality = quality;
    c.size = Math.max(c.size, 4);
    byRole.set(role, c);
    return c;
  };
  takeRole('twoYears', '510903', 82);
  takeRole('veto', '510904', 82);
  takeRole('poor1', '510903', 80);
  takeRole('poor2', '510981', 80);
  takeRole('severeA', '510923', 83);
  takeRole('severeB', '510921', 83);
  takeRole('low3', '510903', 83);
  takeRole('repaired', '510981', 85);
  takeRole('passedRect', '510923', 82);
  takeRole('excellent', '510903', 89);
  const banned = addCompany({
    districtId: '510903',
    status: 'revoked',
    approvedOn: '2015-04-10',
    quality: 70,
    role: 'banned',
    size: 0,
  });
  byRole.set('banned', banned);
  const others: CompanyInfo[] = [];
  for (const status of ['pending', 'pending', 'pending', 'rejected', 'rejected', 'draft', 'draft'] as const) {
    others.push(
      addCompany({
        districtId: cRng.weighted([
          ['510903', 4],
          ['510904', 1],
          ['510981', 2],
          ['510921', 1],
          ['510923', 1],
        ]),
        status,
        approvedOn: null,
        quality: 85,
        role: status,
        size: 0,
      }),
    );
  }
  const approvedCompanies = companies.filter((c) => c.status === 'approved');
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const blackRoles = new Set(['twoYears', 'veto', 'poor1', 'poor2', 'severeA', 'severeB', 'banned']);
  const MARKET_BAN_SINCE = '2025-03-18';
  const bannedUntil = addDays(addYears(MARKET_BAN_SINCE, policy.marketBanYears), -1);

  for (const c of companies) {
    const district = districtById.get(c.districtId)!;
    const road = cRng.pick(ROADS[c.districtId]);
    const address = `${c.districtId === '510981' ? '四川省射洪市' : `四川省遂宁市${district.name}`}${road}${cRng.int(1, 399)}号${
      cRng.chance(0.5) ? `${cRng.int(1, 12)}楼` : ''
    }`;
    const capital = cRng.weighted([
      [50, 3],
      [100, 6],
      [200, 5],
      [300, 4],
      [500, 5],
      [800, 2],
      [1000, 4],
      [2000, 2],
      [3000, 1],
      [5000, 1],
    ]);
    const registeredCapital = c.role === 'demo' ? 1000 : c.role === 'demo2' ? 2000 : capital;
    const phone = cRng.chance(0.7) ? landline(cRng) : mobile(cRng);
    const createdOn = c.approvedOn ? addDays(c.approvedOn, -cRng.int(8, 30)) : cRng.date(addDays(REF, -120), addDays(REF, -10));
    const approvedAt = c.approvedOn ? at(c.approvedOn, 15) : null;
    data.companies.push({
      id: c.id,
      uscc: c.uscc,
      name: c.name,
      address,
      registeredCapital: money(registeredCapital),
      legalRepresentative: c.legalRep,
      contactPhone: phone,
      districtId: c.districtId,
      filingStatus: c.status,
      approvedAt,
      bannedUntil: c.role === 'banned' ? bannedUntil : null,
      version: 1,
      createdAt: at(createdOn, 9),
      updatedAt: c.role === 'banned' ? at(MARKET_BAN_SINCE, 16) : approvedAt ?? at(createdOn, 9),
    });
  }
  const companyRow = new Map(data.companies.map((c) => [c.id!, c]));

  return {
    companies,
    demoCompany,
    demoCompany2,
    ordinary,
    byRole,
    banned,
    others,
    approvedCompanies,
    companyById,
    blackRoles,
    MARKET_BAN_SINCE,
    bannedUntil,
    companyRow,
  };
}
