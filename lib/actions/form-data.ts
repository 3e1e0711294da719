/**
 * A plain form's FormData as the object its zod schema expects: `a.b` and `list.0.x` names nest, a checkbox
 * sends "on" (→ true), and blank optional rows of a repeated group are dropped.
 */
export function formObject(fd: FormData, opts: { booleans?: string[]; lists?: string[] } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of fd.entries()) {
    if (typeof raw !== 'string' || key.startsWith('$ACTION')) continue;
    const parts = key.split('.');
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = raw;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  for (const b of opts.booleans ?? []) setPath(out, b, getPath(out, b) === 'on' || getPath(out, b) === 'true');
  for (const l of opts.lists ?? []) {
    const v = getPath(out, l);
    const rows = v && typeof v === 'object' ? Object.entries(v as Record<string, Record<string, string>>) : [];
    setPath(
      out,
      l,
      rows
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, row]) => row)
        .filter((row) => Object.values(row).some((x) => String(x).trim() !== '')),
    );
  }
  return out;
}

function getPath(o: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), o);
}

function setPath(o: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = o;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}
