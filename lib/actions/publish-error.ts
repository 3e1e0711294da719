import type { ErrorCode } from './result';

/**
 * "发布" of a penalty redirects back with `?publishError=<code>`: the page shows the fixed message of a known code
 * and never the text of the URL (issue 13, finding 12: a link could otherwise put any words on a bureau page).
 */
export const PUBLISH_ERROR_MESSAGES = {
  'not-pending': '该记录不是待公布的行政处罚信息，或已经公布。',
  stale: '该记录已更新，请刷新后再试。',
  'not-found': '未找到该记录。',
  forbidden: '无权发布该记录。',
  invalid: '发布请求有误，请刷新后再试。',
  failed: '发布未完成，请刷新后再试。',
} as const;

export type PublishErrorCode = keyof typeof PUBLISH_ERROR_MESSAGES;

/** The code to put in the URL for a failed publication. */
export function publishErrorCode(r: { code: ErrorCode; message: string }): PublishErrorCode {
  switch (r.code) {
    case 'NOT_FOUND':
      return 'not-found';
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return 'forbidden';
    case 'INVALID':
      return 'invalid';
    case 'CONFLICT':
      return r.message.includes('已更新') ? 'stale' : 'not-pending';
    default:
      return 'failed';
  }
}

/** The message for `?publishError=`: null when absent, a fixed text otherwise (an unknown value → the generic one). */
export function publishErrorMessage(raw: string | string[] | null | undefined): string | null {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v === null || v === '') return null;
  return Object.hasOwn(PUBLISH_ERROR_MESSAGES, v) ? PUBLISH_ERROR_MESSAGES[v as PublishErrorCode] : PUBLISH_ERROR_MESSAGES.failed;
}
