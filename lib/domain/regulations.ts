/**
 * The regulations the platform applies, by their full Chinese titles: the one place a public page takes a
 * citation's wording from, so that a lay reader sees "《…》第十四条第（三）项", never the short names of SPEC
 * ("DW 第十四条（三）") that the code and the open-data `rule.article` field keep for stability.
 * The staff regulation is named by its official title (tests/unit/regulation-names.test.ts); the red/black list
 * rules as the city adopted them (the same title as /objections/new).
 */
export const REGULATION_TITLES = {
  SN: '遂宁市物业服务从业人员执业管理办法',
  DW: '遂宁市物业服务企业综合信用评价“红黑榜”管理办法',
  ZT: '昭通市加强和规范物业管理服务工作的指导意见',
  CQ: '重庆市物业服务“效能、诚信、品牌”建设',
  ZJ: '诸暨市关于进一步加强住宅小区物业管理工作的实施意见（试行）',
  REPAIR: '失信行为纠正后的信用信息修复管理办法（试行）',
} as const;

export type RegulationId = keyof typeof REGULATION_TITLES;

/** One provision: the regulation's title in 《》 and the provision in its own numbering. */
export function cite(regulation: RegulationId, provision = ''): string {
  return `《${REGULATION_TITLES[regulation]}》${provision}`;
}

/** Several provisions, joined as a Chinese list. */
export function citeAll(parts: readonly (readonly [RegulationId, string?])[]): string {
  return parts.map(([r, p]) => cite(r, p)).join('、');
}
