import { describe, expect, it } from 'vitest';
import {
  accountLockedUntil,
  accountLockMinutes,
  can,
  hasRole,
  idleLimitSeconds,
  inScope,
  ROLE_HOME,
  ROLES,
  SESSION_MAX_SECONDS,
  type Actor,
  type Role,
} from '@/lib/auth/policy';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return {
    userId: 'u',
    sessionId: 's',
    username: role,
    name: role,
    role,
    organisationId: null,
    organisationName: null,
    districtId: null,
    districtName: null,
    companyId: null,
    companyName: null,
    projectId: null,
    projectName: null,
    regionId: null,
    mustChangePassword: false,
    ip: null,
    ...extra,
  };
}

const chuanshan = actor('district', { districtId: '510903' });
const city = actor('city');
const company = actor('company', { companyId: 'c1' });
const committee = actor('committee', { projectId: 'p1' });
const association = actor('association', { organisationId: 'o1' });

describe('scope (SPEC §1)', () => {
  it('a district reviewer sees its own district only', () => {
    expect(inScope(chuanshan, { districtId: '510903' })).toBe(true);
    expect(inScope(chuanshan, { districtId: '510981' })).toBe(false);
    expect(inScope(chuanshan, {})).toBe(false);
  });
  it('a district without a district id sees nothing', () => {
    expect(inScope(actor('district'), { districtId: null })).toBe(false);
  });
  it('the city sees every district', () => {
    expect(inScope(city, { districtId: '510981' })).toBe(true);
  });
  it('a company sees its own company only', () => {
    expect(inScope(company, { companyId: 'c1' })).toBe(true);
    expect(inScope(company, { companyId: 'c2', districtId: '510903' })).toBe(false);
  });
  it("an owners' committee sees its estate only", () => {
    expect(inScope(committee, { projectId: 'p1' })).toBe(true);
    expect(inScope(committee, { projectId: 'p2' })).toBe(false);
  });
  it('an association sees only what its organisation owns', () => {
    expect(inScope(association, { organisationId: 'o1' })).toBe(true);
    expect(inScope(association, { organisationId: 'o2' })).toBe(false);
  });
});

describe('street offices and communities (SN 14, DW 8.1.2)', () => {
  const street = actor('street', { organisationId: 'o-street', regionId: '510903001', districtId: '510903' });
  const community = actor('street', { organisationId: 'o-comm', regionId: '510903001002', districtId: '510903' });
  it('see estates of their own street or community only', () => {
    expect(inScope(street, { streetId: '510903001', communityId: '510903001002' })).toBe(true);
    expect(inScope(street, { streetId: '510903002', communityId: '510903002001' })).toBe(false);
    expect(inScope(community, { streetId: '510903001', communityId: '510903001002' })).toBe(true);
    expect(inScope(community, { streetId: '510903001', communityId: '510903001003' })).toBe(false);
    // The district id alone does not widen a street's scope.
    expect(inScope(street, { districtId: '510903' })).toBe(false);
  });
  it('see what their organisation filed', () => {
    expect(inScope(street, { organisationId: 'o-street' })).toBe(true);
    expect(inScope(street, { organisationId: 'o-comm' })).toBe(false);
  });
  it('report bad conduct and warning information, and decide nothing', () => {
    expect(can(street, 'record.bad.report')).toBe(true);
    expect(can(street, 'credit.warning.report')).toBe(true);
    expect(can(street, 'record.decide')).toBe(false);
    expect(can(street, 'credit.confirm')).toBe(false);
    expect(can(street, 'record.bad.enter')).toBe(false);
  });
  it('a street user without a region sees no estate', () => {
    expect(inScope(actor('street', { organisationId: 'o' }), { streetId: null, communityId: null })).toBe(false);
  });
});

describe('permissions', () => {
  it('only the city approves company filings, sees the audit log and edits the policy', () => {
    for (const p of ['company.filing.decide', 'audit.read', 'policy.edit', 'user.manage'] as const) {
      expect(can(city, p)).toBe(true);
      expect(can(chuanshan, p)).toBe(false);
      expect(can(company, p)).toBe(false);
    }
  });
  it('a district decides submissions in its district, not in another', () => {
    expect(can(chuanshan, 'submission.decide', { districtId: '510903' })).toBe(true);
    expect(can(chuanshan, 'submission.decide', { districtId: '510981' })).toBe(false);
  });
  it('a company files for itself only and never decides', () => {
    expect(can(company, 'practitioner.enter', { companyId: 'c1' })).toBe(true);
    expect(can(company, 'practitioner.enter', { companyId: 'c2' })).toBe(false);
    expect(can(company, 'submission.decide', { companyId: 'c1' })).toBe(false);
  });
  it('a user who must change the password may do nothing else', () => {
    expect(can({ ...city, mustChangePassword: true }, 'audit.read')).toBe(false);
    expect(can(city, 'audit.read')).toBe(true);
  });
  it('anonymous may do nothing gated', () => {
    expect(can(null, 'registry.read')).toBe(false);
    expect(hasRole(null, ['city'])).toBe(false);
  });
  it('only the association files association commendations', () => {
    expect(can(association, 'record.association.file')).toBe(true);
    expect(can(company, 'record.association.file')).toBe(false);
  });
});

describe('sessions', () => {
  it('every role has an idle limit: 30 minutes for the bureaus, 2 hours for the others, all below the 8-hour cap', () => {
    expect(idleLimitSeconds('city')).toBe(1800);
    expect(idleLimitSeconds('district')).toBe(1800);
    for (const role of ['company', 'association', 'committee', 'department', 'street'] as const) expect(idleLimitSeconds(role)).toBe(7200);
    for (const role of ROLES) expect(idleLimitSeconds(role)).toBeLessThan(SESSION_MAX_SECONDS);
  });
  it('locks an account after 8 failures in a row for 15 minutes, doubling, at most 24 hours', () => {
    expect([1, 7].map(accountLockMinutes)).toEqual([null, null]);
    expect([8, 9, 10, 11, 14, 15, 16, 1000].map(accountLockMinutes)).toEqual([15, 30, 60, 120, 960, 1440, 1440, 1440]);
    const at = new Date('2026-03-02T01:00:00Z');
    expect(accountLockedUntil(7, at)).toBeNull();
    expect(accountLockedUntil(8, at)).toEqual(new Date('2026-03-02T01:15:00Z'));
    expect(accountLockedUntil(8, null)).toBeNull();
  });
  it('every role has its own home area', () => {
    expect(ROLE_HOME).toEqual({
      city: '/bureau',
      district: '/bureau',
      company: '/company',
      association: '/association',
      committee: '/committee',
      department: '/department',
      street: '/street',
    });
  });
});
