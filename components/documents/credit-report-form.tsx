/** The plain form that issues a credit report (works without JavaScript); the action redirects to the print page. */
export function CreditReportForm({ action, withUscc, error, uscc }: { action: (fd: FormData) => Promise<void>; withUscc: boolean; error: string | null; uscc?: string }) {
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-5 shadow-sm">
      {error && (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      {withUscc && (
        <div>
          <label htmlFor="uscc" className="block font-medium">
            企业统一社会信用代码
          </label>
          <input id="uscc" name="uscc" required defaultValue={uscc} maxLength={18} autoComplete="off" className="mt-1 w-full max-w-md rounded border border-slate-400 px-3 py-2 font-mono" />
        </div>
      )}
      <div>
        <label htmlFor="purpose" className="block font-medium">
          用途（选填）
        </label>
        <input id="purpose" name="purpose" maxLength={60} aria-describedby="purpose-hint" className="mt-1 w-full max-w-md rounded border border-slate-400 px-3 py-2" />
        <p id="purpose-hint" className="mt-1 text-sm text-slate-600">
          例如“参加某小区物业服务项目投标”，印在报告上。
        </p>
      </div>
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
        打印信用报告
      </button>
    </form>
  );
}

/** Fixed words for an issuing failure code carried in the URL (the URL's text is never shown). */
export const CREDIT_REPORT_ERRORS: Record<string, string> = {
  INVALID: '填写的内容有误：统一社会信用代码应为 18 位有效代码，用途不超过 60 个字。',
  NOT_FOUND: '没有找到可以出具信用报告的已备案企业（企业须已备案，且在您的管辖范围内）。',
  LOCKED: '出具过于频繁，请稍后再试。',
  FORBIDDEN: '您没有出具信用报告的权限。',
};
