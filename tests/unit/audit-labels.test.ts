import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditChanges, auditChangesText, formatValue } from '@/lib/domain/audit-changes';
import { ACTION_LABELS, OBJECT_TYPE_LABELS, objectHref } from '@/lib/domain/audit-labels';
import { RECTIFICATION_RESULTS } from '@/lib/validation/ratings';

/**
 * Every action the code writes to the audit log has a Chinese label. The written actions are read from the
 * source: every quoted `a.b` string in an `action:` value (ternaries included), every template `prefix.${…}`
 * (expanded below from the enums it takes values from), and the constant the city seed inserts by SQL.
 */
const ROOTS = ['lib', 'db', 'app', 'scripts'];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'migrations') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The values of the decision / result enums that the templated actions interpolate. */
const TEMPLATES: Record<string, readonly string[]> = {
  'practitioner_record.': ['approved', 'rejected'],
  'credit.repair.': ['approved', 'rejected'],
  'practitioner.submission.': ['approved', 'rejected', 'returned'],
  'company.filing.': ['approved', 'rejected', 'returned'],
  'rectification.': RECTIFICATION_RESULTS,
};

function writtenActions() {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of ROOTS.flatMap((r) => walk(r))) {
    const src = readFileSync(file, 'utf8');
    // `action: <expression>` up to the end of the line (object literals of audit entries put one per line).
    for (const m of src.matchAll(/\baction:\s*([^\n]*)/g)) {
      const expr = m[1]!;
      if (/^\s*z\./.test(expr)) continue; // zod schemas of form fields named "action"
      for (const s of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.add(s[1]!);
      for (const t of expr.matchAll(/`([a-z_.]+\.)\$\{/g)) templates.add(t[1]!);
    }
    for (const m of src.matchAll(/const \w*ACTION\w* = '([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.add(m[1]!);
  }
  return { literals, templates };
}

describe('audit action labels', () => {
  const { literals, templates } = writtenActions();

  it('finds the actions the code writes (the scan itself works)', () => {
    expect(literals.size).toBeGreaterThan(60);
    for (const a of ['access.out_of_scope', 'contract.confirmed', 'record.revoked', 'seed.city.loaded', 'audit.exported', 'list.exported']) expect(literals).toContain(a);
    expect(templates).toContain('company.filing.');
  });

  it('labels every literal action written', () => {
    const missing = [...literals].filter((a) => !ACTION_LABELS[a]);
    expect(missing, `actions without a label in lib/domain/audit-labels.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('labels every expansion of every templated action, and knows every template', () => {
    const unknown = [...templates].filter((t) => !TEMPLATES[t]);
    expect(unknown, `templated actions to add to TEMPLATES in this test: ${unknown.join(', ')}`).toEqual([]);
    const missing = [...templates].flatMap((t) => TEMPLATES[t]!.map((v) => t + v)).filter((a) => !ACTION_LABELS[a]);
    expect(missing).toEqual([]);
  });

  it('labels are Chinese and object types have labels', () => {
    for (const label of [...Object.values(ACTION_LABELS), ...Object.values(OBJECT_TYPE_LABELS)]) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('links to the object of an event', () => {
  const id = '0b6f2d4e-1c3a-4f5b-8d7e-9a0b1c2d3e4f';
  it('goes to the page that shows the object', () => {
    expect(objectHref({ action: 'credit.record.confirmed', objectType: 'credit_record', objectId: id })).toBe(`/bureau/credit/${id}`);
    expect(objectHref({ action: 'company.filing.approved', objectType: 'submission', objectId: id, submissionType: 'company_filing' })).toBe(`/bureau/filings/${id}`);
    expect(objectHref({ action: 'practitioner.entered', objectType: 'submission', objectId: id, submissionType: 'practitioner_entry' })).toBe(`/bureau/staff/${id}`);
    expect(objectHref({ action: 'access.out_of_scope', objectType: 'case', objectId: id, caseKind: 'complaint' })).toBe(`/bureau/complaints/${id}`);
    expect(objectHref({ action: 'objection.filed', objectType: 'case', objectId: id, caseKind: 'objection' })).toBe(`/bureau/objections/${id}`);
    expect(objectHref({ action: 'company.registered', objectType: 'company', objectId: id, uscc: '91510900MA6200001X' })).toBe('/companies/91510900MA6200001X');
    expect(objectHref({ action: 'list.exported', objectType: 'list', objectId: '/bureau/filings' })).toBe('/bureau/filings');
  });
  it('gives none where no page exists or the id is not an id', () => {
    expect(objectHref({ action: 'auth.signed_in', objectType: 'session', objectId: id })).toBeNull();
    expect(objectHref({ action: 'company.registered', objectType: 'company', objectId: id })).toBeNull();
    expect(objectHref({ action: 'x', objectType: 'credit_record', objectId: '../../etc' })).toBeNull();
    expect(objectHref({ action: 'list.exported', objectType: 'list', objectId: 'https://evil.example' })).toBeNull();
  });
});

describe('before/after as readable field changes', () => {
  it('labels fields, shows old → new, and never shows an ID number', () => {
    const changes = auditChanges({ status: 'submitted', idNumber: '5109**********1234' }, { status: 'approved', post: '保洁员', late: false, note: '身份证 510904197501010011 已核' });
    expect(changes).toEqual([
      { field: '状态', before: 'submitted', after: 'approved' },
      { field: '岗位', before: null, after: '保洁员' },
      { field: '逾期', before: null, after: '否' },
      { field: '说明', before: null, after: '身份证 （已隐去） 已核' },
    ]);
    expect(auditChangesText(null, { correction: { post: '保安', idNumberMasked: 'x' } })).toBe('更正内容：岗位：保安');
  });
  it('formats lists and empty values as words, not JSON', () => {
    expect(formatValue(['a', 'b'])).toBe('a、b');
    expect(formatValue(null)).toBe('—');
    expect(formatValue({})).toBe('（无）');
    expect(auditChanges(null, null)).toEqual([]);
  });
});
