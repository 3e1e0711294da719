import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CheckFilter, FilterBar, ListResults, flagParam, pageParam, parseFilters, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { INBOX_PAGE_SIZE, type InboxRow } from '@/db/queries/inbox';
import { requireActor } from '@/lib/auth/actor';
import { ROLES } from '@/lib/auth/policy';
import { formatDateTime } from '@/lib/format';
import { readInbox, unreadInboxCount } from '@/lib/services/inbox';
import { markInboxReadAction } from './actions';

export const metadata: Metadata = { title: '待办消息', robots: { index: false } };

const filterSchema = z.object({ page: pageParam(100_000), unread: flagParam() });

const KIND_LABELS: Record<string, string> = {
  submission_returned: '退回修改',
  submission_approved: '审核通过',
  submission_rejected: '审核未通过',
  deadline_soon: '即将到期',
  deadline_overdue: '已逾期',
  contract_started: '合同生效',
  consent_request: '请求同意',
  data_request: '信息查询申请',
  data_request_answered: '企业答复',
  data_request_decided: '审批结果',
};

/** Only paths inside the site become links (producers store paths; anything else is shown as text). */
const isLocalPath = (s: string | null): s is string => !!s && s.startsWith('/') && !s.startsWith('//');

function columns(page: number, unread: boolean): Column<InboxRow>[] {
  return [
    {
      label: '事项',
      rowHeader: true,
      cell: (m) => (
        <span className={m.readAt ? 'text-slate-600' : 'font-semibold'}>
          {!m.readAt && <span className="sr-only">未读：</span>}
          {isLocalPath(m.link) ? (
            <Link href={m.link} className="text-brand-700 underline">
              {m.title}
            </Link>
          ) : (
            m.title
          )}
          {m.body && <span className="mt-1 block text-sm font-normal text-slate-600">{m.body}</span>}
        </span>
      ),
    },
    { label: '类别', className: 'whitespace-nowrap', cell: (m) => KIND_LABELS[m.kind] ?? '通知' },
    { label: '期限', className: 'whitespace-nowrap', cell: (m) => m.dueOn ?? '—' },
    { label: '时间', className: 'whitespace-nowrap', cell: (m) => formatDateTime(m.createdAt) },
    {
      label: '操作',
      hideLabel: true,
      cell: (m) =>
        m.readAt ? (
          <span className="text-sm text-slate-500">已读</span>
        ) : (
          <form action={markInboxReadAction}>
            <input type="hidden" name="id" value={m.id} />
            <input type="hidden" name="page" value={page} />
            {unread && <input type="hidden" name="unread" value="1" />}
            <button type="submit" className="min-h-11 rounded border border-slate-300 px-3 text-sm hover:bg-slate-50">
              标为已读<span className="sr-only">：{m.title}</span>
            </button>
          </form>
        ),
    },
  ];
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(ROLES, '/inbox');
  const f = parseFilters(filterSchema, await searchParams);
  const db = getDb();
  const r = await readInbox(db, actor, { page: f.page, unreadOnly: f.unread });
  if (!r.ok) notFound();
  const unread = await unreadInboxCount(db, actor);
  const { rows, total } = r.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">待办消息</h1>
      <p className="rounded bg-white px-3 py-2 text-sm text-slate-700 shadow-sm">
        需要您处理或已为您作出决定的事项：申请被退回、通过或未通过，3 天内到期和已逾期的办理期限，合同生效等。发给本单位的消息，本单位每个账号都能看到，已读状态各自记录。
        在<Link href="/account" className="text-brand-700 underline">账号设置</Link>中填写邮箱后，新消息也会发到邮箱。
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <FilterBar label="筛选消息">
          <CheckFilter name="unread" label="只看未读" checked={f.unread} />
        </FilterBar>
        {unread > 0 && (
          <form action={markInboxReadAction}>
            <input type="hidden" name="all" value="1" />
            <button type="submit" className="min-h-11 rounded border border-slate-300 bg-white px-4 hover:bg-slate-50">
              全部标为已读（{unread} 条未读）
            </button>
          </form>
        )}
      </div>
      <ListResults
        path="/inbox"
        filters={f}
        schema={filterSchema}
        total={total}
        pageSize={INBOX_PAGE_SIZE}
        caption={`待办消息（第 ${f.page} 页，共 ${total} 条）`}
        columns={columns(f.page, f.unread)}
        rows={rows}
        rowKey={(m) => m.id}
        empty={{ filtered: '没有未读消息。', none: '还没有消息。申请有审核结果、办理期限临近或逾期时，会在这里提醒您。' }}
      />
    </div>
  );
}
