import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CompanyTodo } from '@/db/queries/company-todo';
import { CERTIFICATE_WARNING_DAYS } from '@/db/queries/company-todo';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { companySubmissionHref, type contractTodos } from '@/lib/domain/work-queue';
import { formatDateTime } from '@/lib/format';

type ContractTodos = ReturnType<typeof contractTodos>;

function Item({ tone, title, href, linkText, children }: { tone: 'red' | 'amber' | 'slate'; title: string; href?: string; linkText?: string; children?: ReactNode }) {
  const border = tone === 'red' ? 'border-red-700' : tone === 'amber' ? 'border-amber-600' : 'border-slate-400';
  return (
    <li className={`border-l-4 ${border} bg-slate-50 px-3 py-2`}>
      <p className="font-medium">
        {title}
        {href && (
          <>
            {' '}
            <Link href={href} className="font-normal text-brand-800 underline">
              {linkText ?? '去处理'}
            </Link>
          </>
        )}
      </p>
      {children}
    </li>
  );
}

const more = (shown: number, total: number) => (total > shown ? <li className="text-slate-600">另有 {total - shown} 项</li> : null);

/**
 * The company home's to-do list (issue 18, item 4): what waits for the company, most pressing first — late or
 * due complaints, transfers of its people to answer, returned submissions, entries without a photo, expiring
 * certificates (R4), non-renewal notices (ZJ 7) and stale disclosure boards.
 */
export function CompanyTodoList({ todo, contracts, today }: { todo: CompanyTodo; contracts: ContractTodos; today: string }) {
  const items: ReactNode[] = [];
  const c = todo.complaints;
  if (c.open > 0) {
    items.push(
      <Item
        key="complaints"
        tone={c.overdue > 0 ? 'red' : c.dueSoon > 0 ? 'amber' : 'slate'}
        title={`待答复的业主投诉和表扬 ${c.open} 件${c.overdue > 0 ? `，其中已逾期 ${c.overdue} 件` : ''}${c.dueSoon > 0 ? `，3 日内到期 ${c.dueSoon} 件` : ''}`}
        href="/company/complaints"
      />,
    );
  }
  if (todo.transfersToAnswer > 0) items.push(<Item key="transfers" tone="amber" title={`待答复的人员调出申请 ${todo.transfersToAnswer} 件`} href="/company/moves" />);
  const missingNotices = contracts.notices.filter((n) => n.missing);
  if (contracts.notices.length > 0) {
    items.push(
      <Item key="notices" tone={missingNotices.length > 0 ? 'red' : 'amber'} title={`不续约告知：${missingNotices.length > 0 ? `已过告知期限 ${missingNotices.length} 份合同` : ''}${missingNotices.length > 0 && contracts.notices.length > missingNotices.length ? '，' : ''}${contracts.notices.length > missingNotices.length ? `${contracts.notices.length - missingNotices.length} 份将在 30 日内到告知期限` : ''}`}>
        <ul className="mt-1 space-y-1 text-sm">
          {contracts.notices.slice(0, 5).map((n) => (
            <li key={n.contractId}>
              <Link href={`/company/projects/contracts/${n.contractId}`} className="text-brand-800 underline">
                {n.projectName}
              </Link>
              ：最迟 {n.deadline} 告知{n.missing ? '（已过期限）' : ''}
            </li>
          ))}
          {more(Math.min(5, contracts.notices.length), contracts.notices.length)}
        </ul>
      </Item>,
    );
  }
  if (todo.returnedTotal > 0) {
    items.push(
      <Item key="returned" tone="amber" title={`退回补正的申请 ${todo.returnedTotal} 件`}>
        <ul className="mt-1 space-y-1 text-sm">
          {todo.returned.map((s) => {
            const href = companySubmissionHref(s);
            const label = `${SUBMISSION_TYPE_LABELS[s.type] ?? s.type}${s.projectName ? `（${s.projectName}）` : ''}`;
            return (
              <li key={s.id}>
                {href ? (
                  <Link href={href} className="text-brand-800 underline">
                    {label}
                  </Link>
                ) : (
                  label
                )}
                {s.decidedAt && <span className="text-slate-600">，{formatDateTime(s.decidedAt)} 退回</span>}
              </li>
            );
          })}
          {more(todo.returned.length, todo.returnedTotal)}
        </ul>
      </Item>,
    );
  }
  if (todo.missingPhotoTotal > 0) {
    items.push(
      <Item key="photos" tone="amber" title={`缺少证件照、暂不能审核的人员录入 ${todo.missingPhotoTotal} 人`}>
        <ul className="mt-1 space-y-1 text-sm">
          {todo.missingPhoto.map((p) => (
            <li key={p.practitionerId}>
              <Link href={`/company/staff/${p.practitionerId}`} className="text-brand-800 underline">
                {p.name}
              </Link>
              {p.projectName && `（${p.projectName}）`}：上传证件照
            </li>
          ))}
          {more(todo.missingPhoto.length, todo.missingPhotoTotal)}
        </ul>
      </Item>,
    );
  }
  if (todo.certificatesTotal > 0) {
    const expired = todo.certificates.some((x) => x.validUntil < today);
    items.push(
      <Item key="certs" tone={expired ? 'red' : 'amber'} title={`在岗人员的资格证书已过期或 ${CERTIFICATE_WARNING_DAYS} 日内到期 ${todo.certificatesTotal} 本`}>
        <ul className="mt-1 space-y-1 text-sm">
          {todo.certificates.map((x) => (
            <li key={`${x.practitionerId}-${x.certificate}-${x.validUntil}`}>
              <Link href={`/company/staff/${x.practitionerId}`} className="text-brand-800 underline">
                {x.name}
              </Link>
              ：{x.certificate}，{x.validUntil < today ? `已于 ${x.validUntil} 过期` : `有效期至 ${x.validUntil}`}
            </li>
          ))}
          {more(todo.certificates.length, todo.certificatesTotal)}
        </ul>
      </Item>,
    );
  }
  if (contracts.staleBoards.length > 0) {
    items.push(
      <Item key="boards" tone="amber" title={`超过 12 个月未更新公示栏的小区 ${contracts.staleBoards.length} 个`}>
        <ul className="mt-1 space-y-1 text-sm">
          {contracts.staleBoards.slice(0, 5).map((b) => (
            <li key={b.projectId}>
              <Link href={`/company/projects/${b.projectId}/board`} className="text-brand-800 underline">
                {b.projectName}
              </Link>
              ：{b.updatedOn ? `上次更新 ${b.updatedOn}` : '从未公示'}
            </li>
          ))}
          {more(Math.min(5, contracts.staleBoards.length), contracts.staleBoards.length)}
        </ul>
      </Item>,
    );
  }
  if (todo.objectionsOpen > 0) items.push(<Item key="objections" tone="slate" title={`待处理的信息异议 ${todo.objectionsOpen} 件`} href="/company/objections" />);
  return (
    <section aria-labelledby="todo-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="todo-heading" className="mb-3 text-lg font-semibold">
        待办事项{items.length > 0 ? `（${items.length} 类）` : ''}
      </h2>
      {items.length === 0 ? <p>目前没有待办事项。</p> : <ul className="space-y-2">{items}</ul>}
    </section>
  );
}
