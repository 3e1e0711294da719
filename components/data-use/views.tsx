import Link from 'next/link';
import { UnpagedList, ListResults, type Column } from '@/components/list-kit/signed-in';
import type { DataRequestListRow, DataRequestRow } from '@/db/queries/data-use';
import type { GrantedPerson } from '@/db/queries/data-use';
import { FIELD_GROUP_LABELS, isGrantOpen, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '@/lib/domain/data-use';
import { formatDate, formatDateTime } from '@/lib/format';

/** The status as the requester reads it, with the grant's end when approved. */
export function statusText(r: { status: DataRequestListRow['status']; expiresOn: string | null }, today: string): string {
  if (r.status === 'approved' && r.expiresOn) return isGrantOpen(r, today) ? `已批准，可查看至 ${formatDate(r.expiresOn)}` : `授权已于 ${formatDate(r.expiresOn)} 到期`;
  return REQUEST_STATUS_LABELS[r.status] ?? r.status;
}

const listColumns = (basePath: string, today: string, who: 'requester' | 'company' | 'bureau'): Column<DataRequestListRow>[] => [
  {
    label: '申请',
    rowHeader: true,
    cell: (r) => (
      <Link href={`${basePath}/${r.id}`} className="text-brand-800 underline">
        {who === 'requester' ? r.purpose.slice(0, 30) : r.requesterName}
      </Link>
    ),
  },
  { label: '类别', cell: (r) => REQUEST_KIND_LABELS[r.kind] },
  { label: '所涉企业', cell: (r) => r.companyName ?? '—' },
  { label: '提交时间', cell: (r) => formatDateTime(r.createdAt) },
  { label: '状态', cell: (r) => statusText(r, today) },
];

export function RequestList({ rows, basePath, today, who, caption, empty }: { rows: DataRequestListRow[]; basePath: string; today: string; who: 'requester' | 'company'; caption: string; empty: string }) {
  return <UnpagedList caption={caption} columns={listColumns(basePath, today, who)} rows={rows} rowKey={(r) => r.id} empty={{ none: empty }} />;
}

export function BureauRequestList({
  rows,
  total,
  filters,
  pageSize,
  today,
}: {
  rows: DataRequestListRow[];
  total: number;
  filters: { status: string; kind: string; page: number };
  pageSize: number;
  today: string;
}) {
  return (
    <ListResults
      path="/bureau/data-requests"
      filters={filters}
      defaults={{ status: 'open', kind: 'all' }}
      total={total}
      pageSize={pageSize}
      unit="件"
      caption="信息查询申请列表"
      columns={listColumns('/bureau/data-requests', today, 'bureau')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={{ filtered: '没有符合条件的申请。', none: '目前没有待审批的信息查询申请。', next: { href: '/bureau/data-requests?status=all', label: '查看全部' } }}
    />
  );
}

/** Everything about one request: who asked, about whom, why, consent, decision. */
export function RequestDetail({ r, today, letterHref }: { r: DataRequestRow; today: string; letterHref?: string | null }) {
  return (
    <section aria-labelledby="request-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="request-heading" className="text-lg font-semibold">
        {REQUEST_KIND_LABELS[r.kind]}
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">状态</dt>
        <dd>{statusText(r, today)}</dd>
        <dt className="text-slate-600">申请单位</dt>
        <dd>{r.requesterName}</dd>
        {r.projectName && (
          <>
            <dt className="text-slate-600">所在小区</dt>
            <dd>{r.projectName}</dd>
          </>
        )}
        <dt className="text-slate-600">所涉企业</dt>
        <dd>{r.companyName ?? '—'}</dd>
        <dt className="text-slate-600">查询人员</dt>
        <dd>{r.subjects === 'listed' ? `指定人员：${r.requestedNames.join('、') || '—'}` : '该企业全部在职从业人员'}</dd>
        <dt className="text-slate-600">使用事项</dt>
        <dd>{r.useMatter}</dd>
        <dt className="text-slate-600">用途</dt>
        <dd className="whitespace-pre-wrap">{r.purpose}</dd>
        <dt className="text-slate-600">使用范围</dt>
        <dd className="whitespace-pre-wrap">{r.scopeText}</dd>
        {r.kind === 'department' && (
          <>
            <dt className="text-slate-600">公函</dt>
            <dd>
              {r.letterRef}
              {letterHref && (
                <>
                  {' '}
                  <a href={letterHref} className="text-brand-800 underline">
                    查看公函
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt className="text-slate-600">信息保护承诺</dt>
        <dd>{r.protectionPromised ? '已承诺' : '未承诺'}</dd>
        <dt className="text-slate-600">提交时间</dt>
        <dd>{formatDateTime(r.createdAt)}</dd>
        {r.kind === 'committee' && (
          <>
            <dt className="text-slate-600">企业意见</dt>
            <dd>{r.consentAt ? (r.consentRefusal ? `不同意（${formatDateTime(r.consentAt)}）：${r.consentRefusal}` : `已同意（${formatDateTime(r.consentAt)}）`) : '尚未答复'}</dd>
          </>
        )}
        <dt className="text-slate-600">审批部门</dt>
        <dd>{r.decidedByName ?? `${r.districtName ?? ''}住房和城乡建设局`}</dd>
        {r.status === 'refused' && (
          <>
            <dt className="text-slate-600">不予批准的理由</dt>
            <dd className="whitespace-pre-wrap">{r.refusalReason}</dd>
          </>
        )}
        {r.status === 'approved' && (
          <>
            <dt className="text-slate-600">批准时间</dt>
            <dd>{formatDateTime(r.decidedAt)}</dd>
            <dt className="text-slate-600">可查看的信息</dt>
            <dd>姓名、性别、年龄、隐去中间位数的身份证号码；{r.grantedFields.map((g) => FIELD_GROUP_LABELS[g]).join('；')}</dd>
            <dt className="text-slate-600">授权截止</dt>
            <dd>{r.expiresOn ? `${formatDate(r.expiresOn)}（含当日）` : '—'}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The people of an open grant, by name only; each link opens one person (and is audited). */
export function GrantPeople({ r, people, basePath, today }: { r: DataRequestRow; people: { id: string; name: string }[]; basePath: string; today: string }) {
  if (r.status !== 'approved') return null;
  if (!isGrantOpen(r, today)) {
    return (
      <p role="status" className="rounded-lg bg-amber-50 p-5 text-amber-900">
        授权已于 {formatDate(r.expiresOn)} 到期，不能再查看。
      </p>
    );
  }
  return (
    <section aria-labelledby="grant-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="grant-heading" className="text-lg font-semibold">
        授权查看的人员（{people.length} 人）
      </h2>
      <p className="text-sm text-slate-700">请逐人查看。每次查看都记入审计日志，本人可以查询谁在何时因何查看了其信息；不提供导出或批量打印。</p>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {people.map((p) => (
          <li key={p.id}>
            <Link prefetch={false} href={`${basePath}/${r.id}/people/${p.id}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Table<R>({ caption, head, rows, cells }: { caption: string; head: string[]; rows: R[]; cells: (r: R) => React.ReactNode[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{caption}：无。</p>;
  return (
    <div>
      <h3 className="mt-4 font-semibold">{caption}</h3>
      <ul className="mt-1 space-y-2">
        {rows.map((r, i) => (
          <li key={i} className="rounded border border-slate-200 p-2 text-sm">
            {cells(r).map((c, j) => (
              <span key={j} className="mr-3 inline-block">
                <span className="text-slate-600">{head[j]}：</span>
                {c}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One granted person: the always-shown identity and only the granted groups. */
export function GrantedPersonView({ p, r }: { p: GrantedPerson; r: DataRequestRow }) {
  return (
    <section aria-labelledby="person-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="person-heading" className="text-lg font-semibold">
        {p.name}
      </h2>
      <p className="text-sm text-slate-600">
        依据 {r.decidedByName} 的批准查看，授权至 {formatDate(r.expiresOn)}。本次查看已记入审计日志。
      </p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">性别</dt>
        <dd>{p.gender}</dd>
        <dt className="text-slate-600">年龄</dt>
        <dd>{p.age} 岁</dd>
        <dt className="text-slate-600">身份证号码</dt>
        <dd>{p.idNumberMasked}</dd>
      </dl>
      {p.posts && <Table caption="现任岗位" head={['企业', '项目', '岗位', '起始']} rows={p.posts} cells={(j) => [j.companyName, j.projectName ?? '—', j.post, formatDate(j.since)]} />}
      {p.employment && (
        <Table caption="从业经历" head={['企业', '项目', '岗位', '起止']} rows={p.employment} cells={(j) => [j.companyName, j.projectName ?? '—', j.post, `${formatDate(j.startDate)} 至 ${j.endDate ? formatDate(j.endDate) : '今'}`]} />
      )}
      {p.certificates && <Table caption="资格证书" head={['证书', '编号', '发证机关', '有效期至']} rows={p.certificates} cells={(c) => [c.name, c.number, c.issuer, c.validUntil ? formatDate(c.validUntil) : '长期']} />}
      {p.education && (
        <Table caption="学历和专业技能" head={['学历', '毕业院校', '专业', '专业技能']} rows={[p.education]} cells={(e) => [e.education, e.school ?? '—', e.major ?? '—', e.skills ?? '—']} />
      )}
      {p.records && (
        <Table caption="优良信息和不良信息" head={['类别', '类型', '日期', '认定单位', '内容']} rows={p.records} cells={(x) => [x.kind === 'good' ? '优良' : '不良', x.type, formatDate(x.occurredOn), x.issuer, x.description]} />
      )}
    </section>
  );
}
