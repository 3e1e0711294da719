import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findMoveInScope, getPersonForUpdate } from '@/db/queries/practitioner-moves';
import { submissionExists } from '@/db/queries/submissions';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/ids';
import { MoveSummary } from '@/components/practitioner/move-summary';
import { TransferUpdateForm } from '@/components/practitioner/move-forms';

export const metadata: Metadata = { title: '人员变动申请', robots: { index: false } };

const FILED: Record<string, string> = {
  transfer: '调出申请已提交，等待原企业答复。',
  re_entry: '重新执业申请已提交，等待区县住建部门审核。',
  post_change: '岗位调整已提交，等待区县住建部门审核。',
  exit: '退出申报已提交，等待区县住建部门审核。',
  update: '信息已更新并提交区县住建部门审核。',
};

export default async function MovePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ filed?: string }> }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const actor = await requireActor(['company'], `/company/moves/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const move = await findMoveInScope(db, actor, id);
  if (!move) {
    if (await submissionExists(db, id)) await recordOutOfScope(actor, 'submission', id);
    notFound();
  }
  const payload = move.payload as Record<string, unknown>;
  const mine = move.companyId === actor.companyId;
  const canUpdate = mine && move.type === 'transfer' && ((move.status === 'draft' && payload.stage === 'released') || move.status === 'returned');
  const person = canUpdate ? await getPersonForUpdate(db, move.subjectId!) : null;
  const initial = canUpdate ? ((payload.update as Record<string, unknown> | undefined) ?? person ?? {}) : {};
  const certCount = Array.isArray((initial as { certificates?: unknown[] }).certificates) ? (initial as { certificates: unknown[] }).certificates.length : 0;
  return (
    <SubPage back={{ href: '/company/moves', label: '返回人员变动' }} title={'人员变动申请'}>
      {sp.filed && FILED[sp.filed] && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          {FILED[sp.filed]}
        </p>
      )}
      <MoveSummary move={{ type: move.type, status: move.status, payload, reason: move.reason }} />
      {canUpdate && (
        <section aria-labelledby="update" className="space-y-3">
          <h2 id="update" className="text-lg font-semibold">
            更新人员信息并提交审核
          </h2>
          <p className="text-sm text-slate-600">该人员已从原企业调出。请根据实际情况核对、更新以下信息后提交区县住建部门审核（SN 16）。</p>
          <TransferUpdateForm submissionId={move.id} version={move.version} initial={{ update: initial }} certificateRows={certCount + 2} />
        </section>
      )}
    </SubPage>
  );
}
