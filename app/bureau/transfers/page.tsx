import type { Metadata } from 'next';
import { getDb } from '@/db';
import { countMoves, listMoves } from '@/db/queries/practitioner-moves';
import { z } from 'zod';
import { EmptyState } from '@/components/list-kit/empty';
import { Pager } from '@/components/list-kit/pager';
import { listHref, pageCount, pageParam, parseFilters } from '@/components/list-kit/params';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { mayOverride, type Consent } from '@/lib/domain/practitioner-moves';
import { formatDateTime } from '@/lib/format';
import { OverrideForm } from './override-form';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { ExportLink } from '@/components/list-kit/export-link';

export const metadata: Metadata = { title: '调出协调', robots: { index: false } };

/**
 * SN 16: transfers waiting for the old company's consent, for the district of the person's current estate. Where
 * the old company refused, or has not answered within 3 working days, the district may release the person.
 */
/** Transfers a district steps into, a page at a time (the oldest request decides nothing: newest first, as filed). */
const PAGE_SIZE = 20;
const filterSchema = z.object({ page: pageParam() });
const PATH = '/bureau/transfers';

export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], PATH);
  await ensureHolidayCalendar(getDb());
  const sp = await searchParams;
  const { page } = parseFilters(filterSchema, sp);
  const opts = { awaitingConsentOnly: true } as const;
  const [moves, total] = await Promise.all([listMoves(getDb(), actor, { ...opts, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), countMoves(getDb(), actor, opts)]);
  const pages = pageCount(total, PAGE_SIZE);
  const on = today();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">调出协调（跨企业流动）</h1>
      {sp.released && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已直接调出。新企业补充信息后，将进入从业人员审核。
        </p>
      )}
      <p className="text-sm text-slate-600">
        人员更换物业企业，须原企业在平台上同意调出；原企业无正当理由拒不同意，或 3 个工作日内未答复的，经核实后可在此直接调出（SN 16）。
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite">共 {total} 条等待原企业答复的调出申请。</p>
        {total > 0 && <ExportLink path={PATH} filters={{}} />}
      </div>
      {moves.length === 0 && (
        <EmptyState
          text={{ filtered: '', none: '目前没有等待原企业答复的调出申请。' }}
          filtered={false}
          pastEnd={total > 0}
          clearHref={PATH}
          firstHref={listHref(PATH, {}, 1)}
        />
      )}
      {moves.map((m) => {
        const p = m.payload as { consent: Consent; requestedOn: string; consentDueOn: string; consentReason?: string; fromCompanyName?: string; post?: string; hiredOn?: string };
        const open = mayOverride(p.consent, p.requestedOn, on);
        return (
          <article key={m.id} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
            <h2 className="font-medium">
              {m.name}（{m.idNumberMasked}）：{p.fromCompanyName} → {m.companyName}
            </h2>
            <p className="text-sm text-slate-600">
              新岗位 {p.post} · 入职 {p.hiredOn} · 申请时间 {formatDateTime(m.createdAt)}
            </p>
            <p className={p.consent === 'refused' ? 'text-red-800' : 'text-slate-800'}>
              {p.consent === 'refused' ? `原企业不同意调出，理由：${p.consentReason ?? ''}` : `原企业尚未答复（答复期至 ${p.consentDueOn}）`}
              {p.consent !== 'refused' && <ProvisionalNote date={p.consentDueOn} />}
            </p>
            {open ? <OverrideForm submissionId={m.id} version={m.version} name={m.name ?? ''} /> : <p className="text-sm text-slate-600">答复期内，暂不能直接调出。</p>}
          </article>
        );
      })}
      {pages > 1 && <Pager page={page} pages={pages} total={total} unit="条" href={(n) => listHref(PATH, {}, n)} />}
    </div>
  );
}
