import { getCurrentPolicy } from '@/db/queries/policy';
import { listRecords } from '@/db/queries/practitioner-records';
import { PRACTITIONER_RECORD_STATUS_LABELS, RECORD_KIND_LABELS } from '@/lib/domain/labels';
import { lateLabel } from '@/lib/domain/records';
import { allPages, defineListExport } from '@/lib/services/list-export';
import { parseRecordFilter, type RecordFilter } from '@/lib/validation/records';

/** /bureau/records as filtered: the district's estates' staff, the city's all (the page's query). ID numbers are left out. */
export const recordsExport = defineListExport({
  path: '/bureau/records',
  title: '人员奖惩记录审核',
  roles: ['city', 'district'],
  parse: (raw) => parseRecordFilter(raw, { status: 'submitted' }),
  load: async (db, actor, f: RecordFilter, { today, cap }) => {
    const { settings } = await getCurrentPolicy(db);
    const limits = { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays };
    return allPages((page) => listRecords(db, actor, { ...f, page }, limits, today), cap);
  },
  filterLabels: { kind: '类别', status: '状态', type: '类型', lateOnly: '只看逾期', q: '姓名' },
  columns: [
    { header: '人员', value: (r) => r.name },
    { header: '类别', value: (r) => RECORD_KIND_LABELS[r.kind] ?? r.kind },
    { header: '记录', width: 36, value: (r) => r.type },
    { header: '内容', width: 40, value: (r) => r.description },
    { header: '发生日期', value: (r) => r.occurredOn },
    { header: '收到日期', value: (r) => r.receivedOn },
    { header: '逾期', value: (r) => lateLabel(r.lateDays) },
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '小区', width: 24, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '报送单位', value: (r) => r.filerName },
    { header: '状态', value: (r) => PRACTITIONER_RECORD_STATUS_LABELS[r.status] ?? r.status },
  ],
});
