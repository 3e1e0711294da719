import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EmptyState } from '@/components/list-kit/empty';
import { NumberedPager, Pager } from '@/components/list-kit/pager';
import {
  defaultFilters,
  enumParam,
  firstParam,
  flagParam,
  isFiltered,
  listHref,
  pageCount,
  pageParam,
  pageWindow,
  parseFilters,
  regionParam,
  textParam,
  uuidParam,
} from '@/components/list-kit/params';
import { ListTable } from '@/components/list-kit/table';

// A list's filter schema as the pages write them: every field falls back to its default.
const schema = z.object({
  status: z.enum(['submitted', 'approved', 'all']).catch('submitted'),
  kind: enumParam(['good', 'bad'] as const, null),
  district: regionParam(),
  projectId: uuidParam(),
  q: textParam(10),
  overdue: flagParam(),
  page: pageParam(),
});

describe('parseFilters: search params → typed filters', () => {
  it('reads the values it knows', () => {
    const f = parseFilters(schema, {
      status: 'approved',
      kind: 'bad',
      district: '510903',
      projectId: '0190f3a4-7b1c-7d2e-8f00-000000000001',
      q: '  天宫花园 ',
      overdue: '1',
      page: '3',
      unknown: 'ignored',
    });
    expect(f).toEqual({
      status: 'approved',
      kind: 'bad',
      district: '510903',
      projectId: '0190f3a4-7b1c-7d2e-8f00-000000000001',
      q: '天宫花园',
      overdue: true,
      page: 3,
    });
  });

  it('falls back to the defaults on missing, empty, malformed or out-of-range values (no throw)', () => {
    const defaults = { status: 'submitted', kind: null, district: null, projectId: null, q: '', overdue: false, page: 1 };
    expect(parseFilters(schema, {})).toEqual(defaults);
    expect(parseFilters(schema, { status: '', kind: '', district: '', projectId: '', q: '', overdue: '', page: '' })).toEqual(defaults);
    expect(
      parseFilters(schema, {
        status: 'deleted',
        kind: "bad' OR 1=1",
        district: '51090',
        projectId: 'not-a-uuid',
        q: '\u0000',
        overdue: 'true',
        page: '99999999999999999999',
      }),
    ).toEqual(defaults);
    expect(parseFilters(schema, { page: '0' }).page).toBe(1);
    expect(parseFilters(schema, { page: '-2' }).page).toBe(1);
    expect(parseFilters(schema, { page: '2.5' }).page).toBe(1);
    expect(parseFilters(schema, { page: '10001' }).page).toBe(1);
  });

  it('takes the first of a repeated parameter, trims and cuts free text, strips control characters', () => {
    expect(parseFilters(schema, { status: ['all', 'approved'], page: ['2', '9'] })).toMatchObject({ status: 'all', page: 2 });
    expect(parseFilters(schema, { q: 'a\u0000b\u0007c' }).q).toBe('abc');
    expect(parseFilters(schema, { q: '一二三四五六七八九十十一' }).q).toBe('一二三四五六七八九十');
    expect(firstParam({ q: ['', 'x'] }, 'q')).toBeUndefined();
  });

  it('gives the defaults when a field has no fallback of its own and fails', () => {
    const strict = z.object({ status: z.enum(['a', 'b']).default('a'), page: pageParam() });
    expect(parseFilters(strict, { status: 'zzz', page: '4' })).toEqual({ status: 'a', page: 1 });
  });
});

describe('isFiltered and listHref', () => {
  const defaults = defaultFilters(schema);

  it('tells a narrowed list from the default one, whatever the page', () => {
    expect(isFiltered(defaults, defaults)).toBe(false);
    expect(isFiltered({ ...defaults, page: 7 }, defaults)).toBe(false);
    expect(isFiltered({ ...defaults, q: '天宫' }, defaults)).toBe(true);
    expect(isFiltered({ ...defaults, status: 'all' }, defaults)).toBe(true);
    expect(isFiltered({ ...defaults, overdue: true }, defaults)).toBe(true);
  });

  it('builds links with the same parameter names the schema reads, and round-trips', () => {
    const f = parseFilters(schema, { status: 'all', q: '天宫 花园', overdue: '1', district: '510903' });
    const href = listHref('/bureau/staff', f, 2);
    expect(href).toBe('/bureau/staff?status=all&district=510903&q=%E5%A4%A9%E5%AE%AB+%E8%8A%B1%E5%9B%AD&overdue=1&page=2');
    const back = parseFilters(schema, Object.fromEntries(new URL(href, 'http://x').searchParams));
    expect(back).toEqual({ ...f, page: 2 });
  });

  it('leaves out empty values, false flags and page 1', () => {
    expect(listHref('/companies', { q: '', district: undefined, kind: null, overdue: false }, 1)).toBe('/companies');
    expect(listHref('/companies', { q: 'x', page: 5 })).toBe('/companies?q=x');
    expect(listHref('/companies', {}, 3)).toBe('/companies?page=3');
  });
});

