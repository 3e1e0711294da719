import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { openAttachment } from '@/lib/services/attachments';

const notFound = () =>
  new Response('未找到该文件', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * An uploaded file, for a signed-in user who may see what it is attached to (lib/services/attachments.ts).
 * Anything else answers 404, exactly like a missing file.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const r = await openAttachment(getDb(), await getActor(), id);
  if (!r.ok) return notFound();
  const { content, mime, filename, cacheControl } = r.data;
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': mime,
      'content-length': String(content.byteLength),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControl,
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    },
  });
}
