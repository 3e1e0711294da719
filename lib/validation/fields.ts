/** Form fields several schemas share: dates, optional text, the ID number and the USCC, with their Chinese messages. */
import { z } from 'zod';
import { parseIdNumber } from '@/lib/domain/id-number';
import { validateUscc } from '@/lib/domain/uscc';

/** `YYYY-MM-DD`, as <input type="date"> sends it. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists in the calendar (no 2月30日). */
export const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** A required date on a person's record: a real day, not before 1950. */
export const personDate = (label: string) =>
  z.string({ message: `请填写${label}` }).superRefine((v, ctx) => {
    if (!DATE.test(v)) ctx.addIssue({ code: 'custom', message: `请按“年-月-日”填写${label}` });
    else if (!isRealDate(v) || v < '1950-01-01') ctx.addIssue({ code: 'custom', message: `${label}无效` });
  });

/** Text that may be left empty (stored as null), at most `max` characters. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullish()
    .transform((v) => v || null);

/** A mainland resident ID number (checked digit and birth date), upper-cased. */
export const idNumberField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

/** A unified social credit code (统一社会信用代码), upper-cased and checked. */
export const usccField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = validateUscc(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });
