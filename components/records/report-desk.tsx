/**
 * The reporting desk of a street office / community or a department (SN 14): find the person, file the report
 * with evidence, and follow what became of the reports filed so far. No data access here.
 */
import type { RecordListRow, ReportablePerson } from '@/db/queries/practitioner-records';
import type { RecordFormState } from '@/lib/actions/record-form';
import { lateLabel } from '@/lib/domain/records';
import type { StaffSearch } from '@/lib/validation/records';
import { PickAndFile } from './pick-and-file';
import { RecordFilingForm } from './record-filing-form';
import { RecordTable } from './record-table';

/** What `loadReportDesk` (lib/records/load) gives the desk. */
export interface ReportDeskData {
  search: StaffSearch;
  picker: { estates: { id: string; name: string }[] | null; results: ReportablePerson[] | null; selected: ReportablePerson | null };
  rows: RecordListRow[];
  total: number;
  underObjection: Set<string>;
  settings: { badConductReportDays: number };
  /** Set after a filing: how late it was (0: on time). */
  filedLateDays: number | null;
}

export function ReportDesk({
  path,
  heading,
  intro,
  scopeNote,
  action,
  today,
  desk,
}: {
  path: string;
  heading: string;
  intro: React.ReactNode;
  scopeNote: string;
  action: (prev: RecordFormState, fd: FormData) => Promise<RecordFormState>;
  today: string;
  desk: ReportDeskData;
}) {
  const { search, picker, rows, total, underObjection, filedLateDays } = desk;
  const limitDays = desk.settings.badConductReportDays;
  const late = filedLateDays ? lateLabel(filedLateDays) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{heading}</h1>
      {filedLateDays !== null && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          线索已报送，由属地区县住建部门核实后决定是否记录。{late && `本次报送${late}，记录上将标注。`}
        </p>
      )}
      <p className="text-slate-700">{intro}</p>
      <PickAndFile
        path={path}
        search={search}
        estates={picker.estates}
        results={picker.results}
        selected={picker.selected}
        scopeNote={scopeNote}
        formHeading="第二步：填写线索"
        renderForm={(practitionerId) => <RecordFilingForm action={action} mode="report" practitionerId={practitionerId} today={today} limitDays={limitDays} />}
      />
      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-lg font-semibold">
          已报送的线索（最近 {rows.length} 条，共 {total} 条）
        </h2>
        {rows.length === 0 ? (
          <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">暂无。</p>
        ) : (
          <RecordTable caption="本单位报送的线索" rows={rows} underObjection={underObjection} showFiler={false} />
        )}
      </section>
    </div>
  );
}
