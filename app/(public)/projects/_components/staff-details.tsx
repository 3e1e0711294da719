import type { PublicStaffMember } from '@/db/queries/public-staff';
import { CorrectionNotes, ObjectionBadge as RecordObjectionBadge, StatementNote } from '@/components/records/record-notes';
import { badRecordShort } from '@/lib/domain/records';
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

/**
 * Certificates and approved good/bad records: the public parts only (SN 19). Each record carries its objection
 * flag, the person's statement and any published correction; a record revoked after an objection shows only as
 * its correction notice. `detailed` (the person's card, where these headings follow the page's h1) adds the facts
 * and the full SN 13 wording; on the estate page they follow each person's h3.
 */
export function StaffQualifications({ person, detailed = false }: { person: Pick<PublicStaffMember, 'certificates' | 'records'>; detailed?: boolean }) {
  const Heading = detailed ? 'h2' : 'h4';
  return (
    <>
      {person.certificates.length > 0 && (
        <div>
          <Heading className="text-sm font-medium text-slate-700">资格证书</Heading>
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
          <Heading className="text-sm font-medium text-slate-700">信用记录</Heading>
          <ul className={detailed ? 'mt-1 space-y-3 text-sm' : 'text-sm'}>
            {person.records.map((r) => (
              <li key={r.id}>
                {r.status === 'corrected' ? (
                  <>
                    <span className="font-medium text-slate-700">已撤销的{r.kind === 'good' ? '优良' : '不良'}记录</span>（{formatDate(r.occurredOn)}）
                    <CorrectionNotes corrections={r.corrections} />
                  </>
                ) : (
                  <>
                    <span className={r.kind === 'good' ? 'font-medium text-emerald-800' : 'font-medium text-red-800'}>{r.kind === 'good' ? '优良' : '不良'}</span>{' '}
                    {r.kind === 'bad' ? (
                      <abbr title={r.type} className="no-underline">
                        {badRecordShort(r.type)}
                      </abbr>
                    ) : (
                      r.type
                    )}
                    （{formatDate(r.occurredOn)}，{r.issuer}）
                    <RecordObjectionBadge open={r.objectionOpen} />
                    {detailed && (
                      <>
                        {r.kind === 'bad' && <span className="block text-xs text-slate-600">类型全称：{r.type}</span>}
                        <span className="block text-slate-800">{r.description}</span>
                      </>
                    )}
                    <StatementNote statement={r.statement} by="本人" />
                    <CorrectionNotes corrections={r.corrections} />
                    {detailed && !r.objectionOpen && (
                      <a href={`/objections/new?staffRecord=${r.id}`} className="mt-1 inline-block text-xs text-brand-700 underline">
                        对此信息提出异议
                      </a>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
