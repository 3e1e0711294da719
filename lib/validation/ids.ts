const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment can be a row id at all (anything else is simply not found, without a query). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}
