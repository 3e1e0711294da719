/**
 * What a department sees of the credit information it submitted (DW 8.1.4; issue 17 item 7): the kind in its own
 * words, and the outcome — waiting, confirmed (with points, severity and whether it is public today, so the page
 * can link to the public record), not taken up (with the bureau's reason), revoked or repaired later. Pure.
 */
import type { CreditPolicy } from './credit-policy';
import { creditRecordPhase, type CreditRecordFacts } from './records';

export interface DepartmentRecordFacts extends CreditRecordFacts {
  isPenalty: boolean;
  points: string | null;
  decisionReason: string | null;
}

export function departmentKindLabel(r: { category: string; isPenalty: boolean }): string {
  if (r.category === 'performance') return '表彰（业绩信息）';
  return r.isPenalty ? '行政处罚' : '警示信息';
}

export interface DepartmentOutcome {
  state: 'pending' | 'confirmed' | 'rejected' | 'revoked' | 'repaired';
  text: string;
  /** Confirmed and in public view on the day: the page links to the company's public profile. */
  isPublic: boolean;
}

export function departmentOutcome(r: DepartmentRecordFacts, on: string, policy: Pick<CreditPolicy, 'publishMinorWarnings'>): DepartmentOutcome {
  const phase = creditRecordPhase(r, on, policy);
  const pts = r.points == null ? '' : `${r.category === 'performance' ? '加' : '扣'} ${Number(r.points)} 分`;
  switch (phase) {
    case 'pending':
      return { state: 'pending', text: '待住建部门核定', isPublic: false };
    case 'rejected':
      return { state: 'rejected', text: `未予采纳：${r.decisionReason ?? '（未说明理由）'}`, isPublic: false };
    case 'revoked':
      return { state: 'revoked', text: '已确认，后经异议核查撤销', isPublic: false };
    case 'repaired':
      return { state: 'repaired', text: `已确认（${[r.severity, pts].filter(Boolean).join('，')}），企业已完成信用修复，不再公示`, isPublic: false };
    default: {
      const where =
        phase === 'public' ? `公示至 ${r.publicUntil ?? '—'}` : phase === 'internal' ? '情节轻微，计入评价但不公示' : phase === 'expired' ? '公示期已满' : '待公布';
      return { state: 'confirmed', text: `已确认：${[r.severity, pts].filter(Boolean).join('，')}，${where}`, isPublic: phase === 'public' };
    }
  }
}
