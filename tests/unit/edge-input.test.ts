/**
 * Issue 13, findings 11 and 12: bad encodings and control characters are refused at the edge or dropped from
 * search text; a page never shows text taken from its query string.
 */
import { describe, expect, it } from 'vitest';
import { publishErrorCode, publishErrorMessage, PUBLISH_ERROR_MESSAGES } from '@/lib/actions/publish-error';
import { knownLabel, smallCount } from '@/lib/actions/query-notice';
import { apiListQuery, lenientListQuery } from '@/lib/public-lists/params';
import { decodeParam, malformedRequestTarget, safeDecode, stripControlChars } from '@/lib/security/request-target';
import { searchText } from '@/lib/validation/search-text';
import { parseListParams } from '@/app/(public)/_components/list-params';

describe('request target (finding 11)', () => {
  it.each([
    ['/verify/%E0%A4%A', ''],
    ['/companies/%ZZ', ''],
    ['/projects/%', ''],
    ['/companies', '?q=%00'],
    ['/projects', '?q=%E0%A4%A'],
    ['/search', '?q=a%01b'],
    ['/projects/%00', ''],
    ['/companies', '?page=1&q=%7F'],
  ])('%s%s is refused', (path, search) => {
    expect(malformedRequestTarget(path, search)).toBe(true);
  });

  it.each([
    ['/companies', '?q=%E7%89%A9%E4%B8%9A'],
    ['/projects/3f1c', '?page=2&district=510903'],
    ['/search', '?q=a+b%0Ac'],
    ['/verify/ABCD-1234', ''],
    ['/', ''],
  ])('%s%s passes', (path, search) => {
    expect(malformedRequestTarget(path, search)).toBe(false);
  });

  it('decodes parameters without throwing', () => {
    expect(safeDecode('%E0%A4%A')).toBeNull();
    expect(decodeParam('%ZZ')).toBeNull();
    expect(decodeParam('a%00')).toBeNull();
    expect(decodeParam('%E7%89%A9')).toBe('物');
  });
});

describe('search text from the URL (finding 11)', () => {
  it('drops NUL and other control characters', () => {
    expect(stripControlChars('物\u0000业\u0007')).toBe('物业');
    expect(searchText(50).parse('\u0000物业\u0000')).toBe('物业');
    expect(searchText(5).parse('1234567')).toBe('12345');
    expect(searchText(5).parse(undefined)).toBe('');
  });

  it('every public list reading is clean', () => {
    expect(parseListParams({ q: 'a\u0000b' }).q).toBe('ab');
    expect(lenientListQuery((k) => (k === 'q' ? '\u0000花园' : undefined)).q).toBe('花园');
    const api = apiListQuery(new URLSearchParams('q=%00'));
    expect(api.success).toBe(false);
    expect(api.error?.issues[0]?.message).toBe('查询词不能含控制字符');
  });
});

describe('messages from the query string (finding 12)', () => {
  it('?publishError= shows only fixed messages', () => {
    expect(publishErrorMessage(null)).toBeNull();
    expect(publishErrorMessage('')).toBeNull();
    expect(publishErrorMessage('stale')).toBe(PUBLISH_ERROR_MESSAGES.stale);
    const injected = '系统升级，请拨打 400-000-0000 缴费';
    expect(publishErrorMessage(injected)).toBe(PUBLISH_ERROR_MESSAGES.failed);
    expect(publishErrorMessage(['__proto__'])).toBe(PUBLISH_ERROR_MESSAGES.failed);
    expect(publishErrorMessage('toString')).toBe(PUBLISH_ERROR_MESSAGES.failed);
  });

  it('a failed publication becomes a code, never its message', () => {
    expect(publishErrorCode({ code: 'CONFLICT', message: '该记录已更新，请刷新后再试' })).toBe('stale');
    expect(publishErrorCode({ code: 'CONFLICT', message: '该记录不是待公布的行政处罚信息，或已经公布' })).toBe('not-pending');
    expect(publishErrorCode({ code: 'NOT_FOUND', message: 'x' })).toBe('not-found');
    expect(publishErrorCode({ code: 'UNAUTHENTICATED', message: 'x' })).toBe('forbidden');
  });

  it('labels and counts are shown only when the page could have put them there', () => {
    const labels = { approved: '准予备案', rejected: '不予备案' };
    expect(knownLabel('准予备案', labels)).toBe('准予备案');
    expect(knownLabel('请拨打电话', labels)).toBeNull();
    expect(smallCount('3')).toBe(3);
    expect(smallCount('0')).toBeNull();
    expect(smallCount('0', 10, 0)).toBe(0);
    expect(smallCount('3 版；请访问 evil.example')).toBeNull();
  });
});
