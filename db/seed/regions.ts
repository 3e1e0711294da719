/**
 * 遂宁市 and its districts (national division codes), streets/towns and communities for the demo city.
 * District codes are real; street/town ids are `<district><3 digits>` and community ids `<street><3 digits>`,
 * numbered in order here (they are not the national township codes).
 */

export interface StreetDef {
  name: string;
  /** Relative share of the district's estates (urban streets hold most of them). */
  weight: number;
  communities: readonly string[];
}

export interface DistrictDef {
  id: string;
  name: string;
  /** Relative share of the city's estates. */
  weight: number;
  bureau: string;
  streets: readonly StreetDef[];
}

export const CITY = { id: '510900', name: '遂宁市' } as const;

export const DISTRICTS: readonly DistrictDef[] = [
  {
    id: '510903',
    name: '船山区',
    weight: 40,
    bureau: '遂宁市船山区住房和城乡建设局',
    streets: [
      { name: '南津路街道', weight: 6, communities: ['南津路社区', '中心街社区', '兴业社区', '滨江社区'] },
      { name: '高升街街道', weight: 5, communities: ['高升街社区', '小东街社区', '桂花社区'] },
      { name: '凯旋路街道', weight: 6, communities: ['凯旋路社区', '明月社区', '紫竹社区', '书院社区'] },
      { name: '西山路街道', weight: 4, communities: ['西山路社区', '西山社区', '梓潼社区'] },
      { name: '育才路街道', weight: 5, communities: ['育才路社区', '金鱼社区', '文昌社区'] },
      { name: '镇江寺街道', weight: 4, communities: ['镇江寺社区', '城南社区', '渠河社区'] },
      { name: '介福路街道', weight: 5, communities: ['介福路社区', '北坝社区', '天宫社区'] },
      { name: '龙坪街道', weight: 3, communities: ['龙坪社区', '南强社区'] },
      { name: '富源路街道', weight: 3, communities: ['富源路社区', '物流港社区', '仁里社区'] },
      { name: '嘉禾街道', weight: 4, communities: ['嘉禾社区', '广德社区', '圣莲社区'] },
    ],
  },
  {
    id: '510904',
    name: '安居区',
    weight: 14,
    bureau: '遂宁市安居区住房和城乡建设局',
    streets: [
      { name: '柏树街道', weight: 5, communities: ['柏树社区', '文昌社区', '琼江社区'] },
      { name: '凤凰街道', weight: 5, communities: ['凤凰社区', '玉丰社区', '迎宾社区'] },
      { name: '安居镇', weight: 2, communities: ['安居社区', '东禅社区'] },
      { name: '白马镇', weight: 1, communities: ['白马社区', '石洞社区'] },
      { name: '三家镇', weight: 1, communities: ['三家社区', '高桥社区'] },
      { name: '西眉镇', weight: 1, communities: ['西眉社区', '横山社区'] },
      { name: '磨溪镇', weight: 1, communities: ['磨溪社区', '分水社区'] },
      { name: '拦江镇', weight: 1, communities: ['拦江社区', '会龙社区'] },
    ],
  },
  {
    id: '510981',
    name: '射洪市',
    weight: 19,
    bureau: '射洪市住房和城乡建设局',
    streets: [
      { name: '太和街道', weight: 6, communities: ['太和社区', '东山社区', '武安社区', '涪江社区'] },
      { name: '平安街道', weight: 5, communities: ['平安社区', '美丰社区', '香山社区'] },
      { name: '子昂街道', weight: 5, communities: ['子昂社区', '金华山社区', '陈子昂社区'] },
      { name: '沱牌镇', weight: 2, communities: ['沱牌社区', '柳树社区'] },
      { name: '金华镇', weight: 1, communities: ['金华社区', '玉泉社区'] },
      { name: '大榆镇', weight: 1, communities: ['大榆社区', '广兴社区'] },
      { name: '洋溪镇', weight: 1, communities: ['洋溪社区', '红旗社区'] },
      { name: '天仙镇', weight: 1, communities: ['天仙社区', '仁和社区'] },
      { name: '青堤镇', weight: 1, communities: ['青堤社区', '明星社区'] },
    ],
  },
  {
    id: '510921',
    name: '蓬溪县',
    weight: 13,
    bureau: '蓬溪县住房和城乡建设局',
    streets: [
      { name: '赤城镇', weight: 6, communities: ['赤城社区', '上河街社区', '九莲社区', '奎阁社区'] },
      { name: '普安街道', weight: 4, communities: ['普安社区', '鸣凤社区', '玉京社区'] },
      { name: '蓬南镇', weight: 2, communities: ['蓬南社区', '新星社区'] },
      { name: '天福镇', weight: 1, communities: ['天福社区', '龙泉社区'] },
      { name: '明月镇', weight: 1, communities: ['明月社区', '高峰社区'] },
      { name: '红江镇', weight: 1, communities: ['红江社区', '槐花社区'] },
      { name: '常乐镇', weight: 1, communities: ['常乐社区', '宝梵社区'] },
      { name: '文井镇', weight: 1, communities: ['文井社区', '任隆社区'] },
    ],
  },
  {
    id: '510923',
    name: '大英县',
    weight: 14,
    bureau: '大英县住房和城乡建设局',
    streets: [
      { name: '蓬莱镇', weight: 7, communities: ['蓬莱社区', '中华社区', '郪江社区', '东升社区'] },
      { name: '隆盛镇', weight: 2, communities: ['隆盛社区', '天池社区'] },
      { name: '卓筒井镇', weight: 2, communities: ['卓筒井社区', '关昌社区', '盐井社区'] },
      { name: '回马镇', weight: 1, communities: ['回马社区', '通仙社区'] },
      { name: '天保镇', weight: 1, communities: ['天保社区', '玉峰社区'] },
      { name: '河边镇', weight: 1, communities: ['河边社区', '金元社区'] },
      { name: '象山镇', weight: 1, communities: ['象山社区', '智水社区'] },
    ],
  },
];

