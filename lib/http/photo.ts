/**
 * The public staff photo's response. The photo is served only while the person is current approved staff of the
 * estate; so that leaving takes effect at once, caches may keep a copy but must ask again on every use
 * (`no-cache` + ETag: an unchanged photo costs a 304). Once the person has left the answer is a 404 that no
 * cache keeps (`no-store`), and a cached copy is dropped at its next revalidation.
 */
export const PUBLIC_PHOTO_CACHE_CONTROL = 'public, no-cache';

export function publicPhotoResponse(photo: { content: Buffer; mime: string; sha256: string } | null, ifNoneMatch: string | null): Response {
  if (!photo) {
    return new Response('未找到该照片', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });
  }
  const etag = `"${photo.sha256}"`;
  const headers = {
    'content-type': photo.mime,
    'cache-control': PUBLIC_PHOTO_CACHE_CONTROL,
    etag,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.content), { headers: { ...headers, 'content-length': String(photo.content.byteLength) } });
}
