import { describe, expect, it } from 'vitest';
import {
  buildRecordCorrection,
  formatPoints,
  parseRecordObjectionBody,
  parseRecordObjectionDecision,
  recordRepeatRefusal,
  revocationCorrection,
} from '@/lib/domain/objections';
import { idCheckChar } from '@/lib/domain/id-number';
import { STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { keysFromBase64 } from '@/lib/security/id-crypto';
import { IDENTITY_TOKEN_TTL_MS, signIdentity, verifyIdentity } from '@/lib/security/identity-token';
import {
  companyRecordObjectionSchema,
  publicRecordObjectionSchema,
  recordObjectionHandlingSchema,
  recordStatementSchema,
} from '@/lib/validation/objections';

const RECORD = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const CASE = '0b8a1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d';

describe('SPEC §3.8: a repeated objection on the same record without new evidence is not accepted', () => {
  const decided = [{ status: 'dismissed' }];
  it('the first objection on a record is accepted', () => {
    expect(recordRepeatRefusal([], ['a'], new Set())).toBeNull();
  });
  it('while one is open (accepted or under verification) another is refused, whatever it carries', () => {
    expect(recordRepeatRefusal([{ status: 'open' }], ['new'], new Set())).toBe('open');
    expect(recordRepeatRefusal([{ status: 'corrected' }, { status: 'verifying' }], ['new'], new Set(['old']))).toBe('open');
  });
  it('after a decision: refused with no file, or only files already seen on that record', () => {
    expect(recordRepeatRefusal(decided, [], new Set(['a']))).toBe('no-new-evidence');
    expect(recordRepeatRefusal(decided, ['a'], new Set(['a', 'b']))).toBe('no-new-evidence');
    expect(recordRepeatRefusal([{ status: 'corrected' }], ['a', 'b'], new Set(['a', 'b']))).toBe('no-new-evidence');
  });
  it('after a decision: accepted with at least one file not seen before', () => {
    expect(recordRepeatRefusal(decided, ['a', 'c'], new Set(['a', 'b']))).toBeNull();
  });
});

describe('DW 9: a correction is published item by item, never a silent edit', () => {
  const before = { type: '消防通道堵塞未及时整改', description: '某小区消防通道堵塞', severity: '一般', points: '3.00', publicUntil: '2027-06-11' };
  const meta = { on: '2026-11-23', reason: '经核查，堵塞系临时施工', caseId: CASE };

  it('names only the items that change, with the labels the public reads', () => {
    const c = buildRecordCorrection(before, { type: before.type, points: '2.00', description: '某小区消防通道临时占用' }, meta);
    expect(c).toEqual({
      on: '2026-11-23',
      reason: '经核查，堵塞系临时施工',
      before: { 分值: '3', 事实描述: '某小区消防通道堵塞' },
      after: { 分值: '2', 事实描述: '某小区消防通道临时占用' },
      caseId: CASE,
    });
  });
  it('a severity change carries the public window it moves (一般 → 轻微)', () => {
    const c = buildRecordCorrection(before, { severity: '轻微', publicUntil: '2026-09-11' }, meta);
    expect(c?.before).toEqual({ 严重程度: '一般', 公示截止日期: '2027-06-11' });
    expect(c?.after).toEqual({ 严重程度: '轻微', 公示截止日期: '2026-09-11' });
  });
  it('points written differently are the same points; nothing changing is no correction', () => {
    expect(formatPoints('3.00')).toBe('3');
    expect(formatPoints('2.50')).toBe('2.5');
    expect(buildRecordCorrection(before, { points: '3', description: ' 某小区消防通道堵塞 ' }, meta)).toBeNull();
    expect(buildRecordCorrection(before, {}, meta)).toBeNull();
  });
  it('a record withdrawn as a whole is published as a revocation with the reason', () => {
    expect(revocationCorrection(meta)).toEqual({ on: '2026-11-23', reason: meta.reason, before: {}, after: {}, caseId: CASE, revoked: true });
  });
  it('bodies and decisions read back; a hand-written body is a public objection with that text', () => {
    expect(parseRecordObjectionBody(JSON.stringify({ filer: 'company', reason: '分值有误' }))).toEqual({ filer: 'company', reason: '分值有误' });
    expect(parseRecordObjectionBody('手写内容')).toEqual({ filer: 'public', reason: '手写内容' });
    expect(parseRecordObjectionDecision(JSON.stringify({ outcome: 'revoked', correction: revocationCorrection(meta) }))?.outcome).toBe('revoked');
    expect(parseRecordObjectionDecision('{"outcome":"maybe"}')).toBeNull();
    expect(parseRecordObjectionDecision(null)).toBeNull();
  });
});

describe('forms', () => {
  it('DW 9 第二款: anyone names themselves, a phone (mobile or landline) and what is wrong', () => {
    const ok = publicRecordObjectionSchema.safeParse({ subject: 'credit_record', recordId: RECORD, name: '李四', phone: '0825-2221234', reason: '该小区消防通道并未堵塞，附现场照片' });
    expect(ok.success && ok.data.phone).toBe('0825-2221234');
    const bad = publicRecordObjectionSchema.safeParse({ subject: 'project', recordId: 'x', name: '', phone: '12', reason: '错' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['name', 'phone', 'reason', 'recordId', 'subject']);
    expect(companyRecordObjectionSchema.safeParse({ recordId: RECORD, reason: '   ' }).success).toBe(false);
  });
  it('a handler leaves blank what does not change; points are 0–100 with at most two decimals', () => {
    const base = { action: 'correct', caseId: CASE, version: '2', note: '经核查更正' };
    const r = recordObjectionHandlingSchema.parse({ ...base, type: '', description: '', severity: '', points: '' });
    expect(r).toEqual({ action: 'correct', caseId: CASE, version: 2, note: '经核查更正' });
    expect(recordObjectionHandlingSchema.parse({ ...base, points: '2.5' })).toMatchObject({ points: 2.5 });
    expect(recordObjectionHandlingSchema.safeParse({ ...base, points: '2.555' }).success).toBe(false);
    expect(recordObjectionHandlingSchema.safeParse({ ...base, points: '-1' }).success).toBe(false);
    expect(recordObjectionHandlingSchema.safeParse({ ...base, severity: '特别严重' }).success).toBe(false);
    expect(recordObjectionHandlingSchema.safeParse({ action: 'dismiss', caseId: CASE, version: 1, note: '' }).success).toBe(false);
  });
  it(`SPEC §3.7: a statement is short (at most ${STATEMENT_MAX_CHARS} characters)`, () => {
    const who = { noticeCode: 'GR-2026-0001', name: '张三', idNumber: `11010519491231002${idCheckChar('11010519491231002')}` };
    expect(recordStatementSchema.safeParse({ ...who, statement: '字'.repeat(STATEMENT_MAX_CHARS) }).success).toBe(true);
    expect(recordStatementSchema.safeParse({ ...who, statement: '字'.repeat(STATEMENT_MAX_CHARS + 1) }).success).toBe(false);
  });
});

describe('the look-up proof of identity', () => {
  const keys = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
  const other = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 3).toString('base64'));
  it('names the person for 30 minutes, and only with the platform key', () => {
    const t0 = 1_800_000_000_000;
    const token = signIdentity(RECORD, keys, t0);
    expect(verifyIdentity(token, keys, t0 + 1000)).toBe(RECORD);
    expect(verifyIdentity(token, keys, t0 + IDENTITY_TOKEN_TTL_MS + 1)).toBeNull();
    expect(verifyIdentity(token, other, t0)).toBeNull();
    const [id, exp, mac] = token.split('.');
    expect(verifyIdentity(`${CASE}.${exp}.${mac}`, keys, t0)).toBeNull();
    expect(verifyIdentity(`${id}.${Number(exp) + 1e9}.${mac}`, keys, t0)).toBeNull();
    expect(verifyIdentity('garbage', keys, t0)).toBeNull();
  });
});
