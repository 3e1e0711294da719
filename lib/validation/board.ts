/**
 * The disclosure board of an estate (SPEC §3.9; ZT 三.(四).4.(3), ZJ 8). Every save is a new version.
 */
import { z } from 'zod';
import { isValidPhone } from '@/lib/domain/phone';

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const phone = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => isValidPhone(v), `请填写有效的${label}（手机号码或固定电话，如 0825-1234567）`);
const optionalPhone = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isValidPhone(v), `请填写有效的${label}（手机号码或固定电话，如 0825-1234567）`);

export const boardDataSchema = z.object({
  managerName: text('项目负责人姓名', 20),
  managerPhone: phone('项目负责人电话'),
  complaintPhone: phone('投诉电话'),
  serviceContent: text('服务内容', 1000),
  serviceStandard: text('服务标准', 500),
  fees: z
    .array(z.object({ item: text('收费项目', 40), standard: text('收费标准', 100) }))
    .min(1, '至少填写一项收费项目')
    .max(30, '收费项目最多 30 项'),
  elevatorMaintenance: z.object({ unit: text('电梯维保单位（无电梯请填写“本项目无电梯”）', 60), contact: optionalPhone('电梯维保联系电话') }),
  fireMaintenance: z.object({ unit: text('消防维保单位', 60), contact: optionalPhone('消防维保联系电话') }),
  parking: text('车位使用情况', 500),
  sharedUtilities: text('公共水电分摊情况', 500),
  commonRevenue: z.object({ income: text('公共收益收入情况', 500), spending: text('公共收益支出情况', 500) }),
  maintenanceFund: text('专项维修资金使用情况', 500),
  elevatorSpending: text('电梯维保支出情况（无电梯请填写“无”）', 500),
});

export type BoardData = z.output<typeof boardDataSchema>;
/** What is stored: the items plus the day they were published. */
export type StoredBoardData = BoardData & { updatedOn: string };

export const boardSaveSchema = z.object({
  projectId: z.uuid({ message: '无效的项目编号' }),
  /** The version the form was prefilled from (0 when the estate has no board yet). */
  baseVersion: z.coerce.number().int().min(0),
  data: boardDataSchema,
});
export type BoardSaveInput = z.input<typeof boardSaveSchema>;

/** Empty values for an estate that has no board yet. */
export const EMPTY_BOARD: z.input<typeof boardDataSchema> = {
  managerName: '',
  managerPhone: '',
  complaintPhone: '',
  serviceContent: '',
  serviceStandard: '',
  fees: [{ item: '物业服务费', standard: '' }],
  elevatorMaintenance: { unit: '', contact: '' },
  fireMaintenance: { unit: '', contact: '' },
  parking: '',
  sharedUtilities: '',
  commonRevenue: { income: '', spending: '' },
  maintenanceFund: '',
  elevatorSpending: '',
};
