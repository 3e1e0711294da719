import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy, type CreditPolicy } from '@/lib/domain/credit-policy';
import {
  checkPolicyReason,
  checkPolicySettings,
  displayValue,
  POLICY_FIELDS,
  policyChanges,
  policyCrossFieldIssues,
} from '@/lib/domain/credit-policy-edit';

const clone = (): CreditPolicy => structuredClone(defaultCreditPolicy);
const paths = (s: CreditPolicy) => policyCrossFieldIssues(s).map((i) => i.path);

/** The settings as the form sends them. */
function asForm(s: CreditPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of POLICY_FIELDS) {
    const v = f.path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], s);
    const parts = f.path.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    if (f.kind === 'boolean') {
      if (v) node[parts.at(-1)!] = 'on';
    } else node[parts.at(-1)!] = displayValue(f, v);
  }
  return out;
}

describe('credit policy: checks across settings (SPEC §4)', () => {
  it('accepts the SPEC §4 defaults', () => {
    expect(policyCrossFieldIssues(defaultCreditPolicy)).toEqual([]);
    expect(checkPolicySettings(defaultCreditPolicy)).toEqual({ ok: true, settings: defaultCreditPolicy });
  });

  it('grades: A above B above C, reported at the higher one', () => {
    const s = clone();
    s.grades.A = 90; // equal to B
    expect(paths(s)).toEqual(['grades.A']);
    const t = clone();
    t.grades.C = 92; // above B
    expect(paths(t)).toEqual(['grades.B']);
    expect(policyCrossFieldIssues(t)[0]!.message).toBe('B 级分数线须高于 C 级分数线');
  });

  it('estate rating: 优秀 above 良好', () => {
    const s = clone();
    s.estateRating.good = 90;
    expect(paths(s)).toEqual(['estateRating.excellent']);
  });

  it('warning windows: minimum not after maximum', () => {
    const s = clone();
    s.warningPublicityMonths.一般 = [10, 6];
    expect(policyCrossFieldIssues(s)).toEqual([{ path: 'warningPublicityMonths.一般.0', message: '最短公示期不能长于最长公示期' }]);
  });

  it('轻微 at most 3 months; 一般 3–12; 严重 12–36 (edges included)', () => {
    const edge = clone();
    edge.warningPublicityMonths = { 轻微: [3, 3], 一般: [12, 12], 严重: [36, 36] };
    expect(paths(edge)).toEqual([]);
    const low = clone();
    low.warningPublicityMonths = { 轻微: [0, 0], 一般: [3, 3], 严重: [12, 12] };
    expect(paths(low)).toEqual([]);

    const minor = clone();
    minor.warningPublicityMonths.轻微 = [0, 4];
    expect(policyCrossFieldIssues(minor)).toEqual([{ path: 'warningPublicityMonths.轻微.1', message: '轻微警示记录的公示期应不超过 3 个月' }]);
    const general = clone();
    general.warningPublicityMonths.一般 = [2, 13];
    expect(paths(general)).toEqual(['warningPublicityMonths.一般.0', 'warningPublicityMonths.一般.1']);
    const severe = clone();
    severe.warningPublicityMonths.严重 = [11, 37];
    expect(paths(severe)).toEqual(['warningPublicityMonths.严重.0', 'warningPublicityMonths.严重.1']);
  });
});

describe('credit policy: reading the form', () => {
  it('reads strings, the bond share as a percentage and the checkbox', () => {
    const form = asForm(defaultCreditPolicy);
    expect((form.bond as Record<string, string>).minShareOfAnnualFees).toBe('5');
    const changed = { ...form, associationCommendationsPerYear: ' 120 ', bond: { minShareOfAnnualFees: '6', maxYuan: '300000' }, publishMinorWarnings: 'on' };
    const r = checkPolicySettings(changed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.associationCommendationsPerYear).toBe(120);
    expect(r.settings.bond.minShareOfAnnualFees).toBe(0.06);
    expect(r.settings.publishMinorWarnings).toBe(true);
    expect(r.settings.warningPublicityMonths.一般).toEqual([3, 12]);
  });

  it('names the field of each bad value, in Chinese', () => {
    const form = asForm(defaultCreditPolicy);
    const r = checkPolicySettings({ ...form, annualBaseScore: '', marketBanYears: '2.5', rectificationDays: 'abc', bond: { minShareOfAnnualFees: '150', maxYuan: '1' } });
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        annualBaseScore: ['请填写此项'],
        marketBanYears: ['请填写整数'],
        rectificationDays: ['请填写数字'],
        'bond.minShareOfAnnualFees': ['不能大于 100 %'],
      },
    });
  });

  it('runs the cross checks on form input too', () => {
    const form = asForm(defaultCreditPolicy);
    const r = checkPolicySettings({ ...form, grades: { A: '90', B: '90', C: '75' } });
    expect(r).toEqual({ ok: false, fieldErrors: { 'grades.A': ['A 级分数线须高于 B 级分数线'] } });
  });

  it('the reason is required, at least 4 characters', () => {
    expect(checkPolicyReason('')).toBe('请填写修改原因');
    expect(checkPolicyReason('   ')).toBe('请填写修改原因');
    expect(checkPolicyReason('调整上限')).toBeNull();
    expect(checkPolicyReason('调整')).toBe('修改原因至少 4 个字');
  });
});

describe('credit policy: what changed between versions', () => {
  it('lists changed settings with label and old → new, in form order', () => {
    const after = clone();
    after.associationCommendationsPerYear = 120;
    after.bond.minShareOfAnnualFees = 0.07;
    after.publishMinorWarnings = true;
    expect(policyChanges(defaultCreditPolicy, after)).toEqual([
      { path: 'associationCommendationsPerYear', label: '行业协会表彰每年上限', from: '100', to: '120', unit: '人次' },
      { path: 'bond.minShareOfAnnualFees', label: '不低于一年物业服务费的', from: '5', to: '7', unit: '%' },
      { path: 'publishMinorWarnings', label: '公开轻微警示记录', from: '否', to: '是', unit: '' },
    ]);
    expect(policyChanges(defaultCreditPolicy, clone())).toEqual([]);
  });
});
