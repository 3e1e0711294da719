import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BADGE_PRINT_CSS, BadgeCard } from '@/components/badges/badge-card';
import { getDb } from '@/db';
import { requireActor } from '@/lib/auth/actor';
import { loadBadgeSheet } from '@/lib/services/badges';
import { issueEstateBadgesAction, reissueBadgeAction } from '../actions';

export const metadata: Metadata = { title: '打印工作牌', robots: { index: false } };

const ERRORS: Record<string, string> = {
  CONFLICT: '人员的在岗信息刚刚发生变化，请刷新后重试。',
  FORBIDDEN: '您的账号不能制作工作牌。',
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/**
 * One estate's badge sheet (or one person's badge with `?p=`), printed on A4 at card size. Badges are made by a
 * button here, never by opening the page; `?p=…&confirm=1` asks before a reissue voids the old badge.
 */
export default async function BadgeSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const q = await searchParams;
  const actor = await requireActor(['company'], `/company/badges/${projectId}`);
  const p = one(q.p);
  const sheet = await loadBadgeSheet(getDb(), actor, { projectId, practitionerId: p });
  if (!sheet.ok) notFound();
  const { projectName, companyName, holders } = sheet.data;
  const badged = holders.filter((h) => h.code);
  const missing = holders.filter((h) => !h.code);
  const confirming = p && q.confirm === '1' ? holders[0] : undefined;
  const issued = /^\d{1,5}$/.test(one(q.issued) ?? '') ? Number(q.issued) : null;
  const error = ERRORS[one(q.error) ?? ''];
  const self = `/company/badges/${projectId}`;

  return (
    <div className="space-y-4">
      <style>{BADGE_PRINT_CSS}</style>
      <div className="no-print max-w-3xl space-y-4">
        <p>
          <Link href={p ? self : '/company/badges'} className="text-brand-800 underline">
            {p ? `返回${projectName}的全部工作牌` : '返回工作牌'}
          </Link>
        </p>
        <h1 className="text-xl font-bold">
          {projectName} 工作牌{p && holders[0] ? `：${holders[0].name}` : ''}
        </h1>
        {error && (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {error}
          </p>
        )}
        {issued !== null && (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
            已为 {issued} 人制作工作牌。
          </p>
        )}
        {q.reissued === '1' && (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
            已补发工作牌，原工作牌已立即失效，请收回旧牌。
          </p>
        )}
        {confirming ? (
          <section aria-labelledby="confirm-heading" className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
            <h2 id="confirm-heading" className="font-semibold">
              确认为{confirming.name}补发工作牌？
            </h2>
            <p>
              {confirming.code ? `补发后，原工作牌（编号 ${confirming.code}）扫码将显示“已失效”，不能恢复。` : '将为此人制作工作牌。'}
            </p>
            <div className="flex flex-wrap gap-3">
              <form action={reissueBadgeAction}>
                <input type="hidden" name="practitionerId" value={confirming.practitionerId} />
                <button type="submit" className="min-h-11 rounded bg-brand-800 px-4 font-medium text-white">
                  {confirming.code ? '确认补发' : '制作工作牌'}
                </button>
              </form>
              <Link href={`${self}?p=${confirming.practitionerId}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                取消
              </Link>
            </div>
          </section>
        ) : (
          <p className="text-slate-700">
            {companyName} · 在岗已审核人员 {holders.length} 人。用浏览器的“打印”功能（Ctrl+P 或菜单中的打印）以 A4 纸打印：每张 10 枚，按实际大小（85.6 × 54 毫米）打印，沿边框裁下。
          </p>
        )}
        {missing.length > 0 && !p && (
          <form action={issueEstateBadgesAction} className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 shadow-sm">
            <input type="hidden" name="projectId" value={projectId} />
            <p>
              {missing.length} 人尚无工作牌：{missing.slice(0, 10).map((h) => h.name).join('、')}
              {missing.length > 10 ? ' 等' : ''}
            </p>
            <button type="submit" className="min-h-11 rounded bg-brand-800 px-4 font-medium text-white">
              为 {missing.length} 人制作工作牌
            </button>
          </form>
        )}
        {p && missing.length > 0 && !confirming && (
          <p>
            <Link href={`${self}?p=${p}&confirm=1`} className="text-brand-800 underline">
              为{missing[0]!.name}制作工作牌
            </Link>
          </p>
        )}
      </div>
      <ul aria-label="工作牌" className="badge-sheet flex flex-wrap gap-4">
        {badged.map((h) => (
          <li key={h.employmentId} className="space-y-1">
            <BadgeCard badge={{ code: h.code!, name: h.name, registryNo: h.registryNo, post: h.post, projectName, companyName, hasPhoto: h.hasPhoto }} />
            <p className="no-print flex gap-4 text-sm">
              {!p && (
                <Link href={`${self}?p=${h.practitionerId}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                  单独打印<span className="sr-only">{h.name}的工作牌</span>
                </Link>
              )}
              <Link href={`${self}?p=${h.practitionerId}&confirm=1`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                补发<span className="sr-only">{h.name}的工作牌</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
