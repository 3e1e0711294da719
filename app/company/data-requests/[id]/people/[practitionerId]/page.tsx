import type { Metadata } from 'next';
import { GrantPersonPage } from '@/components/data-use/pages';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '按授权查看从业人员信息', robots: { index: false } };

export default async function CompanyGrantedPersonPage({ params }: { params: Promise<{ id: string; practitionerId: string }> }) {
  const { id, practitionerId } = await params;
  const actor = await requireActor(['company'], `/company/data-requests/${id}/people/${practitionerId}`);
  // Called, not rendered: the page itself loads (and audits) what it shows.
  return GrantPersonPage({ actor, id, practitionerId, basePath: '/company/data-requests' });
}
