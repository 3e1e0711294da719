/**
 * Practitioner rules (SN 2, 5–7, 19): the closed lists of the entry form, which posts' phone numbers are public,
 * and the entry deadline (SN 6: within 10 working days of signing the labour contract).
 */
import type { CreditPolicy } from './credit-policy';
import { addWorkingDays, isProvisionalDate, workingDaysBetween } from './working-days';

export { POSTS, type Post } from './posts';
import type { Post } from './posts';

/** SN 19: only these posts' phone numbers are public (the project manager and the three supervisors). */
export const PUBLIC_PHONE_POSTS: readonly Post[] = ['项目负责人', '客服主管', '工程主管', '安保主管'];

export function isPhonePublic(post: string): boolean {
  return (PUBLIC_PHONE_POSTS as readonly string[]).includes(post);
}

/** The 56 ethnic groups of China (GB 3304), 汉族 first. */
export const ETHNIC_GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;

export const EDUCATION_LEVELS = ['小学', '初中', '高中', '中专', '大专', '本科', '硕士研究生', '博士研究生'] as const;

export interface EntryTiming {
  /** The last day on which the entry is on time. */
  deadline: string;
  late: boolean;
  /** Working days after the deadline (0 when on time). */
  workingDaysOverdue: number;
  /** The deadline falls in a year whose holiday schedule is not yet published (counted Mon–Fri). */
  provisional: boolean;
}

/**
 * SN 6: a company enters a new practitioner within 10 working days (policy) of signing the labour contract.
 * `enteredOn` is the day the entry is submitted.
 */
export function entryTiming(labourContractOn: string, enteredOn: string, policy: Pick<CreditPolicy, 'entryDeadlineWorkingDays'>): EntryTiming {
  const deadline = addWorkingDays(labourContractOn, policy.entryDeadlineWorkingDays);
  const overdue = enteredOn > deadline ? workingDaysBetween(deadline, enteredOn) : 0;
  return { deadline, late: enteredOn > deadline, workingDaysOverdue: overdue, provisional: isProvisionalDate(deadline) || isProvisionalDate(enteredOn) };
}
