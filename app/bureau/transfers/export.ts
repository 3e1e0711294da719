import { z } from 'zod';
import { listMoves } from '@/db/queries/practitioner-moves';
import { formatDateTime } from '@/lib/format';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { defineListExport, schemaParser } from '@/lib/services/list-export';

const transferFilterSchema = z.object({});
type Payload = { consent?: string; consentDueOn?: string; consentReason?: string; fromCompanyName?: string; post?: string; hiredOn?: string };
const CONSENT: Record<string, string> = { refused: '不同意调出', pending: '尚未答复' };

/** /bureau/transfers: transfers waiting for the old company's consent in the district's scope (the page's query). ID numbers are left out. */
export const transfersExport = defineListExport({
  path: '/bureau/transfers',
  title: '调出协调',
  roles: ['city', 'district'],
  parse: schemaParser(transferFilterSchema),
  load: async (db, actor, _f: z.output<typeof transferFilterSchema>, { cap }) => {
    await ensureHolidayCalendar(db);
    return (await listMoves(db, actor, { awaitingConsentOnly: true, limit: cap + 1 })).map((m) => ({ ...m, p: m.payload as Payload }));
  },
  columns: [
    { header: '人员', value: (m) => m.name },
    { header: '原企业', width: 28, value: (m) => m.p.fromCompanyName },
    { header: '新企业', width: 28, value: (m) => m.companyName },
    { header: '新岗位', value: (m) => m.p.post },
    { header: '入职日期', value: (m) => m.p.hiredOn },
    { header: '申请时间', width: 18, value: (m) => formatDateTime(m.createdAt) },
    { header: '原企业意见', value: (m) => CONSENT[m.p.consent ?? 'pending'] ?? m.p.consent },
    { header: '答复期限', value: (m) => m.p.consentDueOn },
    { header: '不同意理由', width: 30, value: (m) => m.p.consentReason },
  ],
});
