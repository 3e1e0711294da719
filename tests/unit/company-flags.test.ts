/**
 * DW 14 flags in lay words (lib/domain/company-flags.ts), the evaluation's upgrade note, the draw's risk flags,
 * and what a department sees of its submissions (lib/domain/department-credit.ts). Issue 17 items 7 and 8.
 */
import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy as policy } from '@/lib/domain/credit-policy';
import {
  activeFlagGroups,
  COMPANY_FLAG_KINDS,
  FLAG_INFO,
  flagActiveOn,
  flagOverlaps,
  riskFlagsOf,
  upgradeNote,
} from '@/lib/domain/company-flags';
import { departmentKindLabel, departmentOutcome, type DepartmentRecordFacts } from '@/lib/domain/department-credit';
import { flagWhenWhere } from '@/lib/domain/lay-summary';
import { REGULATION_TITLES } from '@/lib/domain/regulations';

const f = (flag: string, since: string, until: string | null, extra: { id?: string } = {}) => ({ flag, since, until, ...extra });

describe('DW 14 flags in lay words', () => {
  it('every flag has a label, a lay sentence and a citation by the regulation’s full title', () => {
    for (const k of [...COMPANY_FLAG_KINDS, 'green_channel' as const]) {
      const i = FLAG_INFO[k];
      expect(i.label.length).toBeGreaterThan(1);
      expect(i.lay.length).toBeGreaterThan(10);
      expect(i.citation).toMatch(/^《.+》/);
      expect(i.citation).not.toMatch(/\bDW\b/);
    }
    expect(FLAG_INFO.key_supervision.citation).toBe(`《${REGULATION_TITLES.DW}》第十四条第（三）项第1目`);
    expect(FLAG_INFO.rectification_passed.lay).toContain('晋升信用等级');
    expect(FLAG_INFO.incentive.lay).toContain('不作为重点监管对象');
  });

  it('a flag is in force from since (inclusive) to until (exclusive); none without an end stays', () => {
    expect(flagActiveOn(f('incentive', '2026-10-01', '2027-10-01'), '2026-09-30')).toBe(false);
    expect(flagActiveOn(f('incentive', '2026-10-01', '2027-10-01'), '2026-10-01')).toBe(true);
    expect(flagActiveOn(f('incentive', '2026-10-01', '2027-10-01'), '2027-09-30')).toBe(true);
    expect(flagActiveOn(f('incentive', '2026-10-01', '2027-10-01'), '2027-10-01')).toBe(false);
    expect(flagActiveOn(f('key_supervision', '2026-10-01', null), '2030-01-01')).toBe(true);
  });

  it('groups the flags in force by kind, good news first, unknown and ended ones left out', () => {
    const rows = [
      f('key_supervision', '2026-10-01', null, { id: 'k' }),
      f('incentive', '2026-01-01', '2027-01-01', { id: 'i1' }),
      f('incentive', '2026-07-01', '2027-07-01', { id: 'i2' }),
      f('market_exit', '2025-01-01', '2026-01-01', { id: 'ended' }),
      f('something_else', '2026-01-01', null, { id: 'x' }),
      // Stored green-channel rows are not authoritative (computed on the day): never grouped.
      f('green_channel', '2024-01-01', null, { id: 'g' }),
    ];
    const groups = activeFlagGroups(rows, '2026-11-20');
    expect(groups.map((g) => g.kind)).toEqual(['incentive', 'key_supervision']);
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(['i2', 'i1']);
  });

  it('says where and how long: an estate, its dates, an open end in words', () => {
    expect(flagWhenWhere([{ projectName: '天宫花园', since: '2026-10-01', until: '2027-10-01' }])).toEqual(['天宫花园：2026-10-01 起，至 2027-10-01']);
    expect(flagWhenWhere([{ projectName: '明月安置小区', since: '2026-10-01', until: null }], '整改复查结束')).toEqual(['明月安置小区：2026-10-01 起，至整改复查结束']);
    expect(flagWhenWhere([{ projectName: null, since: '2024-01-01', until: null }])).toEqual(['2024-01-01 起']);
  });
});

