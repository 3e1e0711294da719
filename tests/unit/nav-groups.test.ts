import { describe, expect, it } from 'vitest';
import { currentHref, navGroups, type NavGroup } from '@/components/area/nav-groups';

const groups: NavGroup[] = [
  { items: [{ href: '/company', label: '工作台' }] },
  { label: '企业', items: [{ href: '/company/filing', label: '企业备案' }] },
  {
    label: '从业人员',
    items: [
      { href: '/company/staff', label: '从业人员' },
      { href: '/company/staff/import', label: '名册导入' },
    ],
  },
  { label: '管理', items: [] },
];

describe('the area menu', () => {
  it('marks the longest link that is the page or a folder of it', () => {
    expect(currentHref(groups, '/company')).toBe('/company');
    expect(currentHref(groups, '/company/staff')).toBe('/company/staff');
    expect(currentHref(groups, '/company/staff/9f1c')).toBe('/company/staff');
    expect(currentHref(groups, '/company/staff/import')).toBe('/company/staff/import');
    expect(currentHref(groups, '/company/staff/import/x')).toBe('/company/staff/import');
    expect(currentHref(groups, '/company/filings/3')).toBe('/company');
  });

  it('does not take a shared prefix for a folder', () => {
    expect(currentHref(groups, '/company/staffing')).toBe('/company');
    expect(currentHref(groups, '/companyx')).toBeUndefined();
    expect(currentHref(groups, null)).toBeUndefined();
  });

  it('leaves out a group the account may use none of', () => {
    expect(navGroups(groups).map((g) => g.label)).toEqual([undefined, '企业', '从业人员']);
  });
});
