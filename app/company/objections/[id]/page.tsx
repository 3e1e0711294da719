import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectionDetail } from '@/components/objections/objection-detail';
import { getDb } from '@/db';
import { getObjectionInScope, objectionExists } from '@/db/queries/objections';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { OBJECTION_STATUS_LABELS } from '@/lib/domain/objections';
import { isUuid } from '@/lib/validation/ids';
import { handleObjectionAction } from '../actions';

export const metadata: Metadata = { title: '处理信息异议', robots: { index: false } };

export default async function ObjectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/objections/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const o = await getObjectionInScope(db, actor, id);
  if (!o) {
    if (await objectionExists(db, id)) await recordOutOfScope(actor, 'case', id);
    notFound();
  }
  const done = (await searchParams).done;
  return (
    <div className="space-y-4">
      {typeof done === 'string' && OBJECTION_STATUS_LABELS[done] && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已保存：{OBJECTION_STATUS_LABELS[done]}。
        </p>
      )}
      <ObjectionDetail o={o} basePath="/company/objections" act={handleObjectionAction} viewer="company" />
    </div>
  );
}
