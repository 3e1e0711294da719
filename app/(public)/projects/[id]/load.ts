import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { getPublicProject } from '@/db/queries/public-projects';

/** One read per request, shared by generateMetadata and the page. */
export const loadProject = cache((id: string) => getPublicProject(getDb(), id));
