import { getDb } from '@/db';
import { getPublicStaffPhoto } from '@/db/queries/public-staff';
import { publicPhotoResponse } from '@/lib/http/photo';

/**
 * The cleaned ID photo (or `?size=thumb`) of a person who is currently approved staff of this estate; 404 for
 * anyone else, so a photo stops being served the moment the person leaves or is transferred. Caches revalidate
 * on every use (lib/http/photo.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; practitionerId: string }> }) {
  const { id, practitionerId } = await params;
  const size = new URL(req.url).searchParams.get('size') === 'thumb' ? 'thumb' : 'photo';
  const photo = await getPublicStaffPhoto(getDb(), id, practitionerId, size);
  return publicPhotoResponse(photo, req.headers.get('if-none-match'));
}