describe('what the draw and the evaluation read', () => {
  it('risk flags: key supervision and market exit in force; three 优秀 = not a key target', () => {
    expect(riskFlagsOf([], '2026-11-20')).toEqual({ keySupervision: false, marketExit: false, notKeyTarget: false });
    expect(riskFlagsOf([f('key_supervision', '2026-10-01', null), f('incentive', '2026-01-01', '2027-01-01')], '2026-11-20')).toEqual({
      keySupervision: true,
      marketExit: false,
      notKeyTarget: true,
    });
    // Ended by the passed inspection: no longer weighs.
    expect(riskFlagsOf([f('key_supervision', '2026-10-01', '2026-11-01')], '2026-11-20').keySupervision).toBe(false);
    expect(riskFlagsOf([f('market_exit', '2026-11-01', '2029-11-01')], '2026-11-20').marketExit).toBe(true);
  });

  it('the evaluation of a year notes upgrade priority in force at some time in that year, and says the score is unchanged', () => {
    expect(flagOverlaps(f('upgrade_priority', '2025-12-31', '2026-01-01'), '2026-01-01', '2027-01-01')).toBe(false);
    expect(flagOverlaps(f('upgrade_priority', '2026-12-31', null), '2026-01-01', '2027-01-01')).toBe(true);
    expect(upgradeNote([f('key_supervision', '2026-03-01', null)], 2026)).toBeNull();
    expect(upgradeNote([f('upgrade_priority', '2027-01-01', '2028-01-01')], 2026)).toBeNull();
    const note = upgradeNote([f('upgrade_priority', '2025-10-01', '2026-10-01'), f('rectification_passed', '2026-05-01', '2027-05-01')], 2026)!;
    expect(note).toContain('优先晋升信用等级（连续三次良好）');
    expect(note).toContain('整改合格（晋升信用等级）');
    expect(note).toContain('第十四条第（二）项');
    expect(note).toContain('不因此加分');
  });
});

describe('a department’s submission as it sees it', () => {
  const base: DepartmentRecordFacts = {
    category: 'warning',
    status: 'submitted',
    severity: null,
    publishedOn: null,
    minPublicUntil: null,
    publicUntil: null,
    isPenalty: true,
    points: null,
    decisionReason: null,
  };
  it('names its kind', () => {
    expect(departmentKindLabel({ category: 'warning', isPenalty: true })).toBe('行政处罚');
    expect(departmentKindLabel({ category: 'warning', isPenalty: false })).toBe('警示信息');
    expect(departmentKindLabel({ category: 'performance', isPenalty: false })).toBe('表彰（业绩信息）');
  });
  it('waiting, confirmed and public (with a link), confirmed minor (not public), refused with the reason', () => {
    expect(departmentOutcome(base, '2026-11-20', policy)).toEqual({ state: 'pending', text: '待住建部门核定', isPublic: false });
    const confirmed = { ...base, status: 'approved' as const, severity: '一般' as const, points: '4.00', publishedOn: '2026-11-20', minPublicUntil: '2027-02-20', publicUntil: '2027-11-20' };
    expect(departmentOutcome(confirmed, '2026-11-20', policy)).toEqual({ state: 'confirmed', text: '已确认：一般，扣 4 分，公示至 2027-11-20', isPublic: true });
    expect(departmentOutcome({ ...confirmed, severity: '轻微' }, '2026-11-20', { publishMinorWarnings: false }).isPublic).toBe(false);
    expect(departmentOutcome(confirmed, '2027-11-20', policy)).toMatchObject({ state: 'confirmed', isPublic: false, text: '已确认：一般，扣 4 分，公示期已满' });
    expect(departmentOutcome({ ...base, status: 'rejected', decisionReason: '该处罚已由企业申请行政复议撤销' }, '2026-11-20', policy)).toEqual({
      state: 'rejected',
      text: '未予采纳：该处罚已由企业申请行政复议撤销',
      isPublic: false,
    });
  });
});
