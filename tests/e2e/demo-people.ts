/** The demo city's people as the server seeded them (see demo-people-dump.ts), built once per test worker. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface DemoPerson {
  id: string;
  idNumber: string;
  name: string;
  mobile: string;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  politicalStatus: string;
  education: string;
  school: string | null;
  status: string;
}
export interface Demo {
  companyId: string;
  /** The demo companies' credit codes (data-use requests name a company by it). */
  companyUscc: string;
  company2Uscc: string;
  /** The leak canaries (db/seed/canaries.ts) and their estates. */
  canaries: { name: string; practitionerId: string; projectId: string; projectName: string }[];
  chuanshanDistrictId: string;
  projects: { id: string; districtId: string; currentCompanyId: string | null }[];
  employments: { practitionerId: string; projectId: string | null; status: string; post: string }[];
  practitioners: DemoPerson[];
}

let cached: Demo | null = null;

export function demo(): Demo {
  if (!cached) {
    // Playwright runs from the repository root (playwright.config.ts).
    const root = process.cwd();
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'tests/e2e/demo-people-dump.ts')], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    cached = JSON.parse(out) as Demo;
  }
  return cached;
}

export function idNumberOf(practitionerId: string): string {
  const p = demo().practitioners.find((x) => x.id === practitionerId);
  if (!p) throw new Error(`no demo practitioner ${practitionerId}`);
  return p.idNumber;
}

/** Current, approved staff of an estate: the people its public page lists. */
export function currentStaff(projectId: string) {
  const d = demo();
  const active = new Map(d.practitioners.filter((p) => p.status === 'active').map((p) => [p.id, p]));
  return d.employments
    .filter((e) => e.projectId === projectId && e.status === 'current' && active.has(e.practitionerId))
    .map((e) => ({ ...active.get(e.practitionerId)!, post: e.post }));
}

/** The ways a birth date could be written on a page. */
export function birthDateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${y}年${Number(m)}月${Number(d)}日`, `${y}年${m}月${d}日`, `${y}年${Number(m)}月`, `${y}.${m}`, `${y}/${m}/${d}`];
}
