/**
 * CSV for the open data (RFC 4180): fields with a comma, quote, CR or LF are quoted and quotes doubled; CRLF line
 * ends; a UTF-8 byte-order mark first so that Excel (the tool most clerks open it with) reads the Chinese.
 * A field starting with = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export const BOM = '\uFEFF';

export function csvField(v: unknown): string {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
