/**
 * Service-contract rules (ZJ 7, ZJ 9; SPEC §3.2). Pure: no I/O; the policy values come in as arguments.
 *
 * - Performance bond (ZJ 9): at least a share (5 %) of one year's fees and at most a cap (300,000 yuan).
 *   When the share exceeds the cap, the cap rules: the allowed range is [min(share, cap), cap]
 *   (docs/decisions/007-bond-range.md).
 * - Non-renewal notice (ZJ 7): written notice at least N (90) days before the contract ends.
 * - A contract that ends without notice and is not renewed is flagged.
 */
import { addCalendarDays, calendarDaysBetween } from './working-days';

export interface BondRule {
  /** 0.05 = 5 % of one year's fees. */
  minShareOfAnnualFees: number;
  /** Yuan. */
  maxYuan: number;
}

export const DEFAULT_BOND_RULE: BondRule = { minShareOfAnnualFees: 0.05, maxYuan: 300_000 };
export const DEFAULT_NOTICE_DAYS = 90;

/** Amounts are compared in fen (cents) so that 5 % of 1,000,000.10 does not meet floating-point noise. */
const toFen = (yuan: number) => Math.round(yuan * 100);

export interface BondRange {
  /** Yuan, rounded up to the fen. */
  min: number;
  max: number;
  /** True when the share of the fees exceeds the cap, so the cap decides the minimum too. */
  capped: boolean;
}

/** The allowed bond range for one year's fees. */
export function bondRange(annualFees: number, rule: BondRule = DEFAULT_BOND_RULE): BondRange {
  const shareFen = Math.ceil(Math.round(toFen(annualFees) * rule.minShareOfAnnualFees * 1e6) / 1e6);
  const capFen = toFen(rule.maxYuan);
  const capped = shareFen > capFen;
  return { min: (capped ? capFen : shareFen) / 100, max: capFen / 100, capped };
}

export function isBondValid(annualFees: number, bond: number, rule: BondRule = DEFAULT_BOND_RULE): boolean {
  const r = bondRange(annualFees, rule);
  const b = toFen(bond);
  return b >= toFen(r.min) && b <= toFen(r.max);
}

const yuanFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const formatYuan = (n: number) => `${yuanFmt.format(n)} 元`;

/** The Chinese message naming the allowed range, shown on the bond field. */
export function bondRangeMessage(annualFees: number, rule: BondRule = DEFAULT_BOND_RULE): string {
  const r = bondRange(annualFees, rule);
  const pct = `${+(rule.minShareOfAnnualFees * 100).toFixed(4)}%`;
  if (r.capped) {
    return `履约保证金应为 ${formatYuan(r.max)}：年物业费的 ${pct} 超过上限，按上限 ${formatYuan(r.max)} 缴纳`;
  }
  return `履约保证金应在 ${formatYuan(r.min)} 至 ${formatYuan(r.max)} 之间（不低于年物业费的 ${pct}，不超过 ${formatYuan(r.max)}）`;
}

/** A contract period is valid when it ends after it starts. */
export function isPeriodValid(startDate: string, endDate: string): boolean {
  return endDate > startDate;
}

/** Whether two inclusive date ranges overlap. */
export function periodsOverlap(a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** The last day on which a non-renewal notice is on time. */
export function noticeDeadline(endDate: string, noticeDays = DEFAULT_NOTICE_DAYS): string {
  return addCalendarDays(endDate, -noticeDays);
}

export interface NoticeLateness {
  /** Days between the notice and the end of the contract. */
  daysBefore: number;
  late: boolean;
  /** How many days short of the required notice period (0 when on time). */
  daysShort: number;
}

/** ZJ 7: a notice given fewer than N days before the end is late. */
export function noticeLateness(endDate: string, noticeOn: string, noticeDays = DEFAULT_NOTICE_DAYS): NoticeLateness {
  const daysBefore = calendarDaysBetween(noticeOn, endDate);
  const daysShort = Math.max(0, noticeDays - daysBefore);
  return { daysBefore, late: daysShort > 0, daysShort };
}

export interface ContractForFlags {
  status: 'draft' | 'pending' | 'confirmed' | 'rejected' | 'ended' | 'terminated';
  endDate: string;
  nonRenewalNoticeOn: string | null;
  /** The same company holds a later contract for the same estate starting the day after (or before) this ends. */
  renewed: boolean;
}

export type NoticeStatus =
  /** Not a contract in force (pending, rejected, terminated early). */
  | 'not_applicable'
  | 'renewed'
  /** Notice given in time. */
  | 'on_time'
  /** Notice given, but fewer than N days before the end. */
  | 'late'
  /** More than N days left: nothing due yet. */
  | 'not_due'
  /** Fewer than N days left, no notice and no renewal: a notice now would be late. */
  | 'missing'
  /** The end date passed without notice and without renewal. */
  | 'ended_without_notice';

export interface NoticeFlags {
  status: NoticeStatus;
  deadline: string;
  daysShort: number;
}

/** The notice situation of a contract on `today` (SPEC §3.2: flag a contract that ends without notice). */
export function noticeFlags(c: ContractForFlags, today: string, noticeDays = DEFAULT_NOTICE_DAYS): NoticeFlags {
  const deadline = noticeDeadline(c.endDate, noticeDays);
  const base = { deadline, daysShort: 0 };
  if (c.status !== 'confirmed' && c.status !== 'ended') return { ...base, status: 'not_applicable' };
  if (c.nonRenewalNoticeOn) {
    const l = noticeLateness(c.endDate, c.nonRenewalNoticeOn, noticeDays);
    return { ...base, status: l.late ? 'late' : 'on_time', daysShort: l.daysShort };
  }
  if (c.renewed) return { ...base, status: 'renewed' };
  if (c.endDate < today) return { ...base, status: 'ended_without_notice' };
  if (today > deadline) return { ...base, status: 'missing', daysShort: noticeLateness(c.endDate, today, noticeDays).daysShort };
  return { ...base, status: 'not_due' };
}

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  not_applicable: '—',
  renewed: '已续约',
  on_time: '已按时告知',
  late: '告知逾期',
  not_due: '未到告知期',
  missing: '未告知（已过告知期限）',
  ended_without_notice: '到期未告知',
};

export const CONTRACT_STATUS_LABELS: Record<ContractForFlags['status'], string> = {
  draft: '草稿',
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未通过',
  ended: '已到期',
  terminated: '已提前终止',
};

/** A disclosure board not updated for this many months is flagged (SPEC §3.9: at least yearly). */
export const BOARD_STALE_MONTHS = 12;

/** The date before which a board's last update counts as stale. */
export function boardStaleBefore(today: string, months = BOARD_STALE_MONTHS): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isBoardStale(lastUpdatedOn: string | null, today: string, months = BOARD_STALE_MONTHS): boolean {
  return !lastUpdatedOn || lastUpdatedOn < boardStaleBefore(today, months);
}
