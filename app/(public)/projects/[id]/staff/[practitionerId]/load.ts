import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { getPublicStaffCard } from '@/db/queries/public-staff';
import { today } from '@/lib/clock';

/** One read per request, shared by generateMetadata and the page. */
export const loadStaffCard = cache((projectId: string, practitionerId: string) => getPublicStaffCard(getDb(), projectId, practitionerId, { today: today() }));
