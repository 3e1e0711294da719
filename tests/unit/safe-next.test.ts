import { describe, expect, it } from 'vitest';
import { MAX_NEXT_LENGTH, safeNextPath } from '@/lib/validation/auth';

describe('safeNextPath: where a sign-in may send the user', () => {
  it('keeps paths on this site, re-serialised', () => {
    expect(safeNextPath('/bureau')).toBe('/bureau');
    expect(safeNextPath('/bureau/accounts?q=a&page=2#list')).toBe('/bureau/accounts?q=a&page=2#list');
    expect(safeNextPath('/company/staff/公司')).toBe('/company/staff/%E5%85%AC%E5%8F%B8');
    expect(safeNextPath('/a/../bureau')).toBe('/bureau');
    expect(safeNextPath('/%09/example.org')).toBe('/%09/example.org');
  });

  // Values as the page and the action receive them: the query string and form fields are already decoded.
  const HOSTILE: Record<string, unknown> = {
    'protocol-relative': '//evil.example',
    'protocol-relative with path': '//evil.example/bureau',
    backslash: '/\\evil.example',
    'two backslashes': '\\\\evil.example',
    'backslash then slash': '/\\/evil.example',
    'tab (decoded %09)': '/\t/evil.example',
    'line feed (decoded %0A)': '/\n/evil.example',
    'carriage return (decoded %0D)': '/\r/evil.example',
    'CRLF header injection': '/bureau\r\nSet-Cookie: x=1',
    'null byte': '/bureau\u0000',
    DEL: '/\u007f/evil.example',
    'leading space': ' //evil.example',
    'dot segments into //': '/..//evil.example',
    'encoded dot segments into //': '/%2e%2e//evil.example',
    'dot then //': '/.//evil.example',
    'javascript:': 'javascript:alert(1)',
    'JavaScript: mixed case': 'JaVaScRiPt:alert(1)',
    'data:': 'data:text/html,<script>alert(1)</script>',
    'https://': 'https://evil.example/',
    'http:// with our path': 'http://evil.example/bureau',
    'scheme-relative with credentials': '//user@evil.example',
    'relative path': 'bureau',
    'empty string': '',
    'very long': '/' + 'a'.repeat(MAX_NEXT_LENGTH),
    'long after encoding': '/' + '公'.repeat(700),
    array: ['/bureau'],
    number: 42,
    null: null,
    undefined: undefined,
  };
  for (const [name, value] of Object.entries(HOSTILE)) {
    it(`refuses ${name}`, () => {
      expect(safeNextPath(value)).toBeNull();
    });
  }

  it('never returns a value a browser would take to another site or that breaks a header', () => {
    const base = 'https://wyxy.example.gov.cn';
    for (const value of Object.values(HOSTILE)) {
      const path = safeNextPath(value);
      if (path === null) continue;
      expect(new URL(path, base).origin).toBe(base);
      expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    }
  });
});
