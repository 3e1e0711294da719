import { listProjectsForOversight } from '@/db/queries/contracts';
import { boardStaleBefore, CONTRACT_STATUS_LABELS } from '@/lib/domain/contracts';
import { getCurrentPolicy } from '@/db/queries/policy';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { projectFilterSchema } from './filters';

/** /bureau/projects as filtered: a district's own estates, the city's all (the page's query). */
export const projectsExport = defineListExport({
  path: '/bureau/projects',
  title: '小区（物业项目）',
  roles: ['city', 'district'],
  parse: schemaParser(projectFilterSchema),
  load: async (db, actor, f: ReturnType<typeof projectFilterSchema.parse>, { today, cap }) => {
    const noticeDays = (await getCurrentPolicy(db)).settings.nonRenewalNoticeDays;
    const q = { districtId: f.district ?? undefined, flag: f.flag ?? undefined, q: f.q || undefined, today, noticeDays, staleBefore: boardStaleBefore(today) };
    return allPages((page) => listProjectsForOversight(db, actor, { ...q, page }), cap);
  },
  filterLabels: { q: '项目名称', district: '区县', flag: '提示' },
  columns: [
    { header: '项目', width: 28, value: (r) => r.name },
    { header: '区县', value: (r) => r.districtName },
    { header: '服务企业', width: 28, value: (r) => r.companyName ?? '无服务企业' },
    { header: '合同开始', value: (r) => r.startDate },
    { header: '合同结束', value: (r) => r.endDate },
    { header: '合同状态', value: (r) => (r.status ? CONTRACT_STATUS_LABELS[r.status] : '') },
    { header: '不续约告知日期', value: (r) => r.nonRenewalNoticeOn },
    { header: '待确认合同', value: (r) => r.pendingContracts },
  ],
});
