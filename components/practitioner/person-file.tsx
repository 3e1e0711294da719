/**
 * One person's internal file (SPEC §2, §3.6): the fields with the ID number masked, the photo through the
 * scoped attachment route, the certificates and the full employment history. No data access here.
 */
import type { PractitionerFields } from '@/db/queries/practitioner-review';
import { formatDate } from '@/lib/format';
import { EMPLOYMENT_STATUS_LABELS, PRACTITIONER_STATUS_LABELS } from './labels';

export interface PersonFileData extends PractitionerFields {
  idNumberMasked: string;
  /** 执业登记号 (decision 032); null until the first approval. */
  registryNo?: string | null;
  photoId: string | null;
  status: string;
  certificates: { id: string; name: string; number: string; issuer: string; validUntil: string | null }[];
  employments: {
    id: string;
    companyName: string;
    projectName: string | null;
    districtName: string | null;
    post: string;
    startDate: string;
    endDate: string | null;
    status: string;
    endReason: string | null;
  }[];
}

/** `photoNote`: shown instead of the photo when the viewer may no longer open it (the person has left their scope). */
export function PersonFile({ person, idSlot, photoNote }: { person: PersonFileData; idSlot?: React.ReactNode; photoNote?: string }) {
  const rows: [string, React.ReactNode][] = [
    ['姓名', person.name],
    ['执业登记号', person.registryNo ? <span key="rn" className="font-mono">{person.registryNo}</span> : '审核通过后分配'],
    ['身份证号码', <span key="id" className="font-mono">{person.idNumberMasked}</span>],
    ['性别', person.gender],
    ['出生年月', person.birthDate.slice(0, 7)],
    ['民族', person.ethnicity],
    ['籍贯', person.nativePlace],
    ['政治面貌', person.politicalStatus],
    ['手机号码', person.mobile],
    ['毕业院校', person.school ?? '—'],
    ['毕业专业', person.major ?? '—'],
    ['学历', person.education],
    ['专业技能', person.skills ?? '—'],
    ['入职时间', formatDate(person.hiredOn)],
    ['劳动合同签订日期', formatDate(person.labourContractOn)],
    ['人员状态', PRACTITIONER_STATUS_LABELS[person.status] ?? person.status],
  ];
  return (
    <div className="space-y-5">
      <section aria-labelledby="person-fields" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="person-fields" className="mb-3 text-lg font-semibold">
          人员信息
        </h2>
        <div className="flex flex-wrap gap-6">
          <div className="w-36 shrink-0">
            {person.photoId && photoNote ? (
              <p className="flex h-48 items-center justify-center rounded border border-dashed border-slate-400 p-2 text-sm text-slate-600">{photoNote}</p>
            ) : person.photoId ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/attachments/${person.photoId}`} alt={`${person.name}的证件照`} width={144} height={192} className="rounded border border-slate-300" />
            ) : (
              <p className="flex h-48 items-center justify-center rounded border border-dashed border-slate-400 text-sm text-slate-600">无证件照</p>
            )}
          </div>
          <dl className="grid flex-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
        {idSlot && <div className="mt-4">{idSlot}</div>}
      </section>
      <section aria-labelledby="person-certs" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="person-certs" className="mb-3 text-lg font-semibold">
          资格证书
        </h2>
        {person.certificates.length === 0 ? (
          <p className="text-sm text-slate-600">无</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="p-2">证书名称</th>
                <th scope="col" className="p-2">证书编号</th>
                <th scope="col" className="p-2">发证机关</th>
                <th scope="col" className="p-2">有效期至</th>
              </tr>
            </thead>
            <tbody>
              {person.certificates.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <td className="p-2">{c.name}</td>
                  <td className="p-2">{c.number}</td>
                  <td className="p-2">{c.issuer}</td>
                  <td className="p-2">{c.validUntil ? formatDate(c.validUntil) : '长期'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="person-history" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="person-history" className="mb-3 text-lg font-semibold">
          从业经历
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="p-2">企业</th>
              <th scope="col" className="p-2">项目</th>
              <th scope="col" className="p-2">岗位</th>
              <th scope="col" className="p-2">起止</th>
              <th scope="col" className="p-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {person.employments.map((e) => (
              <tr key={e.id} className="border-b border-slate-100">
                <td className="p-2">{e.companyName}</td>
                <td className="p-2">
                  {e.projectName ?? '—'}
                  {e.districtName && <span className="block text-xs text-slate-600">{e.districtName}</span>}
                </td>
                <td className="p-2">{e.post}</td>
                <td className="p-2">
                  {formatDate(e.startDate)} 至 {e.endDate ? formatDate(e.endDate) : '今'}
                </td>
                <td className="p-2">
                  {EMPLOYMENT_STATUS_LABELS[e.status] ?? e.status}
                  {e.endReason && <span className="block text-xs text-slate-600">{e.endReason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
