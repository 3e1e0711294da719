import { describe, expect, it } from 'vitest';
import { malformedActionFields, malformedActionId, malformedActionText } from '@/lib/security/action-request';

/** The fuzz run's framework-level 500s (issue 13): what the proxy refuses before Next.js decodes an action. */
describe('server-action requests the proxy refuses', () => {
  it('accepts what React’s client writes for our forms', () => {
    expect(malformedActionId('60f8377d0b5d3b0d4c1e2f3a4b5c6d7e8f9a0b1c2d')).toBe(false);
    expect(malformedActionFields([['0', '[{"message":"$undefined","values":{"name":"$$x"}},"$K1"]'], ['1_name', '张三'], ['1_evidence', { name: '证明.pdf' }]])).toBeNull();
    expect(malformedActionText('["$undefined",{"at":"$D2026-11-20T00:00:00.000Z","n":"$n12","z":"$-0"}]')).toBeNull();
  });
  it('refuses a malformed action id', () => {
    for (const id of ['', 'x', '%_%', '60f8377d'.repeat(8), '60f8377d0b5d3b0d4c1e2f3a4b5c6d7e8f9a0b1c2\u0000']) expect(malformedActionId(id)).toBe(true);
  });
  it('refuses a missing, repeated or unparseable root row, and a root that is not an argument list', () => {
    expect(malformedActionFields([['1_x', 'a']])).toBe('root row');
    expect(malformedActionFields([['0', '[]'], ['0', '[]']])).toBe('root row');
    expect(malformedActionFields([['0', '%_%']])).toBe('root row');
    expect(malformedActionFields([['0', { name: 'a.json' }]])).toBe('root row');
    expect(malformedActionFields([['0', '{"a":1}']])).toBe('arguments');
    expect(malformedActionFields([['0', '7']])).toBe('arguments');
    expect(malformedActionText('"x"')).toBe('arguments');
    expect(malformedActionText('{')).toBe('body');
  });
  it('refuses control characters in part names and file names', () => {
    expect(malformedActionFields([['0', '[]'], ['1_e', { name: 'a\u0000.jpg' }]])).toBe('file name');
    expect(malformedActionFields([['0', '[]'], ['1_\u0007', 'x']])).toBe('field name');
  });
  it('refuses server and other references our forms never send', () => {
    for (const ref of ['$h0123', '$F1', '$@1', '$Q2', '$W3', '$B4', '$T', '$1', '$Z']) {
      expect(malformedActionFields([['0', JSON.stringify([{}, ref])]])).toBe('reference');
      expect(malformedActionText(JSON.stringify([[{ deep: [ref] }]]))).toBe('reference');
    }
  });
});
