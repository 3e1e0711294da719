import QRCode from 'qrcode';
import { env } from '@/lib/env';

export interface BadgeCardData {
  code: string;
  name: string;
  /** 执业登记号 (decision 032). */
  registryNo?: string | null;
  post: string;
  projectName: string;
  companyName: string;
  hasPhoto: boolean;
}

/** The address a badge's QR code leads to. */
export const badgeUrl = (code: string) => `${env().siteUrl}/verify/${code}`;

/** 85.6 × 54 mm (ID-1, the size of a bank card): ten to an A4 sheet (components/badges/badge-sheet.tsx). */
export async function BadgeCard({ badge }: { badge: BadgeCardData }) {
  const url = badgeUrl(badge.code);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return (
    <article aria-label={`${badge.name}的工作牌`} className="badge flex flex-col overflow-hidden rounded-md border border-slate-400 bg-white text-slate-900">
      <p className="bg-brand-800 px-[3mm] py-[1mm] text-[8pt] font-semibold tracking-wide text-white">遂宁市物业服务从业人员工作牌</p>
      <div className="flex min-h-0 flex-1 gap-[2.5mm] px-[3mm] py-[2mm]">
        {badge.hasPhoto ? (
          // eslint-disable-next-line @next/next/no-img-element -- a photo served with its own cache rules
          <img src={`/verify/${badge.code}/photo`} alt={`${badge.name}的照片`} className="h-[28mm] w-[21mm] shrink-0 rounded-sm border border-slate-300 object-cover" />
        ) : (
          <p className="flex h-[28mm] w-[21mm] shrink-0 items-center justify-center rounded-sm border border-dashed border-slate-400 text-center text-[7pt] text-slate-600">无照片</p>
        )}
        <dl className="min-w-0 flex-1 space-y-[0.8mm] text-[7.5pt] leading-tight">
          <dt className="sr-only">姓名</dt>
          <dd className="text-[13pt] font-bold leading-none">{badge.name}</dd>
          <dt className="sr-only">岗位</dt>
          <dd className="font-semibold text-brand-800">{badge.post}</dd>
          <dt className="sr-only">服务小区</dt>
          <dd>{badge.projectName}</dd>
          <dt className="sr-only">物业服务企业</dt>
          <dd>{badge.companyName}</dd>
          {badge.registryNo && (
            <>
              <dt className="sr-only">执业登记号</dt>
              <dd className="text-[7pt] tabular-nums">登记号 {badge.registryNo}</dd>
            </>
          )}
        </dl>
        <div role="img" aria-label={`核验二维码：${url}`} className="h-[19mm] w-[19mm] shrink-0 self-end [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
      </div>
      <p className="flex justify-between border-t border-slate-300 px-[3mm] py-[0.8mm] text-[6.5pt] text-slate-700">
        <span>
          编号 <span className="font-mono">{badge.code}</span>
        </span>
        <span>扫码或登录平台“文书核验”核验</span>
      </p>
    </article>
  );
}

/** Print rules of a badge sheet: A4, the cards at their true size in two columns, nothing else on paper. */
export const BADGE_PRINT_CSS = `
.badge { width: 85.6mm; height: 54mm; break-inside: avoid; page-break-inside: avoid; }
@page { size: A4 portrait; margin: 10mm 14mm; }
@media print {
  body > header, body > footer, .skip-link, .no-print { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .badge-sheet { display: grid !important; grid-template-columns: 85.6mm 85.6mm; gap: 2mm 4mm; }
  .badge { border-color: #64748b !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
