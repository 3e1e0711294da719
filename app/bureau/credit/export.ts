import { listBureauCreditRecords } from '@/db/queries/credit-records';
import { getCurrentPolicy } from '@/db/queries/policy';
import { CREDIT_CATEGORY_SHORT, CREDIT_PHASE_LABELS } from '@/lib/domain/labels';
import { creditRecordPhase } from '@/lib/domain/records';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { creditFilterSchema } from './filters';

/** The record file of /bureau/credit as filtered: the district's own, the city's all (the page's query and phases). */
export const creditExport = defineListExport({
  path: '/bureau/credit',
  title: '企业信用记录档案',
  roles: ['city', 'district'],
  parse: schemaParser(creditFilterSchema),
  load: async (db, actor, f: ReturnType<typeof creditFilterSchema.parse>, { today, cap }) => {
    await ensureHolidayCalendar(db);
    const { settings } = await getCurrentPolicy(db);
    const rows = await allPages(
      (page) => listBureauCreditRecords(db, actor, { category: f.category, state: f.state, q: f.q, penaltyOnly: f.penalty, page }, today, settings.publishMinorWarnings),
      cap,
    );
    return rows.map((r) => ({ ...r, phase: CREDIT_PHASE_LABELS[creditRecordPhase(r, today, settings)] }));
  },
  filterLabels: { category: '类别', state: '状态', q: '企业名称或统一社会信用代码', penalty: '只看行政处罚' },
  columns: [
    { header: '事项', width: 36, value: (r) => r.type },
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '小区或区县', width: 24, value: (r) => r.projectName ?? r.districtName },
    { header: '类别', value: (r) => `${CREDIT_CATEGORY_SHORT[r.category]}${r.isPenalty ? '·处罚' : ''}` },
    { header: '情节', value: (r) => r.severity },
    { header: '分值', value: (r) => (r.points != null ? Number(r.points) : null) },
    { header: '公布日期', value: (r) => r.publishedOn },
    { header: '停止计分日期', value: (r) => r.publicUntil },
    { header: '状态', value: (r) => r.phase },
  ],
});
