import { describe, expect, it } from 'vitest';
import { idCheckChar } from '@/lib/domain/id-number';
import {
  cellToDate,
  cellToIdNumber,
  cellToMobile,
  columnForField,
  columnForHeader,
  EXPORT_COLUMNS,
  IMPORT_COLUMNS,
  isInCellPicture,
  mapRosterRow,
  parseCertificates,
} from '@/lib/domain/roster';
import { practitionerEntrySchema } from '@/lib/validation/practitioner';

const ID = '51090319880808123' + idCheckChar('51090319880808123');

describe('roster dates', () => {
  it.each([
    ['2026-09-28', '2026-09-28'],
    ['2026/9/28', '2026-09-28'],
    ['2026.9.8', '2026-09-08'],
    ['2026年9月28日', '2026-09-28'],
    [' 2026 年 9 月 28 日 ', '2026-09-28'],
    ['20260928', '2026-09-28'],
  ])('reads text %s', (input, iso) => {
    expect(cellToDate(input, '入职时间')).toEqual({ ok: true, value: iso });
  });

  it('reads Excel dates (a Date at UTC midnight, or a few hours off) and serial numbers', () => {
    expect(cellToDate(new Date(Date.UTC(2026, 8, 28)), 'x')).toEqual({ ok: true, value: '2026-09-28' });
    expect(cellToDate(new Date(Date.UTC(2026, 8, 27, 16)), 'x')).toEqual({ ok: true, value: '2026-09-28' });
    // 46293 is 2026-09-28 in Excel's 1900 system.
    expect(cellToDate(46293, 'x')).toEqual({ ok: true, value: '2026-09-28' });
    expect(cellToDate({ formula: 'DATE(2026,9,28)', result: new Date(Date.UTC(2026, 8, 28)) }, 'x')).toEqual({ ok: true, value: '2026-09-28' });
  });

  it('refuses impossible and unreadable dates with the column named, and treats empty as missing', () => {
    expect(cellToDate('2026-02-30', '入职时间')).toEqual({ ok: false, message: '入职时间“2026-02-30”不是有效的日期' });
    expect(cellToDate('下个月', '入职时间')).toMatchObject({ ok: false, message: expect.stringContaining('无法识别') });
    expect(cellToDate(-3, '入职时间')).toEqual({ ok: false, message: '入职时间不是有效的日期' });
    expect(cellToDate(null, 'x')).toEqual({ ok: true, value: null });
    expect(cellToDate('', 'x')).toEqual({ ok: true, value: null });
  });
});

describe('roster ID numbers', () => {
  it('refuses an ID stored as a number: its last digits are already lost', () => {
    const r = cellToIdNumber(Number(ID.slice(0, 17) + '0'));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('文本') });
    expect(cellToIdNumber('5.10903E+17')).toMatchObject({ ok: false, message: expect.stringContaining('科学计数法') });
  });

  it('normalises text: spaces, a leading apostrophe, lower-case x', () => {
    expect(cellToIdNumber(` ${ID.slice(0, 6)} ${ID.slice(6)} `)).toEqual({ ok: true, value: ID });
    expect(cellToIdNumber("'51090319900101001x")).toEqual({ ok: true, value: '51090319900101001X' });
    expect(cellToIdNumber({ richText: [{ text: ID.slice(0, 9) }, { text: ID.slice(9) }] })).toEqual({ ok: true, value: ID });
  });

  it('mobile numbers may be numbers (exact in a double)', () => {
    expect(cellToMobile(13800001111)).toBe('13800001111');
    expect(cellToMobile('138-0000-1111')).toBe('13800001111');
  });
});

