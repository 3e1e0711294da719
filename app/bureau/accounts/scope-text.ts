import type { AccountRow } from '@/db/queries/role-accounts';

/** An account's scope in words: the district of a reviewer, the company of an operator, else its organisation. */
export function scopeText(r: Pick<AccountRow, 'role' | 'districtName' | 'organisationName' | 'companyName'>): string {
  if (r.role === 'district') return r.districtName ?? '';
  if (r.role === 'company') return r.companyName ?? '';
  return r.organisationName ?? '';
}
