/**
 * Supervision rules (SPEC §3.12): the annual roster verification (SN 23) and rectification orders (SN 24). Pure: the
 * caller passes today and the policy. Decision record 033 explains the deadline, the overdue rule and the window.
 */
import type { CreditPolicy } from './credit-policy';
import { addCalendarDays, addMonths } from './working-days';

// ---------------------------------------------------------------------------------------------------------
// Roster verification (SN 23: 真实、准确、完整; the items of SN 7 and SN 6)

export const ROSTER_CHECK_ITEMS = [
  { key: 'all_registered', label: '在岗人员均已录入平台', source: 'SN 8、22' },
  { key: 'posts_match', label: '岗位类别与实际在岗情况一致', source: 'SN 7' },
  { key: 'identity_true', label: '姓名、身份证号码、手机号码等基础信息真实准确', source: 'SN 7、23' },
  { key: 'certificates_valid', label: '持证情况属实，证书在有效期内', source: 'SN 7' },
  { key: 'photos_present', label: '证件照齐全且为本人', source: 'SN 7' },
  { key: 'labour_contracts', label: '已签订劳动合同，录入日期符合规定', source: 'SN 6' },
] as const;
export type RosterCheckKey = (typeof ROSTER_CHECK_ITEMS)[number]['key'];
export const ROSTER_CHECK_KEYS = ROSTER_CHECK_ITEMS.map((i) => i.key) as [RosterCheckKey, ...RosterCheckKey[]];
export const ROSTER_CHECK_LABEL: Record<string, string> = Object.fromEntries(ROSTER_CHECK_ITEMS.map((i) => [i.key, i.label]));

export const FOLLOW_UPS = ['none', 'order', 'corrected'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];
export const FOLLOW_UP_LABEL: Record<FollowUp, string> = {
  none: '无需后续处理',
  order: '已责令限期整改',
  corrected: '已当场更正',
};

/** The verification year of a day (the calendar year). */
export const verificationYear = (today: string) => Number(today.slice(0, 4));

/** Coverage in whole percent, rounded down (99.6 % is not yet 100 %); an empty district is fully covered. */
export function coveragePercent(verified: number, estates: number): number {
  if (estates <= 0) return 100;
  return Math.floor((Math.min(verified, estates) * 100) / estates);
}

/** Whether the verification's answers hang together: discrepancies need words; an order needs discrepancies. */
export function followUpProblem(v: { discrepancyCount: number; discrepancies: string; followUp: FollowUp }): { field: string; message: string } | null {
  if (v.discrepancyCount > 0 && !v.discrepancies.trim()) return { field: 'discrepancies', message: '请说明发现的问题' };
  if (v.discrepancyCount === 0 && v.followUp !== 'none') return { field: 'followUp', message: '未发现问题时无需后续处理；发现问题请填写问题数量' };
  if (v.discrepancyCount > 0 && v.followUp === 'none') return { field: 'followUp', message: '发现问题时请选择“当场更正”或“责令限期整改”' };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Rectification orders (SN 24)

export const RECTIFICATION_GROUNDS = ['not_entered', 'falsified', 'privacy_leak'] as const;
export type RectificationGround = (typeof RECTIFICATION_GROUNDS)[number];
export const GROUND_LABEL: Record<RectificationGround, string> = {
  not_entered: '未按规定录入从业人员信息',
  falsified: '录入信息弄虚作假',
  privacy_leak: '泄露从业人员隐私',
};
/** The same in the words a member of the public reads. */
export const GROUND_LAY: Record<RectificationGround, string> = {
  not_entered: '没有按规定把物业项目工作人员的信息录入遂宁市物业信用监管平台',
  falsified: '录入平台的工作人员信息弄虚作假',
  privacy_leak: '泄露了工作人员的个人隐私信息',
};

export const ORDER_STATUSES = ['open', 'answered', 'returned', 'accepted'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  open: '待企业整改',
  answered: '企业已报送整改情况，待验收',
  returned: '整改未通过，待企业重新整改',
  accepted: '整改合格',
};

/** SN 24 says 限期 without a number: the policy's rectificationOrderDays, in calendar days from the issue date. */
export function defaultOrderDueOn(issuedOn: string, policy: Pick<CreditPolicy, 'rectificationOrderDays'>): string {
  return addCalendarDays(issuedOn, policy.rectificationOrderDays);
}

export interface OrderState {
  status: string;
  dueOn: string;
  answeredOn: string | null;
}

/**
 * 逾期未整改: today is after the deadline and there is no accepted rectification — except an answer the company
 * reported by the deadline and the district has not yet decided (the company did its part in time; a return after
 * the deadline makes the order overdue at once). On the deadline day itself the order is not overdue.
 */
export function isOrderOverdue(o: OrderState, today: string): boolean {
  if (today <= o.dueOn) return false;
  if (o.status === 'accepted') return false;
  if (o.status === 'answered' && o.answeredOn !== null && o.answeredOn <= o.dueOn) return false;
  return true;
}

/** The company may (re)answer an open or returned order, also after the deadline (the criticism stands). */
export const mayAnswerOrder = (o: { status: string }) => o.status === 'open' || o.status === 'returned';
/** The district decides an answered order. */
export const mayDecideOrder = (o: { status: string }) => o.status === 'answered';
/** The district escalates an overdue order not yet criticised. */
export const mayEscalate = (o: OrderState & { criticizedOn: string | null }, today: string) => o.criticizedOn === null && isOrderOverdue(o, today);

/**
 * How long the 通报批评 stays on the company's public profile: the upper bound of the 一般 warning-record window
 * (SPEC §4: 3 months–1 year; default 12 months). The day it is issued counts; it is hidden the day after `until`.
 */
export function criticismWindow(criticizedOn: string, policy: Pick<CreditPolicy, 'warningPublicityMonths'>): { from: string; until: string } {
  return { from: criticizedOn, until: addCalendarDays(addMonths(criticizedOn, policy.warningPublicityMonths.一般[1]), -1) };
}

export const isCriticismPublic = (c: { criticizedOn: string | null; criticismUntil: string | null }, today: string) =>
  c.criticizedOn !== null && c.criticismUntil !== null && c.criticizedOn <= today && today <= c.criticismUntil;

/** The notice in lay words (fixed at issue time; what the profile and the verification page show). */
export function criticismText(o: { companyName: string; districtName: string; ground: RectificationGround; issuedOn: string; dueOn: string; criticizedOn: string }): string {
  return (
    `${o.districtName}住房和城乡建设局于 ${o.issuedOn} 发现${o.companyName}${GROUND_LAY[o.ground]}，责令其在 ${o.dueOn} 前整改。` +
    `到期后该企业没有完成整改，依照《遂宁市物业服务从业人员执业管理办法》第二十四条，于 ${o.criticizedOn} 予以通报批评，并约谈企业负责人。`
  );
}