describe('roster certificates column', () => {
  it('reads items separated by ; or ； or line breaks, each 名称|编号|发证机关|有效期 with an optional validity', () => {
    expect(parseCertificates('消防设施操作员|XF2024-0001|四川省消防救援总队|2029-12-31；电工证 | DG1 | 遂宁市应急管理局|\n保安员证|BA9|遂宁市公安局')).toEqual({
      value: [
        { name: '消防设施操作员', number: 'XF2024-0001', issuer: '四川省消防救援总队', validUntil: '2029-12-31' },
        { name: '电工证', number: 'DG1', issuer: '遂宁市应急管理局', validUntil: null },
        { name: '保安员证', number: 'BA9', issuer: '遂宁市公安局', validUntil: null },
      ],
      errors: [],
    });
    expect(parseCertificates('电工证｜DG1｜遂宁市应急管理局｜2030年1月2日').value[0]!.validUntil).toBe('2030-01-02');
    expect(parseCertificates(null)).toEqual({ value: [], errors: [] });
  });

  it('reports each malformed item by its position', () => {
    const r = parseCertificates('电工证|DG1;保安员证;电工证|DG2|应急局|2030-13-01');
    expect(r.value).toEqual([]);
    expect(r.errors).toEqual([
      '第 1 项“电工证|DG1”应写作“名称|编号|发证机关|有效期”',
      '第 2 项“保安员证”应写作“名称|编号|发证机关|有效期”',
      '第 3 项的有效期“2030-13-01”不是有效的日期',
    ]);
  });
});

describe('roster template and row mapping', () => {
  it('has the annex fields in the annex order, then the SN 7 extras, with every entry field', () => {
    const headers = IMPORT_COLUMNS.map((c) => c.header);
    const annexOrder = ['姓名', '证件照', '民族', '籍贯', '毕业院校', '政治面貌', '入职时间', '毕业专业', '手机号码', '身份证号码', '服务项目', '岗位类别', '资格证书'];
    expect(headers.filter((h) => annexOrder.includes(h))).toEqual(annexOrder);
    // Every field the entry form asks for, except the project id (by name) and the consent (once per upload).
    const schemaFields = Object.keys(practitionerEntrySchema.shape).filter((f) => !['projectId', 'informed'].includes(f));
    const fields = IMPORT_COLUMNS.map((c) => c.field as string);
    for (const f of schemaFields) expect(fields).toContain(f);
    expect(IMPORT_COLUMNS.filter((c) => c.list).map((c) => c.header)).toEqual(['民族', '政治面貌', '学历', '岗位类别']);
    expect(EXPORT_COLUMNS.map((c) => c.header).slice(-5)).toEqual(['资格证书', '奖励情况', '惩处情况', '信用信息', '信息变更审核人']);
  });

  it('recognises headers with a required mark, spaces, line breaks and the annex names', () => {
    expect(columnForHeader('*姓  名')?.field).toBe('name');
    expect(columnForHeader('身份证\n号码（必填）')?.field).toBe('idNumber');
    expect(columnForHeader('项目名称')?.field).toBe('estate');
    expect(columnForHeader('现任岗位')?.field).toBe('post');
    expect(columnForHeader('备注')).toBeNull();
    expect(columnForField('certificates.1.validUntil')).toBe('资格证书');
    expect(columnForField('labourContractOn')).toBe('劳动合同签订日期');
  });

  it('maps a row to the entry form: valid after the estate is resolved, every cell problem reported by column', () => {
    const good = mapRosterRow({
      name: ' 李四 ',
      ethnicity: '汉族',
      nativePlace: '四川遂宁',
      politicalStatus: '群众',
      hiredOn: new Date(Date.UTC(2026, 10, 9)),
      labourContractOn: '2026/11/9',
      education: '大专',
      mobile: 13800001111,
      idNumber: ID,
      estate: '金色家园',
      post: '项目经理',
      certificates: '消防设施操作员|XF1|四川省消防救援总队|2029-12-31',
    });
    expect(good.errors).toEqual([]);
    expect(good.estate).toBe('金色家园');
    const parsed = practitionerEntrySchema.safeParse({ ...good.data, projectId: '00000000-0000-4000-8000-000000000001' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ name: '李四', post: '项目负责人', hiredOn: '2026-11-09', labourContractOn: '2026-11-09', mobile: '13800001111' });

    const bad = mapRosterRow({ name: '王五', idNumber: 510903198808081230, hiredOn: '明天', certificates: '电工证' });
    expect(bad.errors.map((e) => e.column)).toEqual(['入职时间', '身份证号码', '资格证书']);
  });

  it('recognises a picture placed in the cell (WPS DISPIMG formula), which cannot be read', () => {
    expect(isInCellPicture({ formula: '_xlfn.DISPIMG("ID_1",1)', result: '' })).toBe(true);
    expect(isInCellPicture({ error: '#VALUE!' })).toBe(true);
    expect(isInCellPicture('')).toBe(false);
  });
});
