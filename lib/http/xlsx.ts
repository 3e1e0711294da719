/** Responses of the roster spreadsheet handlers. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxResponse(filename: string, content: Buffer): Response {
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': XLSX_MIME,
      'content-length': String(content.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}

export const notFoundResponse = () =>
  new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
