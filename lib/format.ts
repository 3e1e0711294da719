/** Display helpers for zh-CN. Dates are shown in China time whatever the server's time zone. */
const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const numberFmt = new Intl.NumberFormat('zh-CN');

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return '—';
  if (typeof d === 'string') return d.slice(0, 10);
  return dateFmt.format(d).replace(/\//g, '-');
}

export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return '—';
  return dateTimeFmt.format(d).replace(/\//g, '-');
}

export function formatNumber(n: number): string {
  return numberFmt.format(n);
}
