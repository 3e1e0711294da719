import 'server-only';
/**
 * The credit policy in force as pages, layouts and their server components read it: once per request, however
 * many of them ask (React `cache` is scoped to one server request). Services and actions read it themselves
 * (getCurrentPolicy) inside their transactions' checks, so a save between two requests is never half-seen.
 */
import { cache } from 'react';
import { getDb } from '@/db';
import { getCurrentPolicy, type PolicyVersion } from '@/db/queries/policy';

export const currentPolicy = cache((): Promise<PolicyVersion> => getCurrentPolicy(getDb()));
