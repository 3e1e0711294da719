import { z } from 'zod';

/** Mark one item read (`id`) or every item the account sees (`all`). */
export const markInboxReadSchema = z.union([
  z.object({ id: z.string().uuid('无效的消息编号') }),
  z.object({ all: z.literal('1', { message: '无效的请求' }) }),
]);

/** The account's e-mail for inbox mail; empty clears it. */
export const accountEmailSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, '邮箱地址不能超过 254 个字符')
    .refine((s) => s === '' || z.string().email().safeParse(s).success, '请输入有效的邮箱地址，例如 name@example.gov.cn'),
});
