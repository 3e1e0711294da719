import { z } from 'zod';
import { usccField } from './fields';

const purpose = z
  .string()
  .trim()
  .max(60, '用途不超过 60 个字')
  .optional()
  .transform((v) => (v ? v : null));

/** A company prints its own credit report: only the optional purpose (e.g. 参加某项目投标). */
export const companyCreditReportSchema = z.object({ purpose });

/** A bureau prints a company's report: which company (by its credit code) and the optional purpose. */
export const bureauCreditReportSchema = z.object({ uscc: usccField, purpose });
