import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, fieldIdOf, hookFormItems, summaryItems } from '@/components/forms/error-summary';
import { isRefused } from '@/components/forms/use-form-action';

describe('summaryItems', () => {
  it('lists the first message of each field, links to its id, and leaves out the form’s own message', () => {
    const items = summaryItems({ _form: ['整体错误'], reason: ['必须写明理由', '第二条'], 'certificates.0.name': ['请填写证书名称'], empty: [] });
    expect(items).toEqual([
      { name: 'reason', fieldId: 'reason', message: '必须写明理由' },
      { name: 'certificates.0.name', fieldId: 'certificates-0-name', message: '请填写证书名称' },
    ]);
  });

  it('takes single-string messages, an id map and the page order', () => {
    const items = summaryItems({ confirm: '两次输入不一致', current: '请输入当前密码' }, { ids: { current: 'pw-current' }, order: ['current', 'next', 'confirm'] });
    expect(items.map((i) => [i.fieldId, i.message])).toEqual([
      ['pw-current', '请输入当前密码'],
      ['confirm', '两次输入不一致'],
    ]);
  });

  it('is empty without errors', () => {
    expect(summaryItems(undefined)).toEqual([]);
    expect(summaryItems({})).toEqual([]);
    expect(fieldIdOf('update.politicalStatus')).toBe('update-politicalStatus');
  });
});

describe('hookFormItems', () => {
  it('walks react-hook-form’s nested errors (arrays of objects included) and skips refs', () => {
    const errors = {
      name: { type: 'too_small', message: '请填写姓名', ref: { name: 'name' } },
      certificates: [undefined, { number: { type: 'custom', message: '请填写证书编号' } }],
      informed: { type: 'invalid_value', message: '请确认已告知' },
    };
    expect(hookFormItems(errors)).toEqual([
      { name: 'name', fieldId: 'name', message: '请填写姓名' },
      { name: 'certificates.1.number', fieldId: 'certificates-1-number', message: '请填写证书编号' },
      { name: 'informed', fieldId: 'informed', message: '请确认已告知' },
    ]);
    expect(hookFormItems({})).toEqual([]);
  });

  it('puts a list’s own message (root) under the list’s name, with the id map, and leaves out the form’s root', () => {
    const errors = { root: { message: '整体' }, managers: { root: { type: 'custom', message: '至少填写一名主要负责人' } } };
    expect(hookFormItems(errors, { managers: 'managers-0-kind' })).toEqual([{ name: 'managers', fieldId: 'managers-0-kind', message: '至少填写一名主要负责人' }]);
  });
});

describe('ErrorSummary', () => {
  it('renders a focusable box titled 请修改以下问题 with a link to each field', () => {
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, {
        focusKey: 1,
        items: [
          { name: 'photo', fieldId: 'photo', message: '请上传证件照' },
          { name: 'ethnicity', fieldId: 'ethnicity', message: '请选择民族' },
        ],
      }),
    );
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain('请修改以下问题');
    expect(html).toMatch(/<a href="#photo"[^>]*>请上传证件照<\/a>/);
    expect(html).toMatch(/<a href="#ethnicity"[^>]*>请选择民族<\/a>/);
    // Labelled by its own heading.
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`<h2 id="${labelledBy}"`);
  });

  it('renders nothing when there are no errors', () => {
    expect(renderToStaticMarkup(createElement(ErrorSummary, { focusKey: 1, items: [] }))).toBe('');
  });
});

describe('isRefused (whether a form keeps its values after the action)', () => {
  it('is true for field errors, ok:false, conflicts and bare messages', () => {
    expect(isRefused({ fieldErrors: { reason: ['必须写明理由'] } })).toBe(true);
    expect(isRefused({ ok: false, message: 'x' })).toBe(true);
    expect(isRefused({ message: '登录已失效' })).toBe(true);
    expect(isRefused({ fieldError: '太长' })).toBe(true);
  });
  it('is false for success states', () => {
    expect(isRefused({})).toBe(false);
    expect(isRefused({ saved: 3, message: '已保存' })).toBe(false);
    expect(isRefused({ done: true })).toBe(false);
    expect(isRefused({ fieldErrors: {} })).toBe(false);
    expect(isRefused({ ok: true, message: '已发布' })).toBe(false);
  });
});
