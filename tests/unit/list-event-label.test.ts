import { describe, expect, it } from 'vitest';
import { listEventLabel } from '@/lib/domain/labels';

describe('list changes in the public’s words', () => {
  it('names what happened and on which list, never the stored code', () => {
    expect(listEventLabel('added', 'red')).toBe('列入红榜');
    expect(listEventLabel('added', 'black')).toBe('列入黑榜');
    expect(listEventLabel('removed', 'black')).toBe('移出黑榜');
    expect(listEventLabel('expired', 'red')).toBe('期满移出红榜');
    expect(listEventLabel('期满移出', 'black')).toBe('期满移出黑榜');
    expect(listEventLabel('changed', 'red')).toBe('红榜信息更新');
    expect(listEventLabel('something-new', 'black')).toBe('黑榜变动');
  });
});
