import 'server-only';
/**
 * An estate's 信息名册 as a spreadsheet in the SN annex's columns (SN 8): the approved current staff, ID numbers
 * masked. A company exports its own estates, a district the estates in its district, the city any. Every download
 * is audited; an estate out of scope answers NOT_FOUND exactly like a missing one. Only a real estate out of scope
 * writes an out-of-scope row: a made-up `?project=` value must not let anyone fill the audit log.
 */
import ExcelJS from 'exceljs';
import type { Db } from '@/db';
import { findRosterProjectInScope, listRosterPeople, rosterProjectExists } from '@/db/queries/roster';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { EXPORT_COLUMNS } from '@/lib/domain/roster';
import { isUuid } from '@/lib/validation/ids';

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export async function exportRoster(
  db: Db,
  actor: Actor | null,
  projectId: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ filename: string; content: Buffer; count: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'registry.read')) return fail('FORBIDDEN');
  if (typeof projectId !== 'string' || !isUuid(projectId)) return fail('NOT_FOUND');
  const project = await findRosterProjectInScope(db, actor, projectId);
  if (!project) {
    if (await rosterProjectExists(db, projectId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'project', objectId: projectId });
    return fail('NOT_FOUND');
  }
  const on = opts.today ?? clockToday();
  const people = await listRosterPeople(db, project.id);

  const wb = new ExcelJS.Workbook();
  wb.creator = '遂宁市物业信用监管平台';
  const ws = wb.addWorksheet('信息名册', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    headerFooter: { oddHeader: `&C遂宁市物业服务从业人员信息名册（${project.name}）`, oddFooter: `&L导出日期 ${on}&R第 &P 页，共 &N 页` },
  });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.height = 28;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D4ED8' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF1E3A8A' } } };
  });
  const records = (rs: { type: string; occurredOn: string }[]) => rs.map((r) => `${r.type}（${r.occurredOn}）`).join('；');
  people.forEach((p, i) => {
    const row = ws.addRow([
      i + 1,
      p.name,
      p.gender,
      `${p.birthDate.slice(0, 7)}（${ageOn(p.birthDate, on)}岁）`,
      p.ethnicity,
      p.nativePlace,
      p.school ?? '',
      p.politicalStatus,
      p.hiredOn,
      p.major ?? '',
      p.education,
      p.mobile,
      p.idNumberMasked,
      project.name,
      p.companyName,
      p.post,
      p.certificates.map((c) => [c.name, c.number, c.issuer, c.validUntil ?? ''].join('|')).join(';'),
      records(p.good),
      records(p.bad),
      `优良 ${p.good.length} 条，不良 ${p.bad.length} 条`,
      p.reviewer ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  if (people.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

  const content = Buffer.from(await wb.xlsx.writeBuffer());
  await audit(db, actor, { action: 'roster.exported', objectType: 'project', objectId: project.id, after: { projectName: project.name, count: people.length } });
  return ok({ filename: `${project.name}-从业人员信息名册-${on}.xlsx`, content, count: people.length });
}
