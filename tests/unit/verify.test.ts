import { describe, expect, it } from 'vitest';
import { maskName, verifyView, type VerifyInput } from '@/lib/domain/verify';

const base: VerifyInput = { kind: 'record_notice', summary: {}, issuedAt: new Date('2026-11-01T02:00:00Z'), validUntil: null, revokedAt: null, creditRecord: null };

describe('/verify: what a printed document’s code confirms', () => {
  it('masks a person’s name so the holder can match it and a passer-by learns nothing new', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小明')).toBe('李*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });

  it('a staff record notice shows the masked name and the record’s facts, never other summary fields', () => {
    const v = verifyView(
      { ...base, summary: { title: '从业人员不良行为记录告知书', name: '李小明', type: '违规收费', occurredOn: '2026-10-02', issuer: null, recordedBy: '船山区住房和城乡建设局', recordedOn: '2026-10-08', idNumber: '510903199001011234' } },
      '2026-11-23',
    );
    expect(v.title).toBe('从业人员不良行为记录告知书');
    expect(v.status).toBe('valid');
    expect(v.rows).toEqual([
      ['当事人', '李*明'],
      ['记录类型', '违规收费'],
      ['发生日期', '2026-10-02'],
      ['记录机关', '船山区住房和城乡建设局'],
      ['记录日期', '2026-10-08'],
    ]);
    expect(JSON.stringify(v)).not.toContain('510903199001011234');
  });

  it('a risk-warning letter shows the company, the year, the score against the line and the interview date', () => {
    const v = verifyView(
      { ...base, kind: 'risk_warning_letter', summary: { year: 2026, companyName: '四川锦华物业服务有限公司', uscc: '91510900MA62A1B2C3', score: 85, line: 90, interviewDue: '2026-12-08', districtName: '船山区' } },
      '2026-11-23',
    );
    expect(v.title).toBe('信用风险提示函');
    expect(v.rows).toContainEqual(['年度信用评价得分', '85.00 分（低于 90 分）']);
    expect(v.rows).toContainEqual(['约谈期限', '2026-12-08']);
  });

  it('says when a document was revoked, has expired, or its credit record no longer stands', () => {
    expect(verifyView({ ...base, revokedAt: new Date() }, '2026-11-23').status).toBe('revoked');
    expect(verifyView({ ...base, validUntil: '2026-11-22' }, '2026-11-23').status).toBe('expired');
    expect(verifyView({ ...base, validUntil: '2026-11-23' }, '2026-11-23').status).toBe('valid');
    const record = { companyName: '某物业公司', uscc: '91510900MA62A1B2C3', category: 'warning', type: '消防通道堵塞', occurredOn: '2026-09-01', status: 'repaired' };
    const v = verifyView({ ...base, summary: { title: '警示信用信息告知书' }, creditRecord: record }, '2026-11-23');
    expect(v.status).toBe('record-withdrawn');
    expect(v.rows).toContainEqual(['信用信息', '警示：消防通道堵塞']);
    expect(verifyView({ ...base, creditRecord: { ...record, status: 'approved' } }, '2026-11-23').status).toBe('valid');
  });
});
