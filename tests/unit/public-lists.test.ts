import { describe, expect, it } from 'vitest';
import { toAtom, xmlEscape } from '@/lib/open-data/atom';
import { BOM, csvField, toCsv } from '@/lib/open-data/csv';
import { isIsoDate } from '@/lib/public-lists/dates';
import { apiListQuery, lenientListQuery, parsePeriod } from '@/lib/public-lists/params';

describe('CSV for the open data', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"严重"')).toBe('"说""严重"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField('2026-11-01')).toBe('2026-11-01');
  });

  it('starts with a BOM for Excel and ends every row with CRLF', () => {
    const s = toCsv(['a', 'b'], [['1', 'x,y'], [null, '2']]);
    expect(s.startsWith(BOM)).toBe(true);
    expect(s).toBe(`${BOM}a,b\r\n1,"x,y"\r\n,2\r\n`);
  });
});

describe('Atom for the feeds', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\u0001b\u000Bc\td')).toBe('abc\td');
  });

  it('writes feed id, title, updated (the newest entry), self link and each entry with id, updated, link', () => {
    const xml = toAtom({
      id: 'urn:x:feed',
      title: '红黑榜 & 变动',
      self: 'https://e.x/feeds/lists.xml',
      alternate: 'https://e.x/lists/black',
      updatedFallback: '2026-01-01T00:00:00Z',
      author: '局',
      entries: [
        { id: 'urn:x:1', title: 'A <b>', updated: '2026-10-01T00:00:00.000Z', link: 'https://e.x/companies/1?a=1&b=2', summary: 's' },
        { id: 'urn:x:2', title: 'B', updated: '2026-11-01T00:00:00.000Z', link: 'https://e.x/companies/2', summary: 't', category: '黑榜' },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain('<title>红黑榜 &amp; 变动</title>');
    expect(xml).toMatch(/<\/author>\n  <entry>/);
    expect(xml.match(/<updated>([^<]+)<\/updated>/)![1]).toBe('2026-11-01T00:00:00.000Z');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://e.x/feeds/lists.xml"/>');
    expect(xml).toContain('href="https://e.x/companies/1?a=1&amp;b=2"');
    expect(xml).toContain('<title>A &lt;b&gt;</title>');
    expect(xml).toContain('<category term="黑榜"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it('writes an entry’s plain-text content when given (the estate and company feeds), escaped', () => {
    const xml = toAtom({
      id: 'urn:x',
      title: 't',
      self: 's',
      alternate: 'a',
      updatedFallback: '2026-01-01T00:00:00Z',
      author: 'x',
      entries: [{ id: 'urn:x:1', title: 'A', updated: '2026-10-01T00:00:00.000Z', link: 'https://e.x/p', content: '王伟自 2026-10-01 起 <担任> 保洁人员' }],
    });
    expect(xml).toContain('<content type="text">王伟自 2026-10-01 起 &lt;担任&gt; 保洁人员</content>');
    expect(xml).not.toContain('<summary>');
  });

  it('stays valid with no entries: the fallback instant is its updated', () => {
    const xml = toAtom({ id: 'urn:x', title: 't', self: 's', alternate: 'a', updatedFallback: '2026-01-01T00:00:00Z', author: 'x', entries: [] });
    expect(xml).toContain('<updated>2026-01-01T00:00:00Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});

describe('list query parameters', () => {
  it('reads a quarter or a year as a period', () => {
    expect(parsePeriod('2026Q3')).toEqual({ key: '2026Q3', label: '2026年第3季度', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2026q1')?.key).toBe('2026Q1');
    expect(parsePeriod('2025')).toEqual({ key: '2025', label: '2025年', from: '2025-01-01', to: '2025-12-31' });
    for (const bad of ['2026Q5', '26Q1', '1999', '2026-1', '', null]) expect(parsePeriod(bad)).toBeNull();
  });

  it('the page falls back to defaults; the API answers malformed parameters with Chinese field messages', () => {
    expect(lenientListQuery((k) => ({ district: 'abc', period: '2026Q9', page: '-1', q: '  物业 ' })[k])).toEqual({ q: '物业', district: undefined, period: undefined, page: 1 });
    const bad = apiListQuery(new URLSearchParams('page=0&district=abc&period=2026Q9&format=xml'));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(Object.fromEntries(bad.error.issues.map((i) => [i.path[0], i.message]))).toEqual({ page: '页码应为正整数', district: '区县代码应为 6 位数字', period: '期间应为季度（如 2026Q3）或年份（如 2026）', format: '格式应为 json 或 csv' });
    const ok = apiListQuery(new URLSearchParams('district=510903&period=2026q3&page=2&format=csv'));
    expect(ok.success && ok.data).toEqual({ q: '', district: '510903', period: '2026Q3', page: 2, format: 'csv' });
  });

  it('checks real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '20260101', '']) expect(isIsoDate(bad)).toBe(false);
  });
});
