import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { estateExists, findEstateInScope, listPlaces } from '@/db/queries/estates';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { editEstateAction } from '../actions';
import { EstateForm } from '../estate-form';

export const metadata: Metadata = { title: '修改项目', robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EstateEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/estates/${id}`);
  if (!UUID.test(id)) notFound();
  const db = getDb();
  // Another district's estate answers 404 like a missing one, and is written to the audit log.
  const e = await inScopeOrNotFound(actor, await findEstateInScope(db, actor, id), { type: 'project', id, exists: () => estateExists(db, id) });
  const places = await listPlaces(db, actor.role === 'city' ? null : actor.districtId);
  return (
    <div className="space-y-6">
      <BackLink href="/bureau/estates">物业项目登记</BackLink>
      <h1 className="text-2xl font-bold">修改项目：{e.name}</h1>
      <section className="rounded-lg bg-white p-5 shadow-sm">
        <EstateForm
          action={editEstateAction}
          submitLabel="保存"
          places={places}
          fixedDistrict={actor.role === 'city' ? undefined : { id: e.districtId, name: actor.districtName ?? '' }}
          hidden={{ id: e.id, version: String(e.version) }}
          initial={{
            name: e.name,
            address: e.address,
            districtId: e.districtId,
            streetId: e.streetId ?? '',
            communityId: e.communityId ?? '',
            type: e.type,
            households: String(e.households),
            floorArea: e.floorArea,
            hasOwnersCommittee: String(e.hasOwnersCommittee),
          }}
        />
      </section>
    </div>
  );
}
