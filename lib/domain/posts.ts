/**
 * SN 2, SN 19: the posts of a practitioner. Alone in its module, without imports, so that the schema's `post`
 * enum (db/schema/enums.ts) is built from the same list.
 */
export const POSTS = [
  '项目负责人',
  '财务人员',
  '客服人员',
  '客服主管',
  '工程维修人员',
  '工程主管',
  '安保人员',
  '安保主管',
  '保洁人员',
  '绿化养护人员',
  '外包服务管理岗位',
] as const;
export type Post = (typeof POSTS)[number];
