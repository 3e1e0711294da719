import { describe, expect, it, vi } from 'vitest';

// next-auth's modules cannot load outside Next.js; the actions refuse before any session is read.
vi.mock('next-auth', () => ({ default: () => ({ handlers: {}, auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }), CredentialsSignin: class extends Error {} }));
vi.mock('next-auth/providers/credentials', () => ({ default: (config: unknown) => config }));
import { fileObjectionAction, fileOwnRecordByNoticeAction, filePublicRecordObjectionAction, ownRecordLookupAction } from '@/app/(public)/objections/actions';
import { fileStatementAction } from '@/app/(public)/statements/actions';

/**
 * `npm run fuzz` found it: a hand-made server-action request whose argument list is empty (`0=[]`) reached an
 * anonymous form action with no FormData, which threw — a 500. They answer with a message instead, before any work.
 */
describe('anonymous form actions called with other arguments than their FormData', () => {
  const actions = { fileObjectionAction, filePublicRecordObjectionAction, fileOwnRecordByNoticeAction, ownRecordLookupAction, fileStatementAction };
  for (const [name, action] of Object.entries(actions)) {
    it(name, async () => {
      for (const args of [[], [{}], [{}, 'x'], [{}, { get: () => 'x' }], [{}, null]] as unknown[][]) {
        const r = await (action as (...a: unknown[]) => Promise<{ message?: string }>)(...args);
        expect(r.message).toBe('请求格式无效，请刷新页面后重试。');
      }
    });
  }
});
