import QRCode from 'qrcode';
import { env } from '@/lib/env';

/** The address a printed document's QR code leads to. */
export const verifyUrl = (code: string) => `${env().siteUrl}/verify/${code}`;

/** A printed document's verification QR (server-rendered SVG, like the badge's), with its address for screen readers. */
export async function VerifyQr({ code, className = 'h-[24mm] w-[24mm]' }: { code: string; className?: string }) {
  const url = verifyUrl(code);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return <div role="img" aria-label={`核验二维码：${url}`} className={`shrink-0 [&>svg]:h-full [&>svg]:w-full ${className}`} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** Print rules of a one-page A4 document: nothing but the document on paper. */
export const A4_PRINT_CSS = `
@page { size: A4 portrait; margin: 18mm; }
@media print {
  body > header, body > footer, .skip-link, .no-print { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .a4-doc { box-shadow: none !important; padding: 0 !important; max-width: none !important; border: 0 !important; }
}
`;
