import { getDb } from '@/db';
import { getBadgePhoto } from '@/db/queries/badges';
import { normalizeTrackingCode } from '@/lib/domain/objections';
import { publicPhotoResponse } from '@/lib/http/photo';
import { decodeParam } from '@/lib/security/request-target';

/**
 * The photo on a staff badge (`?size=thumb` for the small one), served only while the badge verifies: 404 the
 * moment the person leaves, is transferred or moved to another post, or the badge is reissued (db/queries/badges.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const decoded = decodeParam((await params).code);
  const code = decoded === null ? null : normalizeTrackingCode(decoded);
  const size = new URL(req.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'photo';
  const photo = code ? await getBadgePhoto(getDb(), code, size) : null;
  return publicPhotoResponse(photo, req.headers.get('if-none-match'));
}
