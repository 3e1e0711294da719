/** DW 11 one-vote veto: the bureau's form (shared by the page and the service). Chinese messages. */
import { z } from 'zod';
import { VETO_TYPES } from '@/lib/domain/credit-rating';

export const vetoSchema = z.object({
  companyId: z.uuid({ message: '请选择企业' }),
  projectId: z.preprocess((v) => (v === '' || v == null ? null : v), z.uuid({ message: '请选择有效的物业项目' }).nullable()),
  vetoType: z.enum(VETO_TYPES, { message: '请选择一票否决情形' }),
  decisionOn: z.iso.date({ message: '请填写有效的认定日期（年-月-日）' }),
  description: z
    .string({ message: '请填写认定事实' })
    .trim()
    .min(1, '请填写认定事实')
    .min(10, '认定事实至少 10 个字')
    .max(1000, '认定事实不能超过 1000 个字'),
  issuer: z.string().trim().max(100, '认定机关及文号不能超过 100 个字').optional().default(''),
});
export type VetoInput = z.input<typeof vetoSchema>;
