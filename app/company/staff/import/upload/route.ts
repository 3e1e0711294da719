import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { fail, fieldError } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/actor';
import { ROSTER_MAX_BYTES } from '@/lib/domain/roster';
import { importRoster } from '@/lib/services/roster-import';

/**
 * The roster upload (multipart: `file`, `informed`). A route handler rather than a server action because a roster
 * with photos exceeds the server actions' body limit. It answers the service's ActionResult as JSON.
 * Same-origin only: a cross-site form post must not enter people in a signed-in operator's name.
 */
export async function POST(request: Request) {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) return Response.json(fail('FORBIDDEN'), { status: 403 });
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > ROSTER_MAX_BYTES + 64 * 1024) {
    return Response.json(fieldError('file', `文件不能超过 ${ROSTER_MAX_BYTES / 1024 / 1024} MB，请分多个文件上传`), { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json(fieldError('file', '请选择要上传的名册文件'), { status: 400 });
  }
  const file = form.get('file');
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const result = await importRoster(getDb(), await getActor(), { bytes, informed: form.get('informed') === 'true' });
  if (result.ok && result.data.accepted > 0) {
    revalidatePath('/company');
    revalidatePath('/bureau');
  }
  return Response.json(result, { status: result.ok ? 200 : result.code === 'UNAUTHENTICATED' ? 401 : result.code === 'FORBIDDEN' ? 403 : 400 });
}
