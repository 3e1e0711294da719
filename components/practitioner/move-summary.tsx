import { getDb } from '@/db';
import { companyNames, projectNames } from '@/db/queries/practitioner-moves';
import { moveStageLabel } from '@/lib/domain/practitioner-moves';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';

type Payload = Record<string, unknown>;
const str = (v: unknown) => (v == null || v === '' ? null : String(v));

/**
 * What a post change, transfer, exit or re-entry asks for, from → to, with its deadline and (for a transfer)
 * the old company's answer. Shown to the filing company, the old company and the reviewing bureau.
 */
export async function MoveSummary({ move, showUpdate = false }: { move: { type: string; status: string; payload: Payload; reason?: string | null }; showUpdate?: boolean }) {
  const p = move.payload;
  const db = getDb();
  const projectIds = [p.fromProjectId, p.toProjectId, p.projectId].map(str).filter((x): x is string => !!x);
  const companyIds = [p.fromCompanyId].map(str).filter((x): x is string => !!x);
  const [projects, companies] = await Promise.all([projectNames(db, projectIds), companyNames(db, companyIds)]);
  const project = (id: unknown) => (str(id) ? (projects.get(String(id)) ?? '（项目已变更）') : '—');
  const rows: [string, React.ReactNode][] = [
    ['事项', SUBMISSION_TYPE_LABELS[move.type] ?? move.type],
    ['办理进度', moveStageLabel(move.status, p as { stage?: string; consent?: string })],
  ];
  if (move.type === 'post_change') {
    rows.push(['调整前', `${project(p.fromProjectId)} · ${str(p.fromPost) ?? ''}`], ['调整后', `${project(p.toProjectId)} · ${str(p.post) ?? ''}`], ['调整日期', str(p.changedOn)]);
  }
  if (move.type === 'transfer') {
    rows.push(
      ['原企业', `${str(p.fromCompanyName) ?? companies.get(String(p.fromCompanyId)) ?? ''}（${project(p.fromProjectId)} · ${str(p.fromPost) ?? ''}）`],
      ['新岗位', `${project(p.toProjectId)} · ${str(p.post) ?? ''}`],
      ['入职时间', str(p.hiredOn)],
      ['劳动合同签订日期', str(p.labourContractOn)],
      [
        '原企业答复',
        p.consent === 'given'
          ? `同意调出${str(p.consentReason) ? `（${p.consentReason}）` : ''}`
          : p.consent === 'refused'
            ? `不同意：${str(p.consentReason) ?? ''}`
            : `尚未答复（答复期至 ${str(p.consentDueOn) ?? ''}）`,
      ],
    );
    if (p.releasedBy === 'district') rows.push(['区县核实后直接调出', `${str(p.releasedOn) ?? ''}：${str(p.overrideReason) ?? ''}`]);
  }
  if (move.type === 'exit') rows.push(['离职日期', str(p.leftOn)], ['退出原因', str(p.reason)], ['原岗位', `${project(p.projectId)} · ${str(p.post) ?? ''}`]);
  if (move.type === 're_entry') rows.push(['新岗位', `${project(p.toProjectId)} · ${str(p.post) ?? ''}`], ['入职时间', str(p.hiredOn)], ['劳动合同签订日期', str(p.labourContractOn)]);
  if (p.deadline) {
    const overdue = Number(p.daysOverdue ?? p.workingDaysOverdue ?? 0);
    const unit = p.workingDaysOverdue != null ? '个工作日' : '日';
    rows.push(['申报期限', `${String(p.deadline)}${p.late ? `（逾期 ${overdue} ${unit}）` : '（按期）'}`]);
  }
  if (move.reason) rows.push(['审核意见', move.reason]);
  // The reviewer sees the data the receiving company brought up to date (applied only on approval).
  const u = showUpdate ? (p.update as Record<string, unknown> | undefined) : undefined;
  if (u) {
    const certs = Array.isArray(u.certificates) ? (u.certificates as Record<string, unknown>[]) : [];
    rows.push(
      ['更新后政治面貌', str(u.politicalStatus)],
      ['更新后手机号码', str(u.mobile)],
      ['更新后毕业院校/专业', [str(u.school), str(u.major)].filter(Boolean).join(' · ') || '—'],
      ['更新后学历', str(u.education)],
      ['更新后专业技能', str(u.skills)],
      ['更新后资格证书', certs.length ? certs.map((c) => `${c.name}（${c.number}，${c.issuer}${c.validUntil ? `，有效期至 ${c.validUntil}` : ''}）`).join('；') : '无'],
    );
  }
  return (
    <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[10rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{k}</dt>
          <dd className={k === '申报期限' && p.late ? 'font-medium text-red-800' : undefined}>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
