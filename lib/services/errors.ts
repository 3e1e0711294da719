/** Thrown inside a transaction to roll it back when an optimistic lock lost; mapped to CONFLICT outside. */
export class LostRace extends Error {
  constructor(public readonly userMessage: string) {
    super(userMessage);
    this.name = 'LostRace';
  }
}

/** A unique-constraint violation (SQLSTATE 23505), on either driver, possibly wrapped by drizzle. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
