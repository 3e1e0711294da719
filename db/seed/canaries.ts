/**
 * Leak canaries: three people of the demo city whose never-public values (ID number, private mobile, birth date,
 * political status, education) are obviously made up and recognisable, so that a crawler can look for them in
 * everything the public side serves (pages, RSC payloads, JS bundles, APIs, feeds) and in the server log
 * (tests/e2e/public-crawl.spec.ts). They work at estates of ordinary companies in three districts, in posts whose
 * phone is never published (SN 19), so that each appears on an estate's staff list and has a public staff card.
 *
 * Pure constants and string helpers: imported by the seed builder and by the tests (no I/O, no Next imports).
 */
import { idCheckChar } from '../../lib/domain/id-number';

export interface CanarySpec {
  name: string;
  gender: '男' | '女';
  /** The district of the estate the person works at (and of the ID number's address code). */
  districtId: string;
  post: '安保人员' | '保洁人员' | '客服人员';
  birthDate: string;
  idNumber: string;
  /** Private mobile: 1990000 + four digits, never a published post phone. */
  mobile: string;
  nativePlace: string;
  ethnicity: string;
  politicalStatus: string;
  education: string;
  school: string | null;
  major: string | null;
}

function idNumber(region: string, birthDate: string, seq: string): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
}

/** 金丝雀 is "canary": the names say what these people are to anyone who reads the data. */
export const CANARIES: readonly CanarySpec[] = [
  {
    name: '金丝雀',
    gender: '女',
    districtId: '510903',
    post: '保洁人员',
    // Birth dates outside the generator's years (1965–2003), so that no generated person shares them.
    birthDate: '1962-06-16',
    idNumber: idNumber('510903', '1962-06-16', '994'),
    mobile: '19900000616',
    nativePlace: '四川遂宁',
    ethnicity: '汉族',
    politicalStatus: '中共党员',
    education: '初中',
    school: null,
    major: null,
  },
  {
    name: '金雀鸣',
    gender: '男',
    districtId: '510904',
    post: '安保人员',
    birthDate: '1963-07-17',
    // Ends in X: the crawler also looks for a lower-case x.
    idNumber: idNumber('510904', '1963-07-17', '995'),
    mobile: '19900000717',
    nativePlace: '四川遂宁',
    ethnicity: '汉族',
    politicalStatus: '群众',
    education: '高中',
    school: null,
    major: null,
  },
  {
    name: '金雀飞',
    gender: '男',
    districtId: '510981',
    post: '客服人员',
    birthDate: '2004-08-18',
    idNumber: idNumber('510981', '2004-08-18', '993'),
    mobile: '19900000818',
    nativePlace: '四川射洪',
    ethnicity: '汉族',
    politicalStatus: '共青团员',
    education: '大专',
    school: '四川职业技术学院',
    major: '物业管理',
  },
];

/** Every separator a page, a CSV or a log line could put inside a number (spaces, hyphens, dots, NBSP…). */
const SEP = String.raw`[\s\u00a0\u3000._\-/]*`;

function spaced(value: string, flags = 'g', prefix = ''): RegExp {
  const chars = [...value].map((c) => (c === 'X' ? '[Xx]' : c));
  return new RegExp(`(?<![0-9A-Za-z])${prefix}${chars.join(SEP)}(?![0-9A-Za-z])`, flags);
}

/** The ways a birth date could be written (as tests/e2e/demo-people.ts birthDateForms, and a compact one). */
export function birthDateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  return [iso, `${y}年${Number(m)}月${Number(d)}日`, `${y}年${m}月${d}日`, `${y}年${Number(m)}月`, `${y}.${m}`, `${y}/${m}/${d}`, `${y}${m}${d}`];
}

export interface CanaryHit {
  canary: string;
  what: 'ID number' | 'mobile' | 'birth date';
  found: string;
}

/**
 * Every canary value in `text`: an ID number plain, with a lower-case x or split by spaces, hyphens or dots; a mobile
 * plain, split, or after +86; a birth date in any of birthDateForms (not inside a longer number).
 */
export function findCanaries(text: string, canaries: readonly CanarySpec[] = CANARIES): CanaryHit[] {
  const hits: CanaryHit[] = [];
  for (const c of canaries) {
    for (const m of text.matchAll(spaced(c.idNumber))) hits.push({ canary: c.name, what: 'ID number', found: m[0] });
    for (const m of text.matchAll(spaced(c.mobile, 'g', String.raw`(?:\+?86${SEP})?`))) hits.push({ canary: c.name, what: 'mobile', found: m[0] });
    for (const f of birthDateForms(c.birthDate)) {
      const re = new RegExp(`(?<![0-9])${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![0-9])`, 'g');
      for (const m of text.matchAll(re)) hits.push({ canary: c.name, what: 'birth date', found: m[0] });
    }
  }
  return hits;
}
