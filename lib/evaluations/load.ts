import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { evaluationInScope, riskLetterOf } from '@/db/queries/evaluations';
import type { Actor } from '@/lib/auth/policy';

/**
 * The printable 风险提示函 of a company's year, for the bureau's copy and the company's own: the evaluation in the
 * actor's scope and published, and its letter; anything else is 404.
 */
export async function loadRiskLetter(actor: Actor, companyId: string, year: number) {
  const db = getDb();
  const evaluation = await evaluationInScope(db, actor, companyId, year);
  if (!evaluation || !evaluation.publishedAt) notFound();
  const letter = await riskLetterOf(db, evaluation.id);
  if (!letter) notFound();
  return { evaluation, letter };
}
