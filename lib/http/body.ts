/**
 * Reading a request body with a byte cap that holds whatever the headers say: a chunked body has no
 * Content-Length, and a Content-Length can lie. The stream is counted as it arrives and cancelled at the cap,
 * so no more than `maxBytes` (plus one chunk) is ever held.
 */
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'unreadable' };

export async function readBodyCapped(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, reason: 'too_large' };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}

/** The multipart form of an already-read body (the request's own stream is consumed by then). */
export async function formDataOf(request: Request, bytes: Uint8Array): Promise<FormData | null> {
  const type = request.headers.get('content-type');
  if (!type) return null;
  try {
    return await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
}
