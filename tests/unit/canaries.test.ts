import { describe, expect, it } from 'vitest';
import { buildDemo, DEMO_USERNAMES, type DemoUsername } from '@/db/seed/build';
import { CANARIES, findCanaries } from '@/db/seed/canaries';
import { isValidIdNumber, parseIdNumber } from '@/lib/domain/id-number';
import { isValidMobile } from '@/lib/domain/phone';
import { PUBLIC_PHONE_POSTS } from '@/lib/domain/practitioner';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';

const keys = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
const passwordHashes = Object.fromEntries(DEMO_USERNAMES.map((u) => [u, 'x'])) as Record<DemoUsername, string>;
const ON = new Date('2026-11-01T12:00:00+08:00');

describe('leak canaries', () => {
  it('are valid, distinct people whose phone is never published', () => {
    expect(new Set(CANARIES.map((c) => c.idNumber)).size).toBe(CANARIES.length);
    expect(new Set(CANARIES.map((c) => c.mobile)).size).toBe(CANARIES.length);
    expect(CANARIES.some((c) => c.idNumber.endsWith('X'))).toBe(true);
    for (const c of CANARIES) {
      expect(isValidIdNumber(c.idNumber, ON)).toBe(true);
      const parsed = parseIdNumber(c.idNumber, ON);
      expect(parsed).toMatchObject({ ok: true, birthDate: c.birthDate, gender: c.gender });
      expect(isValidMobile(c.mobile)).toBe(true);
      expect(c.mobile).toMatch(/^1990000\d{4}$/);
      expect((PUBLIC_PHONE_POSTS as readonly string[]).includes(c.post)).toBe(false);
    }
  });

  it('are found in every form a page, a CSV or a log could write them, and not in look-alikes', () => {
    const [a, b] = CANARIES as [(typeof CANARIES)[0], (typeof CANARIES)[0]];
    const id = a.idNumber;
    const forms = [
      id,
      id.toLowerCase(),
      `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
      `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
      [...id].join(' '),
      `"idNumber":"${id}"`,
    ];
    for (const f of forms) expect(findCanaries(`x ${f} x`).map((h) => h.what), f).toContain('ID number');
    for (const f of [b.mobile, `${b.mobile.slice(0, 3)} ${b.mobile.slice(3, 7)} ${b.mobile.slice(7)}`, `+86${b.mobile}`, `${b.mobile.slice(0, 3)}-${b.mobile.slice(3, 7)}-${b.mobile.slice(7)}`]) {
      expect(findCanaries(`电话：${f}。`).map((h) => h.what), f).toContain('mobile');
    }
    expect(b.birthDate).toBe('1963-07-17');
    for (const f of ['1963-07-17', '1963年7月17日', '1963年07月17日', '1963年7月', '1963.07', '1963/07/17']) {
      expect(findCanaries(`生日 ${f}`).map((h) => h.what), f).toContain('birth date');
    }
    // A masked number, a longer number around the digits, or a near date is not a canary.
    expect(findCanaries(`${id.slice(0, 4)}**********${id.slice(14)} 1${b.mobile} ${b.mobile}5 21963.07 1963-07-18 ¥11963.071`)).toEqual([]);
  });

  it('are seeded as current staff of public estates without changing the rest of the city', () => {
    const d = buildDemo({ keys, passwordHashes });
    expect(d.facts.canaries).toHaveLength(CANARIES.length);
    const canaryIds = new Set(d.facts.canaries.map((c) => c.practitionerId));
    for (const [i, c] of CANARIES.entries()) {
      const fact = d.facts.canaries[i]!;
      const row = d.practitioners.find((p) => p.id === fact.practitionerId)!;
      expect(row).toMatchObject({ name: c.name, status: 'active', mobile: c.mobile, birthDate: c.birthDate, politicalStatus: c.politicalStatus, education: c.education });
      expect(decryptIdNumber(row.idNumberEnc, keys)).toBe(c.idNumber);
      const estate = d.projects.find((p) => p.id === fact.projectId)!;
      expect(estate.districtId).toBe(c.districtId);
      const jobs = d.employments.filter((e) => e.practitionerId === fact.practitionerId);
      expect(jobs).toEqual([expect.objectContaining({ projectId: estate.id, companyId: estate.currentCompanyId, status: 'current', post: c.post })]);
    }
    // Three estates, three districts.
    expect(new Set(d.facts.canaries.map((c) => c.projectId)).size).toBe(CANARIES.length);

    // No canary value anywhere else in the demo data (so a hit in the crawl is a leak, never a coincidence)…
    const rest = { ...d, practitioners: d.practitioners.filter((p) => !canaryIds.has(p.id!)), facts: undefined };
    expect(findCanaries(JSON.stringify(rest))).toEqual([]);
    // …and the generated city is the one without canaries: the people before them are drawn exactly as before.
    const without = d.practitioners.filter((p) => !canaryIds.has(p.id!));
    expect(without.length).toBe(d.practitioners.length - CANARIES.length);
    expect(d.practitioners.slice(-CANARIES.length).map((p) => p.id)).toEqual([...canaryIds]);
  }, 120_000);
});
