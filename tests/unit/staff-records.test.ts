/**
 * Staff good and bad records (SN 9–14, 18): the rules of the filing forms, from the articles' own words and
 * examples.
 */
import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import {
  ASSOCIATION_ONLY_MESSAGE,
  associationCapMessage,
  associationCapRefusal,
  BAD_RECORD_TYPES,
  badRecordEmployerNotice,
  badReportLateDays,
  COMPANY_GOOD_RECORD_TYPES,
  goodRecordLateDays,
  goodRecordProblems,
  isOwnerPraiseForm,
  lateLabel,
  objectionRoutes,
} from '@/lib/domain/records';
import { badReportSchema, goodRecordSchema, recordDecisionSchema } from '@/lib/validation/records';

const policy = defaultCreditPolicy;
const PID = '00000000-0000-4000-8000-000000000001';

describe('SN 9.3: owner praise is written — letters and banners only', () => {
  it('accepts a letter (表扬信) and a banner (锦旗)', () => {
    expect(isOwnerPraiseForm('表扬信')).toBe(true);
    expect(isOwnerPraiseForm('锦旗')).toBe(true);
    expect(goodRecordProblems('业主书面表扬', { praiseForm: '锦旗', evidenceFiles: 1, photoFiles: 0 })).toEqual({});
    expect(goodRecordProblems('业主书面表扬', { praiseForm: '表扬信', evidenceFiles: 1, photoFiles: 0 })).toEqual({});
  });

  it('refuses verbal praise and praise in the owners’ group chat (“口头性表扬或在业主群简单表扬…不予纳入”)', () => {
    for (const form of ['口头表扬', '业主群表扬', '微信群点赞', '', null]) {
      const p = goodRecordProblems('业主书面表扬', { praiseForm: form, evidenceFiles: 1, photoFiles: 0 });
      expect(p.praiseForm).toContain('表扬信或锦旗');
      expect(p.praiseForm).toContain('业主口头表扬或在业主群中的简单表扬不予纳入');
    }
    const parsed = goodRecordSchema.safeParse({
      practitionerId: PID,
      type: '业主书面表扬',
      praiseForm: '口头表扬',
      issuer: '业主',
      description: '业主在群里表扬其服务好',
      occurredOn: '2026-11-01',
      receivedOn: '2026-11-01',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['praiseForm']);
  });

  it('needs the letter or a photo of the banner as evidence (SN 12 “上传证明材料”)', () => {
    expect(goodRecordProblems('业主书面表扬', { praiseForm: '锦旗', evidenceFiles: 0, photoFiles: 0 }).evidence).toMatch(/证明材料/);
    expect(goodRecordProblems('政府部门表彰', { evidenceFiles: 0, photoFiles: 0 }).evidence).toMatch(/证明材料/);
    expect(goodRecordProblems('政府部门表彰', { evidenceFiles: 1, photoFiles: 0 })).toEqual({});
  });
});

describe('SN 11: 从业表现突出 needs the participants and site photos', () => {
  it('lists what is missing', () => {
    expect(goodRecordProblems('从业表现突出', { participants: '', evidenceFiles: 0, photoFiles: 0 })).toEqual({
      participants: '请填写参与处置的人员（第十一条）',
      photos: '请上传至少一张现场照片（第十一条）',
    });
    expect(goodRecordProblems('从业表现突出', { participants: '   ', evidenceFiles: 3, photoFiles: 1 })).toEqual({ participants: '请填写参与处置的人员（第十一条）' });
    expect(goodRecordProblems('从业表现突出', { participants: '张三、李四', evidenceFiles: 2, photoFiles: 0 })).toEqual({ photos: '请上传至少一张现场照片（第十一条）' });
  });

  it('is complete with participants and one photo (other evidence optional)', () => {
    expect(goodRecordProblems('从业表现突出', { participants: '张三、李四', evidenceFiles: 0, photoFiles: 1 })).toEqual({});
  });
});

describe('SN 10: association commendations are filed by the association, at most 100 person-times a year', () => {
  it('a company may not file 行业协会表彰', () => {
    expect(COMPANY_GOOD_RECORD_TYPES).not.toContain('行业协会表彰');
    const parsed = goodRecordSchema.safeParse({
      practitionerId: PID,
      type: '行业协会表彰',
      issuer: '遂宁市物业管理协会',
      description: '年度物业服务之星',
      occurredOn: '2026-11-01',
      receivedOn: '2026-11-02',
    });
    expect(parsed.error?.issues.find((i) => i.path[0] === 'type')?.message).toBe(ASSOCIATION_ONLY_MESSAGE);
  });

  it('the 100th is accepted, the 101st refused with the cap message', () => {
    expect(associationCapRefusal(0, 2026, policy)).toBeNull();
    expect(associationCapRefusal(99, 2026, policy)).toBeNull();
    expect(associationCapRefusal(100, 2026, policy)).toBe(associationCapMessage(2026, policy));
    expect(associationCapRefusal(100, 2026, policy)).toContain('2026 年度行业协会表彰已达 100 人次上限');
    expect(associationCapRefusal(130, 2026, policy)).not.toBeNull();
  });

  it('follows the policy when a city sets another cap', () => {
    expect(associationCapRefusal(49, 2027, { associationCommendationsPerYear: 50 })).toBeNull();
    expect(associationCapRefusal(50, 2027, { associationCommendationsPerYear: 50 })).toContain('50 人次上限');
  });
});

describe('SN 12: a good record is filed within five days of receiving the document — later is flagged', () => {
  it('counts calendar days after receipt', () => {
    expect(goodRecordLateDays('2026-11-01', '2026-11-01', policy)).toBe(0);
    expect(goodRecordLateDays('2026-11-01', '2026-11-06', policy)).toBe(0);
    expect(goodRecordLateDays('2026-11-01', '2026-11-07', policy)).toBe(1);
    // Across a month end and a holiday: calendar days, not working days.
    expect(goodRecordLateDays('2026-09-28', '2026-10-08', policy)).toBe(5);
    expect(lateLabel(goodRecordLateDays('2026-11-01', '2026-11-09', policy))).toBe('逾期 3 天');
    expect(lateLabel(0)).toBeNull();
  });

  it('the document cannot be received before it was issued', () => {
    const parsed = goodRecordSchema.safeParse({
      practitionerId: PID,
      type: '政府部门表彰',
      issuer: '船山区住房和城乡建设局',
      description: '被评为年度优秀物业服务人员',
      occurredOn: '2026-11-05',
      receivedOn: '2026-11-04',
    });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['receivedOn']);
  });
});

