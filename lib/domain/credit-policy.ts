/**
 * The credit-policy settings of SPEC §4. A city edits them; each edit is a new version in credit_policies,
 * and every computed result (rating, evaluation, list entry) names the version it used.
 */
import { z } from 'zod';

export const creditPolicySchema = z.object({
  annualBaseScore: z.number().min(0).max(1000),
  interviewBelow: z.number().min(0).max(1000),
  blackListAfterYearsBelow: z.number().int().min(1).max(10),
  grades: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  estateRating: z.object({ excellent: z.number(), good: z.number() }),
  consecutiveRatings: z.number().int().min(2).max(8),
  rectificationDays: z.number().int().min(1).max(365),
  marketBanYears: z.number().int().min(1).max(10),
  greenChannelCleanYears: z.number().int().min(1).max(10),
  associationCommendationsPerYear: z.number().int().min(0),
  entryDeadlineWorkingDays: z.number().int().min(1).max(60),
  goodRecordFilingDays: z.number().int().min(1).max(60),
  badConductReportDays: z.number().int().min(1).max(60),
  postChangeFilingDays: z.number().int().min(1).max(60),
  penaltyPublicationWorkingDays: z.number().int().min(1).max(60),
  nonRenewalNoticeDays: z.number().int().min(1).max(365),
  bond: z.object({ minShareOfAnnualFees: z.number().min(0).max(1), maxYuan: z.number().min(0) }),
  /** Publicity windows in months: [minimum before repair may be asked, maximum after which display stops]. */
  warningPublicityMonths: z.object({
    轻微: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    一般: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    严重: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  }),
  /** 轻微 warning records: not published by default; a city may publish them for their (≤ 3-month) window. */
  publishMinorWarnings: z.boolean().default(false),
  performancePublicityMonths: z.number().int().min(1).max(60),
  creditRepairDecisionWorkingDays: z.number().int().min(1).max(60),
  /** SPEC §3.10: the serving company answers an owner's complaint within this many working days (versions saved
   * before the setting existed read the default). */
  complaintAnswerWorkingDays: z.number().int().min(1).max(60).default(5),
  /** SN 24: the deadline of a rectification order, in calendar days from its issue (versions saved before the
   * setting existed read the default; decision 033). */
  rectificationOrderDays: z.number().int().min(1).max(180).default(30),
});

export type CreditPolicy = z.infer<typeof creditPolicySchema>;

export const defaultCreditPolicy: CreditPolicy = {
  annualBaseScore: 100,
  interviewBelow: 90,
  blackListAfterYearsBelow: 2,
  grades: { A: 95, B: 90, C: 75 },
  estateRating: { excellent: 90, good: 75 },
  consecutiveRatings: 3,
  rectificationDays: 90,
  marketBanYears: 3,
  greenChannelCleanYears: 3,
  associationCommendationsPerYear: 100,
  entryDeadlineWorkingDays: 10,
  goodRecordFilingDays: 5,
  badConductReportDays: 3,
  postChangeFilingDays: 3,
  penaltyPublicationWorkingDays: 7,
  nonRenewalNoticeDays: 90,
  bond: { minShareOfAnnualFees: 0.05, maxYuan: 300_000 },
  warningPublicityMonths: { 轻微: [0, 3], 一般: [3, 12], 严重: [12, 36] },
  publishMinorWarnings: false,
  performancePublicityMonths: 12,
  creditRepairDecisionWorkingDays: 3,
  complaintAnswerWorkingDays: 5,
  rectificationOrderDays: 30,
};

/** The version a stored row names: version 0 (the built-in defaults, before any policy was saved) has no row. */
export const policyRef = (v: number) => (v > 0 ? v : null);
