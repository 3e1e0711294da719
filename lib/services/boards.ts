/**
 * Disclosure board of an estate (SPEC §3.9): only the company serving the estate edits it, and every save is
 * a new version (never an update). Two saves from the same version: one wins, the other gets CONFLICT.
 */
import type { Db } from '@/db';
import { findServedProject, getLatestBoard, insertBoardVersion, projectExists } from '@/db/queries/boards';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { boardSaveSchema, type StoredBoardData } from '@/lib/validation/board';
import { isUniqueViolation } from './errors';
import type { ServiceOpts } from './contracts';

const TAKEN = '公示栏已被他人更新，请刷新后在最新版本上修改';

export async function saveBoard(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: ServiceOpts = {},
): Promise<ActionResult<{ projectId: string; version: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'project.board.edit') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = boardSaveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const project = await findServedProject(db, actor, v.projectId);
  if (!project) {
    if (await projectExists(db, v.projectId)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'disclosure_board', objectId: v.projectId });
    }
    return fail('NOT_FOUND');
  }
  const latest = await getLatestBoard(db, project.id);
  if ((latest?.version ?? 0) !== v.baseVersion) return fail('CONFLICT', TAKEN);
  const data: StoredBoardData = { ...v.data, updatedOn: opts.today ?? clockToday() };
  const companyId = actor.companyId;
  try {
    const row = await db.transaction(async (tx) => {
      const inserted = await insertBoardVersion(tx, { projectId: project.id, companyId, version: v.baseVersion + 1, data });
      await audit(tx, actor, {
        action: 'board.published',
        objectType: 'disclosure_board',
        objectId: project.id,
        before: latest ? { version: latest.version } : null,
        after: { version: inserted.version, data },
      });
      return inserted;
    });
    return ok({ projectId: project.id, version: row.version });
  } catch (err) {
    if (isUniqueViolation(err)) return fail('CONFLICT', TAKEN);
    throw err;
  }
}
