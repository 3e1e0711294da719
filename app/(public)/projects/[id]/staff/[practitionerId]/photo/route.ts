import { getDb } from '@/db';
import { getPublicStaffPhoto } from '@/db/queries/public-staff';

const notFound = () => new Response('未找到该照片', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The cleaned ID photo (or `?size=thumb`) of a person who is currently approved staff of this estate; 404 for
 * anyone else, so a photo stops being served the moment the person leaves or is transferred. Cached briefly by
 * browsers and shared caches, revalidated by its hash.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; practitionerId: string }> }) {
  const { id, practitionerId } = await params;
  const size = new URL(req.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'photo';
  const photo = await getPublicStaffPhoto(getDb(), id, practitionerId, size);
  if (!photo) return notFound();
  const etag = `"${photo.sha256}"`;
  const headers = {
    'content-type': photo.mime,
    'cache-control': 'public, max-age=3600, must-revalidate',
    etag,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(photo.content), { headers: { ...headers, 'content-length': String(photo.content.byteLength) } });
}
