/** The GET filter form of a staff-records list (URL-driven: shareable, works without JavaScript). */
import { CheckFilter, FilterBar, SelectFilter, TextFilter } from '@/components/list-kit/filters';
import { PRACTITIONER_RECORD_STATUS_LABELS } from '@/lib/domain/labels';
import { BAD_RECORD_TYPES, GOOD_RECORD_TYPES } from '@/lib/domain/records';
import type { RecordFilter } from '@/lib/validation/records';

export function RecordFilters({ path, f, withType = false, withLate = false }: { path: string; f: RecordFilter; withType?: boolean; withLate?: boolean }) {
  return (
    <FilterBar action={path}>
      <SelectFilter
        id="f-kind"
        name="kind"
        label="类别"
        value={f.kind}
        options={[
          { value: 'all', label: '全部' },
          { value: 'good', label: '优良信息' },
          { value: 'bad', label: '不良信息' },
        ]}
      />
      {withType && (
        <SelectFilter id="f-type" name="type" label="类型" value={f.type} all="全部类型">
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
        </SelectFilter>
      )}
      <SelectFilter
        id="f-status"
        name="status"
        label="状态"
        value={f.status}
        options={[{ value: 'all', label: '全部' }, ...(['submitted', 'approved', 'rejected', 'corrected'] as const).map((s) => ({ value: s, label: PRACTITIONER_RECORD_STATUS_LABELS[s] ?? s }))]}
      />
      <TextFilter id="f-q" label="人员姓名或小区" value={f.q} maxLength={40} />
      {withLate && <CheckFilter name="late" label="只看逾期报送" checked={f.lateOnly} />}
    </FilterBar>
  );
}
