import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectionDetail } from '@/components/objections/objection-detail';
import { RecordObjectionDetail } from '@/components/objections/record-objection-detail';
import { getDb } from '@/db';
import { getObjectionInScope, objectionExists } from '@/db/queries/objections';
import { getRecordObjectionInScope } from '@/db/queries/record-objections';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { OBJECTION_STATUS_LABELS, parseRecordObjectionDecision, recordObjectionStatusLabel } from '@/lib/domain/objections';
import { isUuid } from '@/lib/validation/ids';
import { handleObjectionAction, handleRecordObjectionAction } from '../actions';

export const metadata: Metadata = { title: '处理信息异议', robots: { index: false } };

export default async function ObjectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/objections/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const [o, r] = await Promise.all([getObjectionInScope(db, actor, id), getRecordObjectionInScope(db, actor, id)]);
  if (!o && !r) {
    if (await objectionExists(db, id)) await recordOutOfScope(actor, 'case', id);
    notFound();
  }
  const done = (await searchParams).done;
  const doneLabel = typeof done === 'string' ? (r ? recordObjectionStatusLabel(done, parseRecordObjectionDecision(r.decision)?.outcome ?? null) : OBJECTION_STATUS_LABELS[done]) : null;
  return (
    <div className="space-y-4">
      {doneLabel && typeof done === 'string' && OBJECTION_STATUS_LABELS[done] && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已保存：{doneLabel}。
        </p>
      )}
      {r ? <RecordObjectionDetail o={r} act={handleRecordObjectionAction} /> : <ObjectionDetail o={o!} basePath="/bureau/objections" act={handleObjectionAction} viewer={actor.role === 'city' ? 'city' : 'district'} />}
    </div>
  );
}
