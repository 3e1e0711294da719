import type { PublicStaffMember } from '@/db/queries/public-staff';
import { formatDate } from '@/lib/format';

/** 异议处理中 (SPEC §3.8): shown wherever the person's data is shown while an objection about it is open. */
export function ObjectionBadge() {
  return <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">异议处理中</span>;
}

/** The person's photo (served only while they are approved staff of this estate) or a neutral placeholder. */
export function StaffPhoto({ projectId, person, size }: { projectId: string; person: Pick<PublicStaffMember, 'id' | 'name' | 'hasPhoto'>; size: 'thumb' | 'photo' }) {
  const [w, h] = size === 'thumb' ? [60, 80] : [180, 240];
  if (!person.hasPhoto) {
    return (
      <div style={{ width: w, height: h }} className="flex shrink-0 items-center justify-center rounded bg-slate-200 text-xs text-slate-700">
        暂无照片
      </div>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a small, already-sized JPEG from our own route
    <img
      src={`/projects/${projectId}/staff/${person.id}/photo${size === 'thumb' ? '?size=thumb' : ''}`}
      alt={`${person.name}的证件照`}
      width={w}
      height={h}
      loading="lazy"
      className="shrink-0 rounded bg-slate-100 object-cover"
    />
  );
}

/** Certificates and approved good/bad records: the public parts only (SN 19). */
export function StaffQualifications({ person }: { person: Pick<PublicStaffMember, 'certificates' | 'records'> }) {
  return (
    <>
      {person.certificates.length > 0 && (
        <div>
          <h4 className="text-sm font-medium text-slate-700">资格证书</h4>
          <ul className="text-sm">
            {person.certificates.map((c, i) => (
              <li key={i}>
                {c.name}（{c.issuer}，{c.validUntil ? `有效期至 ${formatDate(c.validUntil)}` : '长期有效'}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {person.records.length > 0 && (
        <div>
          <h4 className="text-sm font-medium text-slate-700">信用记录</h4>
          <ul className="text-sm">
            {person.records.map((r, i) => (
              <li key={i}>
                <span className={r.kind === 'good' ? 'font-medium text-emerald-800' : 'font-medium text-red-800'}>{r.kind === 'good' ? '优良' : '不良'}</span>{' '}
                {r.type}（{formatDate(r.occurredOn)}，{r.issuer}）
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
