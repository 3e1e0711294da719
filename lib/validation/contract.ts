/**
 * Contract forms (ZJ 7, ZJ 9): the same schemas run in the browser (zodResolver) and in the services.
 * The bond rule comes from the current credit policy, so the registration schema is built from it.
 */
import { z } from 'zod';
import { bondRangeMessage, DEFAULT_BOND_RULE, isBondValid, isPeriodValid, type BondRule } from '@/lib/domain/contracts';

const dateField = (label: string) => z.iso.date({ message: `请填写有效的${label}（年-月-日）` });

const yuan = (label: string) =>
  z.coerce
    .number({ message: `请填写${label}（元）` })
    .refine((n) => Number.isFinite(n), `请填写${label}（元）`)
    .refine((n) => n > 0, `${label}应大于 0`)
    .refine((n) => n <= 10_000_000_000, `${label}数额不合理`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多保留两位小数`);

const id = (message: string) => z.uuid({ message });
const version = z.coerce.number({ message: '缺少版本号' }).int().min(1, '缺少版本号');

export function contractRegistrationSchema(rule: BondRule = DEFAULT_BOND_RULE) {
  return z
    .object({
      projectId: id('请选择物业项目'),
      startDate: dateField('合同开始日期'),
      endDate: dateField('合同结束日期'),
      annualFees: yuan('年物业费'),
      bondAmount: yuan('履约保证金'),
    })
    .superRefine((v, ctx) => {
      if (!isPeriodValid(v.startDate, v.endDate)) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: '合同结束日期应晚于开始日期' });
      }
      if (Number.isFinite(v.annualFees) && v.annualFees > 0 && !isBondValid(v.annualFees, v.bondAmount, rule)) {
        ctx.addIssue({ code: 'custom', path: ['bondAmount'], message: bondRangeMessage(v.annualFees, rule) });
      }
    });
}

export type ContractRegistrationInput = z.input<ReturnType<typeof contractRegistrationSchema>>;
export type ContractRegistration = z.output<ReturnType<typeof contractRegistrationSchema>>;

const note = z.string().trim().max(500, '说明不能超过 500 个字').optional().default('');

/** Written non-renewal notice (ZJ 7). */
export const nonRenewalNoticeSchema = z.object({
  contractId: id('无效的合同编号'),
  version,
  noticeOn: dateField('书面告知日期'),
  note,
});
export type NonRenewalNoticeInput = z.input<typeof nonRenewalNoticeSchema>;

/** Leaving the estate before the contract ends (DW 11.2). */
export const earlyExitSchema = z.object({
  contractId: id('无效的合同编号'),
  version,
  exitedOn: dateField('撤出日期'),
  reason: z.string().trim().min(4, '请写明撤出原因（至少 4 个字）').max(500, '撤出原因不能超过 500 个字'),
  handoverDone: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});
export type EarlyExitInput = z.input<typeof earlyExitSchema>;

/** District (or city) decision on a registered contract. */
export const contractDecisionSchema = z
  .object({
    id: id('无效的合同编号'),
    version,
    decision: z.enum(['confirm', 'reject'], { message: '请选择确认或退回' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && v.reason.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予确认时必须写明理由' });
    }
  });
export type ContractDecisionInput = z.input<typeof contractDecisionSchema>;