export interface RegionRow {
  id: string;
  parentId: string | null;
  level: 'city' | 'district' | 'street' | 'community';
  name: string;
  sortOrder: number;
}

export interface StreetInfo {
  id: string;
  name: string;
  districtId: string;
  weight: number;
  communities: { id: string; name: string }[];
}

/** The region rows (city, districts, streets, communities) and a street index for placing estates. */
export function buildRegions(): { rows: RegionRow[]; streets: StreetInfo[] } {
  const rows: RegionRow[] = [{ id: CITY.id, parentId: null, level: 'city', name: CITY.name, sortOrder: 0 }];
  const streets: StreetInfo[] = [];
  DISTRICTS.forEach((d, di) => {
    rows.push({ id: d.id, parentId: CITY.id, level: 'district', name: d.name, sortOrder: di + 1 });
    d.streets.forEach((s, si) => {
      const sid = `${d.id}${String(si + 1).padStart(3, '0')}`;
      rows.push({ id: sid, parentId: d.id, level: 'street', name: s.name, sortOrder: si + 1 });
      const communities = s.communities.map((c, ci) => {
        const cid = `${sid}${String(ci + 1).padStart(3, '0')}`;
        rows.push({ id: cid, parentId: sid, level: 'community', name: c, sortOrder: ci + 1 });
        return { id: cid, name: c };
      });
      streets.push({ id: sid, name: s.name, districtId: d.id, weight: s.weight, communities });
    });
  });
  return { rows, streets };
}

/** The office of a street (街道办事处) or the government of a town (镇人民政府). */
export function streetOfficeName(districtName: string, streetName: string): string {
  const prefix = districtName.endsWith('区') ? `遂宁市${districtName}` : districtName;
  return streetName.endsWith('街道') ? `${prefix}${streetName}办事处` : `${prefix}${streetName}人民政府`;
}
