import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { getDb } from '@/db';
import { getFullRecordDocument } from '@/db/queries/data-use';
import { normalizeTrackingCode } from '@/lib/domain/objections';
import { env } from '@/lib/env';
import { formatDate, formatDateTime } from '@/lib/format';
import { decodeParam } from '@/lib/security/request-target';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '从业人员完整执业信息', robots: { index: false, follow: false } };

interface Summary {
  title?: string;
  issuedOn?: string;
  approvedBy?: string | null;
  name?: string;
  gender?: string;
  posts?: { companyName: string; projectName: string | null; post: string; since: string }[];
  employment?: { companyName: string; projectName: string | null; post: string; startDate: string; endDate: string | null }[];
  certificates?: { name: string; number: string; issuer: string; validUntil: string | null }[];
  records?: { kind: 'good' | 'bad'; type: string; occurredOn: string; issuer: string; description: string }[];
}

/**
 * The person's printed full record (SN 20.1): a clean A4 page of what the document fixed at issue, with its
 * verification code and a QR to /verify/[code]. Reached from the own-record look-up after the district approved;
 * the code is the document's own (printed on it), as on every verifiable paper.
 */
export default async function FullRecordPrintPage({ params }: { params: Promise<{ code: string }> }) {
  const decoded = decodeParam((await params).code);
  const code = decoded === null ? null : normalizeTrackingCode(decoded);
  if (!code) notFound();
  const doc = await getFullRecordDocument(getDb(), code);
  if (!doc || doc.revokedAt) notFound();
  const s = doc.summary as Summary;
  const url = `${env().siteUrl}/verify/${doc.code}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  const th = 'border border-slate-400 px-2 py-1 text-left font-medium';
  const td = 'border border-slate-400 px-2 py-1 align-top';
  return (
    <main className="mx-auto max-w-[210mm] bg-white p-[12mm] text-[10.5pt] text-slate-900 print:p-0">
      <style>{'@page { size: A4; margin: 15mm; }'}</style>
      <header className="flex items-start justify-between gap-4 border-b border-slate-400 pb-3">
        <div>
          <h1 className="text-[16pt] font-bold">{s.title ?? '从业人员完整执业信息'}</h1>
          <p>遂宁市物业信用监管平台 · 依据《遂宁市物业服务从业人员执业管理办法》第二十条第一项出具</p>
          <p>
            核验码 <span className="font-mono font-semibold">{doc.code}</span> · 出具时间 {formatDateTime(doc.issuedAt)}
            {s.approvedBy ? ` · 审批：${s.approvedBy}` : ''}
          </p>
        </div>
        <div role="img" aria-label={`核验二维码：${url}`} className="h-[24mm] w-[24mm] shrink-0 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      </header>
      <dl className="mt-3 grid grid-cols-[6em_1fr] gap-y-1">
        <dt>姓名</dt>
        <dd className="font-semibold">{s.name}</dd>
        <dt>性别</dt>
        <dd>{s.gender}</dd>
      </dl>
      <h2 className="mt-4 font-semibold">现任岗位</h2>
      {s.posts?.length ? (
        <table className="mt-1 w-full border-collapse">
          <thead>
            <tr>
              <th className={th}>企业</th>
              <th className={th}>项目</th>
              <th className={th}>岗位</th>
              <th className={th}>起始日期</th>
            </tr>
          </thead>
          <tbody>
            {s.posts.map((p, i) => (
              <tr key={i}>
                <td className={td}>{p.companyName}</td>
                <td className={td}>{p.projectName ?? '—'}</td>
                <td className={td}>{p.post}</td>
                <td className={td}>{formatDate(p.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>无</p>
      )}
      <h2 className="mt-4 font-semibold">从业经历</h2>
      {s.employment?.length ? (
        <table className="mt-1 w-full border-collapse">
          <thead>
            <tr>
              <th className={th}>企业</th>
              <th className={th}>项目</th>
              <th className={th}>岗位</th>
              <th className={th}>起止日期</th>
            </tr>
          </thead>
          <tbody>
            {s.employment.map((p, i) => (
              <tr key={i}>
                <td className={td}>{p.companyName}</td>
                <td className={td}>{p.projectName ?? '—'}</td>
                <td className={td}>{p.post}</td>
                <td className={td}>
                  {formatDate(p.startDate)} 至 {p.endDate ? formatDate(p.endDate) : '今'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>无</p>
      )}
      <h2 className="mt-4 font-semibold">资格证书</h2>
      {s.certificates?.length ? (
        <ul className="list-disc pl-5">
          {s.certificates.map((c, i) => (
            <li key={i}>
              {c.name}（{c.number}，{c.issuer}，{c.validUntil ? `有效期至 ${formatDate(c.validUntil)}` : '长期有效'}）
            </li>
          ))}
        </ul>
      ) : (
        <p>无</p>
      )}
      <h2 className="mt-4 font-semibold">优良信息和不良信息</h2>
      {s.records?.length ? (
        <ul className="list-disc pl-5">
          {s.records.map((r, i) => (
            <li key={i}>
              {r.kind === 'good' ? '优良' : '不良'}：{r.type}（{formatDate(r.occurredOn)}，{r.issuer}）{r.description}
            </li>
          ))}
        </ul>
      ) : (
        <p>无</p>
      )}
      <p className="mt-6 border-t border-slate-400 pt-2 text-[9pt]">
        本页内容以出具时平台记录为准，不含身份证号码等个人隐私信息。扫描二维码或访问 {env().siteUrl}/verify 输入核验码，可核验真伪并查看出具后信息是否有变化。仅限本人用于工作证明、求职应聘等用途。
      </p>
    </main>
  );
}
