/** The GET filter form and the pager of a staff-records list (URL-driven: shareable, works without JavaScript). */
import { Pager } from '@/components/ui/pager';
import { PRACTITIONER_RECORD_STATUS_LABELS } from '@/lib/domain/labels';
import { BAD_RECORD_TYPES, GOOD_RECORD_TYPES } from '@/lib/domain/records';
import { recordFilterQuery, type RecordFilter } from '@/lib/validation/records';

const select = 'mt-1 max-w-xs rounded border border-slate-400 px-3 py-2';

export function RecordFilters({ path, f, withType = false, withLate = false }: { path: string; f: RecordFilter; withType?: boolean; withLate?: boolean }) {
  return (
    <form method="get" action={path} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
      <div>
        <label htmlFor="f-kind" className="block text-sm font-medium">
          类别
        </label>
        <select id="f-kind" name="kind" defaultValue={f.kind} className={select}>
          <option value="all">全部</option>
          <option value="good">优良信息</option>
          <option value="bad">不良信息</option>
        </select>
      </div>
      {withType && (
        <div>
          <label htmlFor="f-type" className="block text-sm font-medium">
            类型
          </label>
          <select id="f-type" name="type" defaultValue={f.type ?? ''} className={select}>
            <option value="">全部类型</option>
            <optgroup label="优良信息">
              {GOOD_RECORD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </optgroup>
            <optgroup label="不良信息（第十三条）">
              {BAD_RECORD_TYPES.map((t, i) => (
                <option key={t} value={t}>
                  {i + 1}. {t.length > 24 ? `${t.slice(0, 24)}…` : t}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      )}
      <div>
        <label htmlFor="f-status" className="block text-sm font-medium">
          状态
        </label>
        <select id="f-status" name="status" defaultValue={f.status} className={select}>
          <option value="all">全部</option>
          {(['submitted', 'approved', 'rejected', 'corrected'] as const).map((s) => (
            <option key={s} value={s}>
              {PRACTITIONER_RECORD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-q" className="block text-sm font-medium">
          人员姓名或小区
        </label>
        <input id="f-q" name="q" defaultValue={f.q} maxLength={40} className="mt-1 rounded border border-slate-400 px-3 py-2" />
      </div>
      {withLate && (
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="late" value="1" defaultChecked={f.lateOnly} />
          只看逾期报送
        </label>
      )}
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
        筛选
      </button>
    </form>
  );
}

export function RecordPager({ path, f, total, pageSize }: { path: string; f: RecordFilter; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return <Pager page={f.page} pages={pages} href={(p) => `${path}?${recordFilterQuery(f, p)}`} />;
}
