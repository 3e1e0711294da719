import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db';
import { getPublishedDraw } from '@/db/queries/spot-checks';

/** A published draw by id (null: unknown, malformed or not published), once per request. */
export const loadPublishedDraw = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) return null;
  return getPublishedDraw(getDb(), id);
});
