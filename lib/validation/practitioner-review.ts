import { z } from 'zod';

/** A bureau decision on a staff submission (SPEC §3.3, §3.6): a reason is required unless approving. */
export const staffDecisionSchema = z
  .object({
    id: z.uuid('无效的申请编号'),
    expectedVersion: z.coerce.number().int().min(1),
    decision: z.enum(['approved', 'rejected', 'returned'], { message: '请选择审核结果' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approved' && v.reason.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予通过或退回修改时必须写明理由' });
    }
  });

export type StaffDecisionInput = z.infer<typeof staffDecisionSchema>;

export const practitionerRefSchema = z.object({ practitionerId: z.uuid('无效的人员编号') });

export const STAFF_DECISION_LABELS = { approved: '审核通过', rejected: '不予通过', returned: '退回修改' } as const;
