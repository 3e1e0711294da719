/** The plain words of a company's credit (lib/domain/lay-summary.ts) and the citations by regulation title. */
import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy as policy } from '@/lib/domain/credit-policy';
import { LIST_RULES } from '@/lib/domain/credit-rating';
import { LIST_STATUS_WORDS, eventWithoutReason, gradeLegend, gradeVersusScore, scoreSentence } from '@/lib/domain/lay-summary';
import { REGULATION_TITLES, cite } from '@/lib/domain/regulations';

describe('status, grade legend and score sentence', () => {
  it('status in plain words', () => {
    expect(LIST_STATUS_WORDS).toEqual({ red: '在红榜', black: '在黑榜', none: '无' });
  });

  it('the legend follows the policy’s thresholds (A ≥ 95 …), and a changed policy changes it', () => {
    expect(gradeLegend(policy).map((b) => `${b.grade}：${b.text}`)).toEqual(['A：95 分及以上', 'B：90 分至不足 95 分', 'C：75 分至不足 90 分', 'D：不足 75 分，或被一票否决']);
    expect(gradeLegend({ grades: { A: 96, B: 88, C: 70 } })[0]!.text).toBe('96 分及以上');
  });

  it('says how today’s score came from its records', () => {
    expect(scoreSentence(100, 88, [{ points: -5 }, { points: -7 }])).toBe('基础分 100 分，因 2 条警示（不良）记录扣 12 分，当前 88 分。');
    expect(scoreSentence(100, 96, [{ points: -7 }, { points: 3 }])).toBe('基础分 100 分，因 1 条警示（不良）记录扣 7 分，因 1 条业绩（良好）记录加 3 分，当前 96 分。');
    expect(scoreSentence(100, 100, [])).toBe('基础分 100 分，目前没有计分中的信用记录，当前 100 分。');
  });

  it('says that performance points do not lift a score above the base', () => {
    expect(scoreSentence(100, 100, [{ points: 5 }])).toBe('基础分 100 分，因 1 条业绩（良好）记录加 5 分，当前 100 分（加分只用于抵扣，总分不超过基础分 100 分）。');
    expect(scoreSentence(100, 100, [{ points: -2 }, { points: 2 }])).not.toContain('不超过基础分');
  });

  it('separates the annual grade’s score from today’s score', () => {
    const t = gradeVersusScore({ year: 2025, grade: 'C', score: 88, vetoed: false }, 100);
    expect(t).toContain('“C 级 88 分”是 2025 年度信用评价的结果');
    expect(t).toContain('下一年度评价公布前不变');
    expect(t).toContain('“当前信用分 100 分”按今天仍在计分期内的信用记录算出');
    expect(gradeVersusScore({ year: 2025, grade: 'D', score: null, vetoed: true }, 90)).toContain('一票否决');
    expect(gradeVersusScore(null, 100)).toContain('暂无信用等级');
  });
});

describe('the reason once', () => {
  it('an event that repeats its entry’s reason and the company’s name reads without them', () => {
    const reason = '业绩信用信息：碧水家园参与防汛救灾表现突出（加2分）';
    expect(eventWithoutReason(`遂宁市安居乐业物业服务有限公司列入红榜：${reason}（预计2026-03-22移出）`, reason, '遂宁市安居乐业物业服务有限公司')).toBe('列入红榜（预计2026-03-22移出）');
    expect(eventWithoutReason('某公司移出黑榜：整改期满复查验收不合格，转为市场禁入', '另一个原因', '某公司')).toBe('移出黑榜：整改期满复查验收不合格，转为市场禁入');
  });
});

describe('citations by the regulation’s full title', () => {
  it('every list rule cites a title in 《》, never the SPEC’s short names', () => {
    for (const r of Object.values(LIST_RULES)) {
      expect(r.citation).toMatch(/^《[^》]+》/);
      expect(r.citation).not.toMatch(/\b(DW|ZT|ZJ|CQ|SN)\b/);
    }
    expect(LIST_RULES['DW14-three-poor'].citation).toBe(`《${REGULATION_TITLES.DW}》第十四条第（三）项`);
    expect(cite('SN', '第十三条')).toBe('《遂宁市物业服务从业人员执业管理办法》第十三条');
  });
});

describe('public pages show citations, not the short articles', () => {
  it('no public page or component renders `rule.article` (open data keeps it for stability)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../..');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : /\.tsx$/.test(n) ? [path.join(d, n)] : []));
    const offenders = [...walk(path.join(root, 'app/(public)')), ...walk(path.join(root, 'components'))].filter((f) => /rule\.article/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
