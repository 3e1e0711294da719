import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is a const enum that the package does not export at run time: 2 is Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID as never };

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so both failures take the same time. */
let dummy: Promise<string> | undefined;
export function dummyHash() {
  dummy ??= hash('not-a-real-password', OPTIONS);
  return dummy;
}
