import { describe, expect, it } from 'vitest';
import {
  ageOn,
  decidingDistrict,
  defaultExpiry,
  FIELD_GROUPS,
  FIELD_GROUP_LABELS,
  initialStatus,
  isExpiryAllowed,
  isGrantOpen,
  latestExpiry,
  MAX_GRANT_DAYS,
  mayConsent,
  mayDecide,
  NEVER_GRANTED,
  normaliseGroups,
  parseNameList,
} from '@/lib/domain/data-use';
import { verifyView } from '@/lib/domain/verify';
import { decisionSchema, committeeRequestSchema, consentSchema } from '@/lib/validation/data-use';

describe('data-use rules (SN 20)', () => {
  it('a grant is open through its expiry day and closed the day after; only when approved', () => {
    const g = { status: 'approved', expiresOn: '2026-12-20' };
    expect(isGrantOpen(g, '2026-11-20')).toBe(true);
    expect(isGrantOpen(g, '2026-12-20')).toBe(true);
    expect(isGrantOpen(g, '2026-12-21')).toBe(false);
    expect(isGrantOpen({ status: 'refused', expiresOn: '2026-12-20' }, '2026-11-20')).toBe(false);
    expect(isGrantOpen({ status: 'approved', expiresOn: null }, '2026-11-20')).toBe(false);
  });

  it('expiry: 30 days by default, at most 90, never in the past', () => {
    expect(defaultExpiry('2026-11-20')).toBe('2026-12-20');
    expect(MAX_GRANT_DAYS).toBe(90);
    expect(latestExpiry('2026-11-20')).toBe('2027-02-18');
    expect(isExpiryAllowed('2027-02-18', '2026-11-20')).toBe(true);
    expect(isExpiryAllowed('2027-02-19', '2026-11-20')).toBe(false);
    expect(isExpiryAllowed('2026-11-20', '2026-11-20')).toBe(true);
    expect(isExpiryAllowed('2026-11-19', '2026-11-20')).toBe(false);
    expect(isExpiryAllowed('not a date', '2026-11-20')).toBe(false);
  });

  it('who decides (属地): the estate’s district for a committee, the company’s for a company or a department, the person’s for their own', () => {
    const facts = { estateDistrictId: 'E', companyDistrictId: 'C', personDistrictId: 'P' };
    expect(decidingDistrict('committee', facts)).toBe('E');
    expect(decidingDistrict('company', facts)).toBe('C');
    expect(decidingDistrict('department', facts)).toBe('C');
    expect(decidingDistrict('own', facts)).toBe('P');
    expect(decidingDistrict('committee', {})).toBeNull();
  });

  it('a committee’s request waits for the company’s consent; the others go to the district', () => {
    expect(initialStatus('committee')).toBe('awaiting_consent');
    expect(initialStatus('company')).toBe('submitted');
    expect(initialStatus('department')).toBe('submitted');
    expect(mayConsent({ kind: 'committee', status: 'awaiting_consent' })).toBe(true);
    expect(mayConsent({ kind: 'department', status: 'awaiting_consent' })).toBe(false);
    expect(mayConsent({ kind: 'committee', status: 'submitted' })).toBe(false);
    expect(mayDecide({ status: 'submitted' })).toBe(true);
    expect(mayDecide({ status: 'awaiting_consent' })).toBe(false);
    expect(mayDecide({ status: 'approved' })).toBe(false);
  });

  it('field groups: canonical order, unknown dropped; none of them is a private field', () => {
    expect(normaliseGroups(['records', 'posts', 'records', 'idNumber'])).toEqual(['posts', 'records']);
    for (const g of FIELD_GROUPS) expect(FIELD_GROUP_LABELS[g]).toBeTruthy();
    for (const k of NEVER_GRANTED) expect(FIELD_GROUPS as readonly string[]).not.toContain(k);
    const labels = Object.values(FIELD_GROUP_LABELS).join('');
    for (const word of ['民族', '籍贯', '政治面貌', '出生日期', '手机']) expect(labels).not.toContain(word);
  });

  it('age from the birth date (the grant shows the age, never the date)', () => {
    expect(ageOn('1990-11-20', '2026-11-20')).toBe(36);
    expect(ageOn('1990-11-21', '2026-11-20')).toBe(35);
    expect(ageOn('1990-12-01', '2026-11-20')).toBe(35);
  });

  it('names typed one per line or separated by commas', () => {
    expect(parseNameList('张三\n李四，王五、张三\n\n')).toEqual(['张三', '李四', '王五']);
  });

  it('validation: the promise is required; named staff need names; a refusal needs a reason; approval needs people, fields and a date', () => {
    const base = { companyUscc: '91510903MA6TE0T01X', subjects: 'all_current', names: '', useMatter: '选聘', purpose: '选聘物业服务企业', scopeText: '业委会' };
    const noPromise = committeeRequestSchema.safeParse(base);
    expect(noPromise.success).toBe(false);
    expect(noPromise.error?.issues.map((i) => i.path[0])).toContain('protectionPromised');
    const listed = committeeRequestSchema.safeParse({ ...base, subjects: 'listed', protectionPromised: 'on' });
    expect(listed.error?.issues.map((i) => i.path[0])).toContain('names');
    expect(consentSchema.safeParse({ requestId: crypto.randomUUID(), version: 1, answer: 'refuse', reason: '' }).success).toBe(false);
    expect(consentSchema.safeParse({ requestId: crypto.randomUUID(), version: 1, answer: 'consent', reason: '' }).success).toBe(true);
    const approve = decisionSchema.safeParse({ requestId: crypto.randomUUID(), version: 1, outcome: 'approve', practitionerIds: [], fields: [], expiresOn: '' });
    expect(approve.error?.issues.map((i) => i.path[0]).sort()).toEqual(['expiresOn', 'fields', 'practitionerIds']);
    const one = decisionSchema.safeParse({ requestId: crypto.randomUUID(), version: 1, outcome: 'approve', practitionerIds: crypto.randomUUID(), fields: 'posts', expiresOn: '2026-12-20' });
    expect(one.success && one.data.step).toBe('review');
    expect(decisionSchema.safeParse({ requestId: crypto.randomUUID(), version: 1, outcome: 'refuse', reason: '' }).success).toBe(false);
  });

  it('/verify of a printed full record: the name masked, counts only, current until the record changes', () => {
    const doc = {
      kind: 'full_record',
      summary: { name: '王小明', posts: [{ companyName: '某物业公司', post: '项目负责人' }], employment: [{}, {}], certificates: [{}], records: [], approvedBy: '船山区住房和城乡建设局', fingerprint: 'x' },
      issuedAt: new Date('2026-11-20T02:00:00Z'),
      validUntil: null,
      revokedAt: null,
      creditRecord: null,
    };
    const v = verifyView({ ...doc, fullRecordChanged: false }, '2026-11-21');
    expect(v.status).toBe('valid');
    expect(Object.fromEntries(v.rows)).toEqual({ 当事人: '王*明', 出具时岗位: '某物业公司 项目负责人', 从业经历: '2 段', 资格证书: '1 项', 奖惩记录: '0 条', 审批机关: '船山区住房和城乡建设局' });
    expect(verifyView({ ...doc, fullRecordChanged: true }, '2026-11-21').status).toBe('record-changed');
    expect(verifyView({ ...doc, fullRecordChanged: true, revokedAt: new Date() }, '2026-11-21').status).toBe('revoked');
  });
});
