/**
 * The printable notice to the person of an entered bad record (两书同达; SPEC §3.7, SN 18): what was recorded —
 * type, facts, date, issuer —, who recorded it, how to object, and the notice code that is also the key to object
 * online. A4 print styles; the area's header and the on-screen hints are not printed. No data access here.
 */
import Link from 'next/link';
import type { RecordDetail } from '@/db/queries/practitioner-records';
import { objectionRoutes, ownRecordObjectionUrl, recordStatementUrl, STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { formatDate } from '@/lib/format';

const PRINT_CSS = `
@page { size: A4 portrait; margin: 16mm; }
@media print {
  body > header, body > footer, .skip-link, .no-print { display: none !important; }
  body > main { max-width: none !important; padding: 0 !important; }
  .notice { box-shadow: none !important; border: none !important; padding: 0 !important; font-size: 11pt; line-height: 1.6; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;

export function RecordNotice({ r, siteUrl, qrSvg, backHref }: { r: RecordDetail; siteUrl: string; qrSvg: string; backHref: string }) {
  const bureau = r.deciderOrgName ?? '属地住房城乡建设主管部门';
  const recordedOn = r.decidedAt ? formatDate(r.decidedAt) : '—';
  const code = r.noticeCode ?? '';
  const facts: [string, React.ReactNode][] = [
    ['不良行为类型', r.type],
    ['事实经过', r.description],
    ['发生日期', formatDate(r.occurredOn)],
    ['出具（认定）单位', r.issuer],
    ['服务项目 · 企业', `${r.projectName ?? '—'} · ${r.companyName ?? '—'}`],
    ['录入单位', bureau],
    ['录入日期', recordedOn],
  ];
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={backHref} className="text-brand-700 underline">
          返回
        </Link>
        <p className="text-sm text-slate-700">用浏览器的“打印”功能（Ctrl+P）以 A4 纸打印，送达本人签收。</p>
      </div>
      <article aria-labelledby="notice-heading" className="notice mx-auto max-w-[210mm] space-y-4 rounded-lg bg-white p-6 shadow-sm sm:p-10">
        <header className="text-center">
          <p className="text-sm text-slate-700">遂宁市物业信用监管平台</p>
          <h1 id="notice-heading" className="mt-1 text-2xl font-bold">
            物业服务从业人员不良行为记录告知书
          </h1>
          <p className="mt-2">
            告知书编号（查询码）：<strong className="font-mono tracking-wider">{code}</strong>
          </p>
        </header>
        <p>
          <strong>{r.name}</strong>（身份证号码 <span className="font-mono">{r.idNumberMasked}</span>）：
        </p>
        <p className="indent-8">
          根据《遂宁市物业服务从业人员执业管理办法》第十三条、第十四条，{bureau}于 {recordedOn} 将您的以下不良行为信息录入遂宁市物业信用监管平台。依照第十九条，该信息将在平台业主端公开。
        </p>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">记录内容</caption>
          <tbody>
            {facts.map(([k, v]) => (
              <tr key={k} className="border border-slate-400">
                <th scope="row" className="w-40 border border-slate-400 bg-slate-50 p-2 align-top font-medium">
                  {k}
                </th>
                <td className="border border-slate-400 p-2">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section aria-labelledby="object-heading">
          <h2 id="object-heading" className="font-semibold">
            如对本记录有异议
          </h2>
          <div className="mt-1 flex gap-4">
            <ol className="flex-1 list-decimal space-y-1 pl-6">
              {objectionRoutes({ bureau, noticeCode: code }, ownRecordObjectionUrl(siteUrl, code)).map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ol>
            <figure className="w-28 shrink-0 text-center text-xs">
              <div aria-hidden="true" dangerouslySetInnerHTML={{ __html: qrSvg }} />
              <figcaption>扫码提出异议</figcaption>
            </figure>
          </div>
          <p className="mt-2">
            查询码：<span className="font-mono font-semibold tracking-wider">{code}</span>（提出异议、查询本告知书时使用，请妥善保存；真伪核验：{siteUrl}/verify/{code}）
          </p>
          <p className="mt-2">
            本人也可凭本告知书编号在 {recordStatementUrl(siteUrl, code)} 对本记录发表不超过 {STATEMENT_MAX_CHARS}{' '}
            字的简短声明，声明将与记录一并公开。
          </p>
        </section>
        <footer className="grid gap-6 pt-6 sm:grid-cols-2 print:grid-cols-2">
          <p>
            {bureau}
            <br />
            {recordedOn}
          </p>
          <p>
            本人签收：＿＿＿＿＿＿　日期：＿＿＿＿＿＿
            <br />
            送达单位：{r.companyName ?? '＿＿＿＿＿＿'}
          </p>
        </footer>
      </article>
    </>
  );
}
