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

describe('formObject refuses names that would reach a prototype (finding 1)', () => {
  it('__proto__, constructor and prototype segments never write Object.prototype', () => {
    const fd = new FormData();
    fd.set('__proto__.today', '2000-01-01');
    fd.set('constructor.prototype.polluted', 'yes');
    fd.set('a.__proto__.x', '1');
    fd.set('prototype', 'p');
    fd.set('ok', '1');
    const out = formObject(fd, { booleans: ['__proto__.flag'], lists: ['constructor.prototype'] });
    expect(({} as Record<string, unknown>).today).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).flag).toBeUndefined();
    expect(Object.keys(out)).toEqual(['ok']);
    expect(Object.hasOwn(out, '__proto__')).toBe(false);
  });
  it('a plain value is not overwritten by a nested one, nor the other way round', () => {
    const fd = new FormData();
    fd.append('a', '1');
    fd.append('a.b', '2');
    fd.append('c.d', '3');
    fd.append('c', '4');
    expect({ ...formObject(fd) }).toEqual({ a: '1', c: { d: '3' } });
  });
  it('list rows keep only numeric keys', () => {
    const fd = new FormData();
    fd.append('rows.0.x', 'a');
    fd.append('rows.hasOwnProperty.x', 'b');
    expect(formObject(fd, { lists: ['rows'] }).rows).toEqual([{ x: 'a' }]);
  });
});
