import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@/lib/domain/id-number';
import { practitionerEntrySchema } from '@/lib/validation/practitioner';

const id = (first17: string) => first17 + idCheckChar(first17);
const VALID = {
  name: '张三',
  idNumber: id('51090319900101123'),
  ethnicity: '汉族',
  nativePlace: '四川遂宁',
  politicalStatus: '群众',
  mobile: '13912345678',
  school: '',
  major: '',
  education: '高中',
  skills: '',
  certificates: [{ name: '电工作业证', number: 'T510903199001011234', issuer: '四川省应急管理厅', validUntil: '2030-06-30' }],
  hiredOn: '2026-11-02',
  labourContractOn: '2026-11-02',
  projectId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  post: '工程维修人员',
  informed: true,
};

const errorsOf = (input: unknown) => {
  const r = practitionerEntrySchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the practitioner entry form (SN 5, SN 7)', () => {
  it('accepts a complete entry and keeps nothing beyond the fields of SPEC §2', () => {
    const r = practitionerEntrySchema.parse({ ...VALID, religion: '无', homeAddress: '某地' });
    expect(r).not.toHaveProperty('religion');
    expect(r).not.toHaveProperty('homeAddress');
    expect(r.school).toBeNull();
    expect(r.certificates).toHaveLength(1);
  });

  it('checks the ID number and says what is wrong, in Chinese', () => {
    expect(errorsOf({ ...VALID, idNumber: id('51090319900101123').slice(0, 17) + 'Y' })).toMatchObject({ idNumber: '身份证号码格式不正确' });
    const wrongCheck = id('51090319900101123');
    const other = wrongCheck.slice(0, 17) + (wrongCheck[17] === '0' ? '1' : '0');
    expect(errorsOf({ ...VALID, idNumber: other })).toMatchObject({ idNumber: '身份证号码校验位不正确' });
    expect(errorsOf({ ...VALID, idNumber: id('51090320200101123') })).toMatchObject({ idNumber: '未满 16 周岁，不能登记为从业人员' });
  });

  it('requires the confirmation that the person was told why the data is collected (SN 5)', () => {
    expect(errorsOf({ ...VALID, informed: false })).toMatchObject({ informed: '请确认已向本人告知信息采集的目的和用途' });
    expect(errorsOf({ ...VALID, informed: undefined })).toHaveProperty('informed');
  });

  it('takes closed lists for ethnicity, political status, education and post', () => {
    expect(errorsOf({ ...VALID, ethnicity: '火星族' })).toMatchObject({ ethnicity: '请选择民族' });
    expect(errorsOf({ ...VALID, politicalStatus: '其他' })).toMatchObject({ politicalStatus: '请选择政治面貌' });
    expect(errorsOf({ ...VALID, education: '幼儿园' })).toMatchObject({ education: '请选择学历' });
    expect(errorsOf({ ...VALID, post: '董事长' })).toMatchObject({ post: '请选择岗位' });
  });

  it('checks mobile, dates and each certificate at its own field', () => {
    expect(errorsOf({ ...VALID, mobile: '0825-1234567' })).toMatchObject({ mobile: '请填写 11 位手机号码' });
    expect(errorsOf({ ...VALID, labourContractOn: '2026/11/02' })).toMatchObject({ labourContractOn: '请按“年-月-日”填写劳动合同签订日期' });
    expect(errorsOf({ ...VALID, certificates: [{ ...VALID.certificates[0], number: '' }] })).toMatchObject({ 'certificates.0.number': '请填写证书编号' });
  });
});

describe('dates on the entry form', () => {
  it('refuses impossible calendar dates', () => {
    expect(errorsOf({ ...VALID, hiredOn: '2026-02-30' })).toMatchObject({ hiredOn: '入职时间无效' });
    expect(errorsOf({ ...VALID, certificates: [{ ...VALID.certificates[0], validUntil: '2030-13-01' }] })).toMatchObject({
      'certificates.0.validUntil': '请按“年-月-日”填写有效期',
    });
  });
});
