import 'server-only';
import type { z } from 'zod';
import { listQuerySchema } from '@/lib/public-lists/params';
import { invalidQuery } from './respond';

/** `district`, `page`, `format` (and `period` for the ratings): the lists API's rules and messages. */
export const tableQuerySchema = listQuerySchema.pick({ district: true, page: true, format: true });
export const ratingsQuerySchema = listQuerySchema.pick({ district: true, period: true, page: true, format: true });

/**
 * The query of an open-data table, or the 400 to answer: each parameter of the schema once (the first value; an
 * empty one counts as absent), anything else ignored.
 */
export function tableQuery<S extends z.ZodObject>(schema: S, url: string): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const sp = new URL(url).searchParams;
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = sp.get(key);
    input[key] = v === null || v === '' ? undefined : v;
  }
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalidQuery(parsed.error) };
}
