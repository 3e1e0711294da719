import { randomBytes } from 'node:crypto';
import { isCommonPassword } from './common-passwords';

// An alphabet without look-alikes (no 0/O, 1/l/I), so a password read out on the phone is typed right.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A 16-character temporary password with letters and digits that passes the new-password rules (never a common
 * one, however unlikely from 16 random characters); its holder must change it at first sign-in.
 */
export function temporaryPassword(): string {
  let password = '';
  while (!/\d/.test(password) || !/[a-z]/i.test(password) || isCommonPassword(password)) {
    password = [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  }
  return password;
}
