/** ZT 五.(三) annual evaluation: the year the city runs or publishes. */
import { z } from 'zod';

export const evaluationYearSchema = z.object({
  year: z.coerce.number({ message: '请选择评价年度' }).int('请选择评价年度').min(2000, '请选择有效的评价年度').max(2100, '请选择有效的评价年度'),
});

/** Publishing: the year and the fingerprint of the check-your-answers page the city read (lib/domain/publication). */
export const evaluationPublishSchema = evaluationYearSchema.extend({
  fingerprint: z.string({ message: '请先核对将要公开的内容，再确认' }).regex(/^[0-9a-f]{32}$/, '请先核对将要公开的内容，再确认'),
});
