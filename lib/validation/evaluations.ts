/** ZT 五.(三) annual evaluation: the year the city runs or publishes. */
import { z } from 'zod';

export const evaluationYearSchema = z.object({
  year: z.coerce.number({ message: '请选择评价年度' }).int('请选择评价年度').min(2000, '请选择有效的评价年度').max(2100, '请选择有效的评价年度'),
});
