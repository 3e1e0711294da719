/**
 * 执业登记号 (R1, decision 032): "SN-<year of first approval>-<serial of at least six digits>". The serial comes from
 * one city-wide sequence; nothing in it is derived from the ID number or the birth date.
 */
export const REGISTRY_NUMBER_PATTERN = /^SN-\d{4}-\d{6,}$/;

/** "sn-2024-000123 " → "SN-2024-000123"; null unless it has the shape of a registry number. */
export function normalizeRegistryNumber(raw: string): string | null {
  const s = String(raw ?? '').trim().toUpperCase().replace(/\s+/g, '');
  return REGISTRY_NUMBER_PATTERN.test(s) && s.length <= 20 ? s : null;
}

/** The number as the sequence makes it (the same rule as migration 0012's SQL). */
export function formatRegistryNumber(year: number, serial: number): string {
  return `SN-${year}-${String(serial).padStart(6, '0')}`;
}
