/** Company credit records, performance (red) and warning (black): the designed stories, the ordinary ones, the
 * notice of every confirmed warning record (两书同达) and one credit-repair application awaiting the bureau. */
import type * as schema from '../schema';
import { TRACKING_ALPHABET, TRACKING_LENGTH } from '../../lib/domain/objections';
import { repairDecideBy, warningNoticeText } from '../../lib/domain/records';
import { addWorkingDays } from '../../lib/domain/working-days';
import { PENALTY_TYPES, PERFORMANCE_TYPES, WARNING_TYPES } from './names';
import { addDays, addMonths, at, Rng } from './random';
import { maxDate, minDate, money, type CompanyInfo, type ProjectInfo, type Row, type SeedContext, type Severity } from './context';
import type { Companies } from './companies';
import type { Contracts } from './contracts';
import { orgNames, type Organisations } from './organisations';

export type CreditRecords = ReturnType<typeof buildCreditRecords>;

export function buildCreditRecords(
  ctx: SeedContext,
  orgs: Organisations,
  cos: Companies,
  contracts: Contracts,
  projects: ProjectInfo[],
  projectById: Map<string, ProjectInfo>,
) {
  const { data, policy, root, uuid, REF, seed } = ctx;
  const { orgId, orgName } = orgs;
  const { districtBureauName } = orgNames(orgs);
  const { demoCompany, demoCompany2, byRole, banned, ordinary, blackRoles, companyById } = cos;
  const { vetoCompany, vetoLost, VETO_EXIT, bannedLost } = contracts;

  const wRng = root.fork('credit');
  const ownProjects = new Map<string, ProjectInfo[]>();
  for (const p of projects) ownProjects.set(p.companyId, [...(ownProjects.get(p.companyId) ?? []), p]);
  type CreditRow = Row<typeof schema.creditRecords>;

  /** An estate the company served on that date (its current contract had started). */
  const projectServedOn = (c: CompanyInfo, on: string) => {
    const own = ownProjects.get(c.id)!;
    const served = own.filter((p) => p.contractStart <= on);
    return wRng.pick(served.length ? served : own);
  };
  const addPerformance = (c: CompanyInfo, occurredOn: string, opt: { type?: string; status?: 'approved' | 'submitted'; p?: ProjectInfo } = {}) => {
    const [type, lo, hi] = opt.type ? (PERFORMANCE_TYPES.find((x) => x[0] === opt.type) ?? [opt.type, 2, 4]) : wRng.pick(PERFORMANCE_TYPES);
    const p = opt.p ?? projectServedOn(c, occurredOn);
    occurredOn = maxDate(occurredOn, p.contractStart);
    const pts = wRng.int(lo, hi);
    const submitted = opt.status === 'submitted';
    const confirmedOn = minDate(addDays(occurredOn, wRng.int(5, 15)), addDays(REF, -1));
    const issuer = type.includes('省级') ? '四川省住房和城乡建设厅' : type.includes('市级') || type.includes('文明城市') ? '遂宁市住房和城乡建设局' : districtBureauName(p.districtId);
    const row: CreditRow = {
      id: uuid(),
      companyId: c.id,
      projectId: p.id,
      category: 'performance',
      type,
      occurredOn,
      description: `${p.name}${type}（${issuer}${occurredOn.slice(0, 4)}年${Number(occurredOn.slice(5, 7))}月发文）`,
      proposedPoints: money(pts),
      points: submitted ? null : money(pts),
      status: submitted ? 'submitted' : 'approved',
      confirmedAt: submitted ? null : at(confirmedOn, 16),
      publishedOn: submitted ? null : confirmedOn,
      publicUntil: submitted ? null : addMonths(confirmedOn, policy.performancePublicityMonths),
      reportedBy: null,
      policyVersion: 1,
      createdAt: at(addDays(occurredOn, 2), 9),
    };
    data.creditRecords.push(row);
    return row;
  };

  const addWarning = (
    c: CompanyInfo,
    occurredOn: string,
    severity: Severity,
    opt: {
      type?: string;
      points?: number;
      penalty?: boolean;
      veto?: (typeof schema.vetoType.enumValues)[number];
      status?: 'approved' | 'submitted' | 'repaired';
      p?: ProjectInfo;
      repairedOn?: string;
      description?: string;
      unpublishedPenalty?: boolean;
      decisionOn?: string;
    } = {},
  ) => {
    const p = opt.p ?? projectServedOn(c, occurredOn);
    occurredOn = maxDate(occurredOn, p.contractStart);
    const type =
      opt.type ?? (opt.penalty ? wRng.pick(PENALTY_TYPES) : wRng.pick(WARNING_TYPES.filter(([, s]) => s === severity))[0]);
    const pts = opt.points ?? (severity === '轻微' ? wRng.int(1, 2) : severity === '一般' ? wRng.int(3, 5) : wRng.int(6, 10));
    const submitted = opt.status === 'submitted';
    const fromStreet = !opt.penalty && !opt.veto && wRng.chance(0.6);
    const reporter = fromStreet ? orgId.street.get(p.street.id)! : orgId.district.get(p.districtId)!;
    const decisionOn = opt.penalty ? (opt.decisionOn ?? addDays(occurredOn, wRng.int(10, 30))) : null;
    const confirmedOn = opt.penalty ? decisionOn! : minDate(addDays(occurredOn, wRng.int(4, 12)), addDays(REF, -1));
    let publishedOn: string | null = submitted ? null : opt.penalty ? addWorkingDays(decisionOn!, wRng.int(2, 6)) : addDays(confirmedOn, wRng.int(0, 2));
    if (opt.unpublishedPenalty) publishedOn = null;
    const [minM, maxM] = policy.warningPublicityMonths[severity];
    const windowFrom = publishedOn ?? confirmedOn;
    const row: CreditRow = {
      id: uuid(),
      companyId: c.id,
      projectId: p.id,
      category: 'warning',
      type,
      occurredOn,
      description:
        opt.description ??
        (opt.penalty
          ? `${districtBureauName(p.districtId)}对${c.name}（${p.name}）作出行政处罚决定：${type.replace('行政处罚：', '')}，处警告并罚款${wRng.pick([5000, 10000, 20000, 30000])}元`
          : `${orgName.get(reporter)}在日常巡查中发现${p.name}${type}，已责令限期整改`),
      proposedPoints: money(opt.points ?? pts + (fromStreet && wRng.chance(0.3) ? 1 : 0)),
      points: submitted ? null : money(pts),
      severity,
      isPenalty: !!opt.penalty,
      decisionOn,
      vetoType: opt.veto ?? null,
      status: opt.status ?? 'approved',
      confirmedAt: submitted ? null : at(confirmedOn, 16),
      publishedOn,
      minPublicUntil: submitted ? null : addMonths(windowFrom, minM),
      publicUntil: submitted ? null : addMonths(windowFrom, maxM),
      repairedOn: opt.repairedOn ?? null,
      reportedBy: reporter,
      policyVersion: 1,
      createdAt: at(addDays(occurredOn, 1), 9),
    };
    data.creditRecords.push(row);
    return row;
  };

  // Designed stories.
  const role = (r: string) => byRole.get(r)!;
  const demoProjects = ownProjects.get(demoCompany.id)!;
  addPerformance(demoCompany, '2025-03-12', { type: '参与防汛救灾表现突出', p: demoProjects[1] });
  addPerformance(demoCompany, '2025-12-18', { type: '参与应急抢险表现突出', p: demoProjects[2] });
  addPerformance(demoCompany, '2026-03-20', { type: '获评市级优秀物业服务项目', p: demoProjects[0] });
  addPerformance(demoCompany2, '2026-05-08', { type: '协助创建全国文明城市表现突出' });
  addPerformance(demoCompany2, '2026-10-20', { type: '获评“红色物业”示范项目', status: 'submitted' });
  addWarning(demoCompany2, '2025-09-16', '轻微', { type: '公示栏信息未按年度更新', points: 1 });
  const company2Warning = addWarning(demoCompany2, '2026-06-03', '一般', { type: '消防通道堵塞未及时整改', points: 3 });

  const two = role('twoYears');
  addWarning(two, '2024-03-11', '一般', { points: 4 });
  addWarning(two, '2024-07-22', '一般', { points: 5, penalty: true });
  addWarning(two, '2024-11-05', '轻微', { points: 2 });
  addWarning(two, '2025-02-17', '一般', { points: 4 });
  addWarning(two, '2025-06-09', '一般', { points: 5 });
  addWarning(two, '2025-10-13', '轻微', { points: 2 });
  addWarning(two, '2026-04-21', '一般', { points: 3 });

  const vetoRecord = addWarning(vetoCompany, VETO_EXIT, '严重', {
    type: '一票否决：在物业服务合同有效期内无正当理由擅自退出管理项目',
    veto: '合同期内无正当理由撤离',
    points: 10,
    p: vetoLost,
    description: `${vetoCompany.name}在${vetoLost.name}物业服务合同有效期内（至2027年2月28日）以经营亏损为由擅自撤出，未办理交接，经${districtBureauName('510904')}认定属于一票否决情形（DW 11）`,
  });
  addWarning(vetoCompany, '2025-05-14', '一般', { points: 4 });

  addWarning(role('poor1'), '2026-05-19', '一般', { points: 4 });
  addWarning(role('poor2'), '2026-06-25', '一般', { points: 3 });
  addWarning(role('poor2'), '2025-08-02', '轻微', { points: 2 });

  addWarning(role('severeA'), '2026-02-09', '严重', { type: '电梯困人事故处置不当', points: 8 });
  addWarning(role('severeA'), '2025-04-22', '一般', { points: 3 });
  addWarning(role('severeB'), '2025-08-14', '严重', { type: '发生安全责任事故', points: 7 });
  addWarning(role('severeB'), '2025-11-27', '一般', { points: 4, penalty: true });

  addWarning(role('low3'), '2025-01-20', '一般', { points: 5 });
  addWarning(role('low3'), '2025-05-26', '一般', { points: 4 });
  addWarning(role('low3'), '2025-10-09', '一般', { points: 3, penalty: true });

  addWarning(role('repaired'), '2024-03-05', '严重', {
    type: '擅自挪用公共收益',
    points: 7,
    status: 'repaired',
    repairedOn: '2025-06-20',
  });
  addWarning(role('passedRect'), '2026-03-10', '一般', { points: 3 });

  // The banned company's file before the ban (2024), on the estates it later lost.
  addWarning(banned, '2024-02-26', '一般', { points: 5, p: bannedLost[0], type: '未按合同约定履行服务义务' });
  addWarning(banned, '2024-06-18', '一般', { points: 5, p: bannedLost[1], type: '消防设施设备维护不到位', penalty: true });
  addWarning(banned, '2024-09-09', '一般', { points: 4, p: bannedLost[2], type: '拒不配合主管部门检查' });

  // Ordinary companies: some clean (green channel), some with ordinary warnings.
  const ordinaryPool = ordinary.filter((c) => c.role === 'ordinary');
  const shuffled = wRng.shuffle(ordinaryPool);
  const clean = new Set(shuffled.slice(0, 11).map((c) => c.id));
  const warned = shuffled.filter((c) => !clean.has(c.id));
  let warnings = data.creditRecords.filter((r) => r.category === 'warning').length;
  const penaltyBudget = { n: 7 };
  while (warnings < 118) {
    const c = wRng.weighted(warned.map((o) => [o, 1 + o.size / 4] as const));
    const severity: Severity = wRng.weighted([
      ['轻微', 55],
      ['一般', 45],
    ]);
    const occurredOn = wRng.date('2024-01-05', addDays(REF, -12));
    const p = projectServedOn(c, occurredOn);
    const penalty = severity === '一般' && penaltyBudget.n > 0 && occurredOn <= addDays(REF, -60) && wRng.chance(0.2);
    if (penalty) penaltyBudget.n--;
    addWarning(c, maxDate(occurredOn, p.contractStart), severity, { p, penalty });
    warnings++;
  }
  // A penalty decided 4 working days ago and not yet published (the 7-working-day deadline approaches).
  addWarning(wRng.pick(warned), addWorkingDays(REF, -24), '一般', {
    penalty: true,
    unpublishedPenalty: true,
    decisionOn: addWorkingDays(REF, -4),
    points: 3,
  });
  // Two warnings reported by streets and awaiting the bureau's confirmation of points.
  for (const c of wRng.sample(warned, 2)) addWarning(c, wRng.date(addDays(REF, -20), addDays(REF, -3)), '一般', { status: 'submitted' });

  // Performance records for the companies not on a black-list path.
  const perfPool = ordinary.filter((c) => !blackRoles.has(c.role) && c.role !== 'low3');
  let perf = data.creditRecords.filter((r) => r.category === 'performance').length;
  while (perf < 60) {
    const c = wRng.weighted(perfPool.map((o) => [o, o.role === 'excellent' ? 6 : clean.has(o.id) ? 3 : 1] as const));
    addPerformance(c, wRng.date(addDays(REF, -700), addDays(REF, -10)));
    perf++;
  }

  // When each record's filer received the document or found the facts; the notice of every confirmed warning
  // record (两书同达) with its code; and one credit-repair application awaiting the bureau. Drawn from a generator
  // of their own, so that the rest of the city is unchanged.
  const nRng = new Rng(`${seed}:credit-notices`);
  const noticeCode = () => Array.from({ length: TRACKING_LENGTH }, () => nRng.pick(TRACKING_ALPHABET.split(''))).join('');
  for (const r of data.creditRecords) {
    r.receivedOn = r.isPenalty ? r.decisionOn : r.occurredOn;
    if (r.category !== 'warning' || r.status === 'submitted' || !r.severity) continue;
    const c = companyById.get(r.companyId)!;
    const p = projectById.get(r.projectId!)!;
    r.noticeCode = noticeCode();
    const text = warningNoticeText(
      {
        companyName: c.name,
        projectName: p.name,
        type: r.type,
        occurredOn: r.occurredOn,
        description: r.description,
        severity: r.severity,
        points: r.points!,
        isPenalty: !!r.isPenalty,
        decisionOn: r.decisionOn ?? null,
        publishedOn: r.publishedOn ?? null,
        minPublicUntil: r.minPublicUntil ?? null,
        publicUntil: r.publicUntil ?? null,
        issuer: r.issuer ?? null,
      },
      r.noticeCode,
      policy,
    );
    data.notices.push({
      id: nRng.uuid(),
      kind: 'record_notice',
      companyId: c.id,
      districtId: p.districtId,
      title: text.title,
      body: text.body,
      relatedType: 'credit_record',
      relatedId: r.id,
      createdAt: r.confirmedAt as Date,
    });
  }
  {
    const r = company2Warning;
    const filedOn = addWorkingDays(REF, -2);
    data.submissions.push({
      id: nRng.uuid(),
      type: 'credit_repair',
      status: 'submitted',
      companyId: r.companyId,
      districtId: projectById.get(r.projectId!)!.districtId,
      projectId: r.projectId,
      subjectType: 'credit_record',
      subjectId: r.id,
      payload: {
        recordId: r.id,
        rectification: '已清理消防通道内堆放的杂物和电动车，设置禁停标识和隔离桩，安排秩序维护员每日两次巡查并建立台账；业主委员会已现场确认。',
        evidenceAttachmentIds: [],
        commitmentAttachmentId: null,
      },
      decideBy: repairDecideBy(filedOn, policy),
      priority: 0,
      submittedBy: null,
      submittedAt: at(filedOn, 15),
      createdAt: at(filedOn, 15),
      updatedAt: at(filedOn, 15),
    });
  }
  return { wRng, company2Warning, vetoRecord, ordinaryPool };
}
