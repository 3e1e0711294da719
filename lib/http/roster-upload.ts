/**
 * The roster upload (multipart: `file`, `informed`) as a web-standard handler, so that its order of checks is
 * tested: same origin → who is asking (before a byte of the body is read) → how often → the body, read with
 * its byte cap whatever the headers claim → the service (zip checks, then rows). Answers the service's
 * ActionResult as JSON.
 */
import type { Db } from '@/db';
import { fail, fieldError, type ActionResult } from '@/lib/actions/result';
import { can, type Actor } from '@/lib/auth/policy';
import { ROSTER_MAX_BODY_BYTES, ROSTER_MAX_BYTES } from '@/lib/domain/roster';
import { consume, throttledMessage, type Limit } from '@/lib/security/throttle';
import { importRoster, type ImportReport } from '@/lib/services/roster-import';
import { formDataOf, readBodyCapped } from './body';

/** Per operator: a busy HR office re-uploads a corrected roster a few times; nobody needs more. */
export const ROSTER_UPLOAD_LIMIT: Limit = { bucket: 'roster.upload', max: 30, windowSeconds: 3600 };

export const TOO_LARGE_MESSAGE = `文件不能超过 ${ROSTER_MAX_BYTES / 1024 / 1024} MB，请分多个文件上传`;

const json = (result: ActionResult<unknown>, status: number) => Response.json(result, { status, headers: { 'cache-control': 'no-store' } });

export async function handleRosterUpload(
  db: Db,
  actor: Actor | null,
  request: Request,
  opts: { today?: string; now?: Date; onAccepted?: (report: ImportReport) => void; maxBodyBytes?: number } = {},
): Promise<Response> {
  // A cross-site form post must not enter people in a signed-in operator's name.
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let sameOrigin = false;
  try {
    sameOrigin = !!origin && !!host && new URL(origin).host === host;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin) return json(fail('FORBIDDEN'), 403);
  if (!actor || actor.mustChangePassword) return json(fail('UNAUTHENTICATED'), 401);
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return json(fail('FORBIDDEN'), 403);
  const limited = await consume(db, ROSTER_UPLOAD_LIMIT, actor.userId, opts.now);
  if (!limited.ok) return json(fail('LOCKED', throttledMessage(limited)), 429);

  const body = await readBodyCapped(request, opts.maxBodyBytes ?? ROSTER_MAX_BODY_BYTES);
  if (!body.ok) {
    return body.reason === 'too_large' ? json(fieldError('file', TOO_LARGE_MESSAGE), 413) : json(fieldError('file', '上传中断，请重试'), 400);
  }
  const form = await formDataOf(request, body.bytes);
  if (!form) return json(fieldError('file', '请选择要上传的名册文件'), 400);
  const file = form.get('file');
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const result = await importRoster(db, actor, { bytes, informed: form.get('informed') === 'true' }, { today: opts.today, now: opts.now });
  if (result.ok && result.data.accepted > 0) opts.onAccepted?.(result.data);
  const status = result.ok ? 200 : ({ UNAUTHENTICATED: 401, FORBIDDEN: 403, LOCKED: 429 } as Partial<Record<string, number>>)[result.code] ?? 400;
  return json(result, status);
}
