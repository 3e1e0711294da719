/** The files a multipart form sent under `name` (empty file inputs dropped), as bytes for the services. */
export async function uploadsOf(fd: FormData, name: string): Promise<{ bytes: Uint8Array; filename: string }[]> {
  const out: { bytes: Uint8Array; filename: string }[] = [];
  for (const f of fd.getAll(name)) {
    if (f instanceof File && f.size > 0) out.push({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name });
  }
  return out;
}

/** A text field of a plain form ('' when absent or a file). */
export const textOf = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * The files a public form sent under `name`, counted but not read: an anonymous service checks its limits (and
 * the count) before any byte is read or decoded.
 */
export function lazyUploadsOf(fd: FormData, name: string): { count: number; read: () => Promise<{ bytes: Uint8Array; filename: string }[]> } {
  const files = fd.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
  return {
    count: files.length,
    read: () => Promise.all(files.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name }))),
  };
}