describe('pager maths', () => {
  it('counts pages: at least one, rounding up', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(1, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(401, 20)).toBe(21);
    expect(pageCount(-3, 20)).toBe(1);
    expect(pageCount(10, 0)).toBe(1);
  });

  it('shows the first, the last and two either side of the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 10]);
    expect(pageWindow(6, 10)).toEqual([1, 4, 5, 6, 7, 8, 10]);
    expect(pageWindow(10, 10)).toEqual([1, 8, 9, 10]);
  });
});

describe('the rendered kit', () => {
  const render = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

  it('the pager links keep the filters and say page N of M and the true total', () => {
    const html = render(createElement(Pager, { page: 2, pages: 3, total: 41, unit: '件', href: (p: number) => `/bureau/filings?status=all&page=${p}` }));
    expect(html).toContain('href="/bureau/filings?status=all&amp;page=1"');
    expect(html).toContain('href="/bureau/filings?status=all&amp;page=3"');
    expect(html).toContain('<span aria-current="page">第 2 / 3 页</span>');
    expect(html).toContain('（共 41 件）');
    const first = render(createElement(Pager, { page: 1, pages: 1, total: 5, href: String }));
    expect(first).not.toContain('上一页');
    expect(first).not.toContain('下一页');
  });

  it('the public pager is plain links with the current page marked', () => {
    const html = render(createElement(NumberedPager, { path: '/lists/red', filters: { period: '2026' }, page: 2, pages: 9 }));
    expect(html).toContain('<a href="/lists/red?period=2026" rel="prev"');
    expect(html).toContain('href="/lists/red?period=2026&amp;page=2" aria-current="page"');
    expect(html).toContain('href="/lists/red?period=2026&amp;page=9"');
    expect(html).not.toContain('page=6');
  });

  it('the table is a real table whose data cells carry their column label (the phone card)', () => {
    const html = render(
      createElement(ListTable<{ id: string; name: string; status: string }>, {
        caption: '队列',
        rows: [{ id: 'a', name: '张三', status: '待审核' }],
        rowKey: (r) => r.id,
        columns: [
          { label: '人员', rowHeader: true, cell: (r) => r.name },
          { label: '状态', cell: (r) => r.status },
          { label: '操作', hideLabel: true, cell: () => '—' },
        ],
      }),
    );
    expect(html).toContain('<table class="lk-table');
    expect(html).toContain('<caption class="sr-only">队列</caption>');
    expect(html).toContain('<th scope="col" class="px-3 py-2 ">人员</th>');
    expect(html).toContain('<th scope="row" class="px-3 py-2 font-medium ">张三</th>');
    expect(html).toContain('<td data-label="状态" class="px-3 py-2 ">待审核</td>');
    expect(html).toContain('<td class="px-3 py-2 ">—</td>');
  });

  it('the empty state says "no results for these filters" and "nothing yet" differently, each with its link', () => {
    const text = { filtered: '没有符合条件的申请。', none: '目前没有待审核的申请。', next: { href: '/x?status=all', label: '查看全部申请' } };
    const filtered = render(createElement(EmptyState, { text, filtered: true, pastEnd: false, clearHref: '/x', firstHref: '/x' }));
    expect(filtered).toContain('没有符合条件的申请。');
    expect(filtered).toContain('<a href="/x" class="ml-1 text-brand-800 underline">清除筛选条件</a>');
    const none = render(createElement(EmptyState, { text, filtered: false, pastEnd: false, clearHref: '/x', firstHref: '/x' }));
    expect(none).toContain('目前没有待审核的申请。');
    expect(none).toContain('<a href="/x?status=all" class="ml-1 text-brand-800 underline">查看全部申请</a>');
    const past = render(createElement(EmptyState, { text, filtered: true, pastEnd: true, clearHref: '/x', firstHref: '/x?q=a' }));
    expect(past).toContain('没有这一页。');
    expect(past).toContain('href="/x?q=a"');
  });
});
