import { describe, expect, it } from 'vitest';
import { formObject } from '@/lib/actions/form-data';

describe('formObject', () => {
  it('nests dotted names, turns checkboxes into booleans and drops blank repeated rows', () => {
    const fd = new FormData();
    fd.set('name', '张三');
    fd.set('update.mobile', '13800001111');
    fd.set('update.certificates.1.name', '电工证');
    fd.set('update.certificates.1.number', 'DG-1');
    fd.set('update.certificates.0.name', '消防证');
    fd.set('update.certificates.0.number', 'XF-1');
    fd.set('update.certificates.2.name', '');
    fd.set('update.certificates.2.number', ' ');
    fd.set('informed', 'on');
    fd.set('$ACTION_ID_abc', '');
    expect(formObject(fd, { booleans: ['informed', 'missing'], lists: ['update.certificates'] })).toEqual({
      name: '张三',
      update: { mobile: '13800001111', certificates: [{ name: '消防证', number: 'XF-1' }, { name: '电工证', number: 'DG-1' }] },
      informed: true,
      missing: false,
    });
  });
  it('an absent list becomes empty', () => {
    expect(formObject(new FormData(), { lists: ['certificates'] })).toEqual({ certificates: [] });
  });
});
