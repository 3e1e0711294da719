/**
 * Seeded pseudo-random numbers for the demo data: the same seed string always gives the same city.
 * sfc32 seeded from a cyrb128 hash of the seed string. Not for anything security-related.
 */

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC calendar arithmetic, no time zones involved). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar months (the one definition lives with the other date rules). */
export { addMonths } from '../../lib/domain/working-days';
import { addMonths } from '../../lib/domain/working-days';

export function addYears(date: string, n: number): string {
  return addMonths(date, n * 12);
}

/** A date at a fixed Beijing office hour as a Date instant (for timestamp columns). */
export function at(date: string, hour = 10, minute = 0): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [a, b], both inclusive. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }

  /** Float in [a, b). */
  float(a: number, b: number): number {
    return a + this.next() * (b - a);
  }

  /** Approximately normal (Irwin–Hall of 6), clamped to [min, max] when given. */
  normal(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    const v = mean + (s - 3) * sd * Math.SQRT2;
    return Math.min(max, Math.max(min, v));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from an empty array');
    return arr[Math.floor(this.next() * arr.length)];
  }

  /** Weighted pick from [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }

  /** A new shuffled copy (Fisher–Yates). */
  shuffle<T>(arr: readonly T[]): T[] {
    const out = arr.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** k distinct elements (k capped at the array length). */
  sample<T>(arr: readonly T[], k: number): T[] {
    return this.shuffle(arr).slice(0, Math.min(k, arr.length));
  }

  /** A random-looking RFC 4122 version-4 UUID string. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i++) hex.push(Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0'));
    const h = hex.join('').split('');
    h[12] = '4';
    h[16] = '89ab'[parseInt(h[16], 16) & 3];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }

  /** A string of n characters from the charset. */
  chars(charset: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += charset[Math.floor(this.next() * charset.length)];
    return s;
  }

  digits(n: number): string {
    return this.chars('0123456789', n);
  }

  /** A date 'YYYY-MM-DD' in [from, to], both inclusive. */
  date(from: string, to: string): string {
    return fromDayNumber(this.int(dayNumber(from), dayNumber(to)));
  }

  /** An independent stream derived from this one and a label (stable when other streams change). */
  fork(label: string): Rng {
    return new Rng(`${label}:${this.int(0, 0x7fffffff)}`);
  }
}
