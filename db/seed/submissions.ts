/** Submissions waiting in the queues: staff entries, company filings (one rejected), and credit records
 * reported by streets or companies. */
import { addWorkingDays } from '../../lib/domain/working-days';
import { addDays, at } from './random';
import { minDate, type CompanyInfo, type DemoUsername, type ProjectInfo, type SeedContext } from './context';
import type { Companies } from './companies';
import type { Staff } from './staff';

export function buildQueues(
  ctx: SeedContext,
  cos: Companies,
  others: CompanyInfo[],
  pendingPeople: Staff['pendingPeople'],
  greenChannel: Set<string>,
  projectById: Map<string, ProjectInfo>,
  userId: Record<DemoUsername, string>,
) {
  const { data, policy, root, uuid, REF } = ctx;
  const { demoCompany, demoCompany2, companyRow } = cos;

  const qsRng = root.fork('submissions');
  for (const { person, labourContractOn, project } of pendingPeople) {
    const submittedOn = minDate(addDays(labourContractOn, qsRng.chance(0.15) ? qsRng.int(15, 25) : qsRng.int(1, 9)), REF);
    data.submissions.push({
      id: uuid(),
      type: 'practitioner_entry',
      status: 'submitted',
      companyId: person.companyId,
      districtId: project.districtId,
      projectId: project.id,
      subjectType: 'practitioner',
      subjectId: person.id,
      payload: {},
      dueOn: addWorkingDays(labourContractOn, policy.entryDeadlineWorkingDays),
      policyVersion: 1,
      priority: greenChannel.has(person.companyId) ? 1 : 0,
      submittedBy: person.companyId === demoCompany.id ? userId.company : person.companyId === demoCompany2.id ? userId.company2 : null,
      submittedAt: at(submittedOn, 9, qsRng.int(0, 59)),
      createdAt: at(submittedOn, 9),
      updatedAt: at(submittedOn, 9),
    });
  }
  for (const c of others) {
    if (c.status === 'draft') continue;
    const row = companyRow.get(c.id)!;
    const version = data.companyVersions.find((v) => v.companyId === c.id)!;
    const submittedOn = qsRng.date(addDays(REF, -25), addDays(REF, -2));
    const rejected = c.status === 'rejected';
    data.submissions.push({
      id: uuid(),
      type: 'company_filing',
      status: rejected ? 'rejected' : 'submitted',
      companyId: c.id,
      districtId: row.districtId,
      subjectType: 'company',
      subjectId: c.id,
      payload: version.data as Record<string, unknown>,
      baseVersion: 0,
      submittedAt: at(submittedOn, 10),
      decidedBy: rejected ? userId.city : null,
      decidedAt: rejected ? at(addDays(submittedOn, 3), 15) : null,
      reason: rejected ? '营业执照扫描件不清晰，且申报的法定代表人与营业执照登记信息不一致，请核实后重新提交' : null,
      createdAt: at(submittedOn, 10),
      updatedAt: at(rejected ? addDays(submittedOn, 3) : submittedOn, 15),
    });
  }
  for (const r of data.creditRecords) {
    if (r.status !== 'submitted') continue;
    const p = projectById.get(r.projectId!)!;
    data.submissions.push({
      id: uuid(),
      type: r.category === 'performance' ? 'performance_record' : 'warning_record',
      status: 'submitted',
      companyId: r.companyId,
      districtId: p.districtId,
      projectId: p.id,
      subjectType: 'credit_record',
      subjectId: r.id,
      payload: { type: r.type, occurredOn: r.occurredOn, proposedPoints: r.proposedPoints, severity: r.severity ?? null },
      priority: greenChannel.has(r.companyId) ? 1 : 0,
      submittedBy: r.companyId === demoCompany2.id ? userId.company2 : null,
      submittedAt: r.createdAt as Date,
      createdAt: r.createdAt as Date,
      updatedAt: r.createdAt as Date,
    });
  }
}
