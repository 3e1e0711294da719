import 'server-only';
/**
 * Limits on the images a signed-in account has decoded (sharp): staff photos, evidence and site photos, the
 * business licence. Kept in the database (lib/security/throttle), per account, counted in images. A service
 * admits a request's images once it knows who is asking and may act, and before it decodes any of them.
 *
 * The roster import decodes up to 2,000 pictures for one upload; it is admitted once for all of them
 * (`admitImportImages`, its own limit) and hands the single-entry service a pass that only it can make. A
 * pass is an object of a class this module does not export: nothing parsed from a request can be one.
 */
import type { Queryable } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import { consume, type Limit } from '@/lib/security/throttle';
import { sniff } from '@/lib/uploads/files';

const MINUTE = 60;
const HOUR = 3600;

/**
 * An operator entering 80 people in an afternoon uses 80; a clerk attaching evidence all day a few hundred
 * (a form takes at most 5 files). A script is held to 60 a minute and 600 an hour, not thousands a minute.
 */
export const UPLOAD_LIMITS = {
  /** Images on the ordinary forms, per account, in a minute (a burst of resubmitted forms fits). */
  imagesMinute: { bucket: 'upload.images.minute', max: 60, windowSeconds: MINUTE },
  /** The same images, per account, in an hour. */
  imagesHour: { bucket: 'upload.images.hour', max: 600, windowSeconds: HOUR },
  /** Pictures of roster imports, per account, in an hour: three full 2,000-row rosters (a corrected re-upload). */
  rosterImages: { bucket: 'upload.images.roster', max: 6000, windowSeconds: HOUR },
} as const satisfies Record<string, Limit>;

type Upload = { bytes?: unknown } | null | undefined;

/** How many of the uploads sharp would decode: images by their first bytes (PDFs are kept as they are). */
export function countImages(uploads: readonly Upload[] | null | undefined): number {
  let n = 0;
  for (const u of uploads ?? []) {
    const bytes = u?.bytes;
    if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) continue;
    const kind = sniff(bytes);
    if (kind && kind !== 'pdf') n++;
  }
  return n;
}

/** Proof that a roster import was admitted for its pictures: made only by `admitImportImages`. */
class ImportImagePass {
  #left: number;
  constructor(
    readonly userId: string,
    left: number,
  ) {
    this.#left = left;
  }
  take(userId: string, images: number): boolean {
    if (userId !== this.userId || images > this.#left) return false;
    this.#left -= images;
    return true;
  }
}
export type { ImportImagePass };

const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function refused(field: string, message: string): ActionResult<never> {
  return { ok: false, code: 'LOCKED', message, fieldErrors: { [field]: [message] } };
}

/** The first refused request of a window is audited (not every one: a flood must not fill the log). */
async function auditRefusal(db: Queryable, actor: Actor, limit: Limit, images: number) {
  await audit(db, actor, {
    action: 'throttle.refused',
    objectType: 'throttle',
    objectId: limit.bucket,
    after: { bucket: limit.bucket, max: limit.max, windowSeconds: limit.windowSeconds, images },
  });
}

/**
 * Admits the images of one request by a signed-in account, uploaded under the fields named by `uploads`
 * (e.g. `{ evidence: input.evidence }`). Refused: LOCKED with a Chinese message on the first field that
 * carries an image. A roster import's pass (`opts.pass`) covers its own rows instead.
 */
export async function admitImages(
  db: Queryable,
  actor: Actor,
  uploads: Record<string, readonly Upload[] | Upload>,
  opts: { at?: Date; pass?: ImportImagePass } = {},
): Promise<ActionResult<undefined>> {
  let images = 0;
  let field: string | null = null;
  for (const [name, value] of Object.entries(uploads)) {
    const n = countImages(Array.isArray(value) ? value : [value as Upload]);
    if (n > 0 && field === null) field = name;
    images += n;
  }
  if (images === 0 || field === null) return { ok: true, data: undefined };
  if (opts.pass instanceof ImportImagePass && opts.pass.take(actor.userId, images)) return { ok: true, data: undefined };
  const at = opts.at ?? clockNow();
  for (const limit of [UPLOAD_LIMITS.imagesMinute, UPLOAD_LIMITS.imagesHour]) {
    const r = await consume(db, limit, actor.userId, at, images);
    if (r.ok) continue;
    if (r.first) await auditRefusal(db, actor, limit, images);
    const per = limit.windowSeconds === MINUTE ? '每分钟' : '每小时';
    return refused(field, `上传图片过于频繁（每个账号${per}最多 ${limit.max} 张），请 ${minutesOf(r.retryAfterSeconds)} 分钟后再试。`);
  }
  return { ok: true, data: undefined };
}

/**
 * One admission for all the pictures of a roster import (`images` of them), against the import's own limit.
 * Refused: LOCKED with a message on `field`. Admitted: a pass for the import's own calls of the entry service.
 */
export async function admitImportImages(
  db: Queryable,
  actor: Actor,
  images: number,
  opts: { at?: Date; field?: string } = {},
): Promise<ActionResult<ImportImagePass>> {
  const pass = new ImportImagePass(actor.userId, images);
  if (images === 0) return { ok: true, data: pass };
  const limit = UPLOAD_LIMITS.rosterImages;
  const r = await consume(db, limit, actor.userId, opts.at ?? clockNow(), images);
  if (r.ok) return { ok: true, data: pass };
  if (r.first) await auditRefusal(db, actor, limit, images);
  return refused(
    opts.field ?? 'file',
    `名册中的照片过多：每个账号每小时最多导入 ${limit.max} 张照片（本文件 ${images} 张），请 ${minutesOf(r.retryAfterSeconds)} 分钟后再试，或分多个文件上传。`,
  );
}