describe('SN 13–14: bad conduct is reported within three days, as one of the eleven types', () => {
  it('counts calendar days after the evidence was received (or issued)', () => {
    expect(badReportLateDays('2026-11-01', '2026-11-04', policy)).toBe(0);
    expect(badReportLateDays('2026-11-01', '2026-11-05', policy)).toBe(1);
    expect(badReportLateDays('2026-11-01', '2026-11-11', policy)).toBe(7);
  });

  it('accepts only the types of article 13', () => {
    const base = { practitionerId: PID, description: '业主投诉其辱骂业主，经核实属实', occurredOn: '2026-11-01', receivedOn: '2026-11-02' };
    expect(BAD_RECORD_TYPES).toHaveLength(11);
    expect(badReportSchema.safeParse({ ...base, type: BAD_RECORD_TYPES[4] }).success).toBe(true);
    expect(badReportSchema.safeParse({ ...base, type: '态度不好' }).success).toBe(false);
  });

  it('declining a report needs a reason', () => {
    const d = { id: PID, expectedVersion: 1, decision: 'rejected', reason: '' };
    expect(recordDecisionSchema.safeParse(d).error?.issues[0]?.message).toBe('不予记录时必须写明理由');
    expect(recordDecisionSchema.safeParse({ ...d, reason: '证据不足' }).success).toBe(true);
    expect(recordDecisionSchema.safeParse({ ...d, decision: 'approved' }).success).toBe(true);
  });
});

describe('SN 18 and 两书同达: the notice says what was recorded and how to object', () => {
  const facts = {
    name: '张三',
    type: BAD_RECORD_TYPES[4],
    description: '业主投诉其辱骂业主，经社区核实负有责任',
    occurredOn: '2026-11-01',
    issuer: '某街道办事处',
    bureau: '遂宁市船山区住房和城乡建设局',
    recordedOn: '2026-11-05',
    noticeCode: 'ABCD2345EFGH',
  };

  it('the employer’s notice names the record, the code and the ways to object', () => {
    const n = badRecordEmployerNotice(facts);
    expect(n.title).toBe('不良行为记录告知：张三（业主投诉经核实负有责任）');
    for (const part of [facts.type, facts.description, facts.issuer, facts.occurredOn, facts.noticeCode, '/objections/new', '第十八条', facts.bureau]) {
      expect(n.body).toContain(part);
    }
  });

  it('objecting: online with the code, or to the company or the district', () => {
    const routes = objectionRoutes(facts, 'https://example.org/objections/new');
    expect(routes[0]).toContain('https://example.org/objections/new');
    expect(routes[0]).toContain('ABCD2345EFGH');
    expect(routes[1]).toContain('所在物业服务企业或遂宁市船山区住房和城乡建设局');
  });
});
