import { describe, expect, it } from 'vitest';
import { checkEstateRows, checkRegionRows, keyForHeader, REGION_COLUMNS, summarise, type ExistingRegion, type RegionRowInput } from '@/lib/domain/city-setup';

const row = (n: number, code: string, name: string, level: string, parent = ''): RegionRowInput => ({ row: n, code, name, level, parent });
const none = new Map<string, ExistingRegion>();
const messages = (r: { errors: { column: string; message: string }[] }) => r.errors.map((e) => `${e.column}：${e.message}`);

describe('region rows', () => {
  const good = [
    row(2, '510900', '遂宁市', '市'),
    row(3, '510903', '船山区', '区县', '510900'),
    row(4, '510903001', '龙坪街道', '街道乡镇', '510903'),
    row(5, '510903001001', '明月社区', '社区', '510903001'),
  ];

  it('accepts a well-formed file, parents before or after their children', () => {
    const r = checkRegionRows(good, none);
    expect(r.map((x) => x.outcome)).toEqual(['insert', 'insert', 'insert', 'insert']);
    expect(r.map((x) => x.parentId)).toEqual([null, '510900', '510903', '510903001']);
    expect(checkRegionRows([...good].reverse(), none).every((x) => x.outcome === 'insert')).toBe(true);
  });

  it('refuses a bad code, an unknown level, a missing name', () => {
    const r = checkRegionRows([row(2, '5109A3', '船山区', '区县', '510900'), row(3, '510904', '安居区', '大区', '510900'), row(4, '5109040', '', '区县', '510900')], new Map([['510900', { id: '510900', name: '遂宁市', level: 'city', parentId: null }]]));
    expect(messages(r[0]!)).toEqual(['区划代码：区划代码只能是数字']);
    expect(messages(r[1]!)).toEqual(['层级：“大区”不是层级，请填写市、区县、街道乡镇或社区']);
    expect(messages(r[2]!)).toContain('区划代码：区县的区划代码应为 6 位数字');
    expect(messages(r[2]!)).toContain('名称：请填写名称');
  });

  it('refuses an unknown parent, a parent of the wrong level, and a code outside its parent', () => {
    const r = checkRegionRows(
      [row(2, '510903', '船山区', '区县', '510900'), row(3, '510903001001', '明月社区', '社区', '510903'), row(4, '510904001', '某街道', '街道乡镇', '510903')],
      new Map(),
    );
    expect(messages(r[0]!)).toEqual(['上级区划代码：上级区划代码 510900 不在本表中，也未在平台登记']);
    expect(r[1]!.outcome).toBe('refused');
    expect(messages(r[1]!)[0]).toBe('上级区划代码：社区的上级应是街道乡镇，而 510903 是区县');
    expect(messages(r[2]!)).toEqual(['区划代码：区划代码应以上级区划代码 510903 开头']);
  });

  it('refuses a duplicate code and a recorded region that the row would move', () => {
    const existing = new Map<string, ExistingRegion>([
      ['510900', { id: '510900', name: '遂宁市', level: 'city', parentId: null }],
      ['510903', { id: '510903', name: '船山区', level: 'district', parentId: '510900' }],
    ]);
    const r = checkRegionRows([row(2, '510904', '安居区', '区县', '510900'), row(3, '510904', '安居区', '区县', '510900'), row(4, '510903', '船山区', '社区', '510900')], existing);
    expect(r[0]!.outcome).toBe('insert');
    expect(messages(r[1]!)).toEqual(['区划代码：与第 2 行的区划代码重复']);
    expect(r[2]!.outcome).toBe('refused');
  });

  it('is idempotent by code: the same rows are unchanged, a new name is a rename', () => {
    const existing = new Map<string, ExistingRegion>(good.map((g, i) => [g.code, { id: g.code, name: g.name, level: (['city', 'district', 'street', 'community'] as const)[i]!, parentId: g.parent || null }]));
    expect(checkRegionRows(good, existing).map((x) => x.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const renamed = checkRegionRows([row(2, '510903', '船山新区', '区县', '510900')], existing);
    expect(renamed[0]!.outcome).toBe('rename');
    expect(summarise(renamed)).toEqual({ total: 1, refused: 0, inserted: 0, updated: 1, unchanged: 0 });
  });

  it('reads headers with marks of required columns', () => {
    expect(keyForHeader(REGION_COLUMNS, '区划代码*')).toBe('code');
    expect(keyForHeader(REGION_COLUMNS, ' 上级区划代码 ')).toBe('parent');
    expect(keyForHeader(REGION_COLUMNS, '备注')).toBeNull();
  });
});

describe('estate rows', () => {
  const regions: ExistingRegion[] = [
    { id: '510900', name: '遂宁市', level: 'city', parentId: null },
    { id: '510903', name: '船山区', level: 'district', parentId: '510900' },
    { id: '510903001', name: '龙坪街道', level: 'street', parentId: '510903' },
    { id: '510903001001', name: '明月社区', level: 'community', parentId: '510903001' },
  ];
  const estate = (over: Partial<Record<string, string>> = {}, row = 2) => ({
    row,
    name: '明月花园',
    address: '船山区明月路 1 号',
    district: '船山区',
    street: '龙坪街道',
    community: '明月社区',
    type: '住宅',
    households: '320',
    floorArea: '42000',
    hasOwnersCommittee: '是',
    ...over,
  });

  it('resolves the regions by name or code and reads the numbers', () => {
    const [r] = checkEstateRows([estate({ district: '510903' })], regions, []);
    expect(r!.outcome).toBe('insert');
    expect(r!.values).toMatchObject({ districtId: '510903', streetId: '510903001', communityId: '510903001001', households: 320, floorArea: '42000.00', hasOwnersCommittee: true });
  });

  it('reports every problem of a row in Chinese', () => {
    const [r] = checkEstateRows([estate({ district: '蓬溪县', type: '别墅', households: '3.5', floorArea: '-1', hasOwnersCommittee: '也许' })], regions, []);
    expect(r!.outcome).toBe('refused');
    expect(r!.errors.map((e) => e.column)).toEqual(['所在区县', '类型', '户数', '建筑面积', '是否成立业主委员会']);
    const [s] = checkEstateRows([estate({ street: '不存在街道' })], regions, []);
    expect(messages(s!)).toEqual(['街道：“不存在街道”不是该区县已登记的街道乡镇']);
  });

  it('refuses the same name twice in one district, and updates a recorded estate by name', () => {
    const two = checkEstateRows([estate(), estate({}, 3)], regions, []);
    expect(messages(two[1]!)).toEqual(['项目名称：与第 2 行是同一区县的同名项目']);
    const [first] = checkEstateRows([estate()], regions, []);
    const recorded = [{ id: 'p1', ...first!.values! }];
    expect(checkEstateRows([estate()], regions, recorded)[0]!.outcome).toBe('unchanged');
    const changed = checkEstateRows([estate({ households: '330' })], regions, recorded)[0]!;
    expect([changed.outcome, changed.existingId]).toEqual(['update', 'p1']);
  });
});
