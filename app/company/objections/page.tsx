import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { pageParam, parseFilters } from '@/components/list-kit/params';
import { ListTable } from '@/components/list-kit/table';
import { ObjectionList } from '@/components/objections/objection-list';
import { CorrectionNotes, ObjectionBadge } from '@/components/records/record-notes';
import { getDb } from '@/db';
import { listObjectionsInScope, OBJECTION_PAGE_SIZE } from '@/db/queries/objections';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { listCompanyConfirmedRecords, listCompanyRecordObjections } from '@/db/queries/record-objections';
import { requireActor } from '@/lib/auth/actor';
import {
  formatPoints,
  normalizeTrackingCode,
  parseRecordObjectionBody,
  parseRecordObjectionDecision,
  RECORD_KIND_LABELS,
  recordObjectionStatusLabel,
} from '@/lib/domain/objections';
import { formatDate, formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '信息异议', robots: { index: false } };

const filterSchema = z.object({
  status: z.enum(['open', 'decided', 'all']).catch('open'),
  page: pageParam(),
});

export default async function ObjectionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/objections');
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const f = parseFilters(filterSchema, sp);
  const filed = normalizeTrackingCode(one(sp.filed) ?? '');
  const db = getDb();
  const [{ rows, total }, records, recordCases] = await Promise.all([
    listObjectionsInScope(db, actor, { ...f, subject: 'practitioner' }),
    listCompanyConfirmedRecords(db, actor.companyId!),
    listCompanyRecordObjections(db, actor.companyId!),
  ]);
  const open = await recordsUnderObjection(db, 'credit_record', records.map((r) => r.id));
  return (
    <div className="space-y-8">
      <section aria-labelledby="staff-objections" className="space-y-5">
        <h1 id="staff-objections" className="text-2xl font-bold">
          从业人员信息异议
        </h1>
        <p className="text-slate-700">从业人员对本人登记信息提出的异议。请核实后更正信息，或说明维持原信息的理由；处理中的人员在公开页面显示“异议处理中”。</p>
        <ObjectionList basePath="/company/objections" rows={rows} total={total} status={f.status} page={f.page} pageSize={OBJECTION_PAGE_SIZE} />
      </section>

      <section id="record-objections" aria-labelledby="record-objections-heading" className="space-y-4">
        <h2 id="record-objections-heading" className="text-xl font-bold">
          对本企业信用记录提出异议
        </h2>
        <p className="text-slate-700">
          对公布的信用信息有异议的，可以向住建部门申请信息核查，并提供相应书面证据（“红黑榜”管理办法第九条）。住建部门核查后更正信息并公开更正内容，或说明维持原记录的理由。异议处理期间，公开页面在该记录旁显示“异议处理中”。
        </p>
        {filed && (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
            异议已提交，查询码 <strong className="font-mono">{filed}</strong>。
            <Link href={`/objections/${filed}`} className="ml-1 underline">
              查看处理进度
            </Link>
          </p>
        )}
        {records.length === 0 ? (
          <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">本企业目前没有已确认的信用记录。</p>
        ) : (
          <ListTable
            caption="本企业已确认的信用记录"
            rows={records}
            rowKey={(r) => r.id}
            columns={[
              {
                label: '记录',
                rowHeader: true,
                className: 'font-normal',
                cell: (r) => (
                  <>
                    <span className="font-medium">{r.type}</span>
                    <ObjectionBadge open={open.has(r.id)} />
                    <span className="block text-xs text-slate-600">{RECORD_KIND_LABELS[r.category] ?? r.category}</span>
                    <CorrectionNotes corrections={r.corrections} />
                  </>
                ),
              },
              { label: '发生日期', cell: (r) => formatDate(r.occurredOn) },
              { label: '严重程度 / 分值', cell: (r) => `${r.severity ?? '—'} / ${r.points === null ? '—' : formatPoints(r.points)}` },
              { label: '公示截止', cell: (r) => (r.publicUntil ? formatDate(r.publicUntil) : '—') },
              {
                label: '异议',
                cell: (r) =>
                  open.has(r.id) ? (
                    '处理中'
                  ) : (
                    <Link href={`/company/objections/new?record=${r.id}`} className="text-brand-800 underline">
                      提出异议<span className="sr-only">：{r.type}（{formatDate(r.occurredOn)}）</span>
                    </Link>
                  ),
              },
            ]}
          />
        )}
        <h3 className="text-lg font-semibold">本企业信用记录的异议</h3>
        {recordCases.length === 0 ? (
          <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">本企业的信用记录没有异议。</p>
        ) : (
          <ListTable
            caption="本企业信用记录的异议"
            rows={recordCases}
            rowKey={(c) => c.id}
            columns={[
              {
                label: '查询码',
                rowHeader: true,
                className: 'font-mono font-normal',
                // Only the company's own objections link to the tracking page; a member of the public's code stays theirs.
                cell: (c) =>
                  parseRecordObjectionBody(c.body).filer === 'company' ? (
                    <Link href={`/objections/${c.trackingCode}`} className="text-brand-800 underline">
                      {c.trackingCode}
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                label: '记录',
                cell: (c) => (
                  <>
                    {c.recordType}
                    <span className="block text-xs text-slate-600">{formatDate(c.recordOccurredOn)}</span>
                  </>
                ),
              },
              { label: '提出方', cell: (c) => (parseRecordObjectionBody(c.body).filer === 'company' ? '本企业' : '其他单位或个人') },
              { label: '提出时间', cell: (c) => formatDateTime(c.filedAt) },
              { label: '状态', cell: (c) => recordObjectionStatusLabel(c.status, parseRecordObjectionDecision(c.decision)?.outcome ?? null) },
            ]}
          />
        )}
      </section>
    </div>
  );
}
