/**
 * The demo city's people as the server seeded them: the seed is deterministic, so building it again in the test
 * gives the same ids, names, phones, birth dates and ID numbers (the encryption keys only change the ciphertext).
 */
import { buildDemo, type DemoData } from '../../db/seed/build';
import { decryptIdNumber, keysFromBase64 } from '../../lib/security/id-crypto';

const keys = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
let cached: DemoData | null = null;

export function demo(): DemoData {
  cached ??= buildDemo({
    keys,
    passwordHashes: { city: 'x', chuanshan: 'x', shehong: 'x', company: 'x', company2: 'x', association: 'x', committee: 'x', department: 'x' },
  });
  return cached;
}

export function idNumberOf(practitionerId: string): string {
  const p = demo().practitioners.find((x) => x.id === practitionerId);
  if (!p) throw new Error(`no demo practitioner ${practitionerId}`);
  return decryptIdNumber(p.idNumberEnc, keys);
}

/** Current, approved staff of an estate: the people its public page lists. */
export function currentStaff(projectId: string) {
  const d = demo();
  const active = new Map(d.practitioners.filter((p) => p.status === 'active').map((p) => [p.id, p]));
  return d.employments
    .filter((e) => e.projectId === projectId && e.status === 'current' && active.has(e.practitionerId))
    .map((e) => ({ ...active.get(e.practitionerId)!, post: e.post as string }));
}

/** The ways a birth date could be written on a page. */
export function birthDateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${y}年${Number(m)}月${Number(d)}日`, `${y}年${m}月${d}日`, `${y}年${Number(m)}月`, `${y}.${m}`, `${y}/${m}/${d}`];
}
