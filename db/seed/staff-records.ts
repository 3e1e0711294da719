/** Practitioner records: good (SN 9) and bad (SN 13), with the employer's notice of each confirmed bad record
 * (两书同达). */
import { badRecordEmployerNotice } from '../../lib/domain/records';
import { BAD_RECORD_TYPES, DISTRICT_NAMES, GOOD_RECORD_TYPES } from './names';
import { addDays, at } from './random';
import { maxDate, minDate, type CompanyInfo, type PersonInfo, type ProjectInfo, type SeedContext } from './context';
import { orgNames, type Organisations } from './organisations';

export function buildStaffRecords(
  ctx: SeedContext,
  orgs: Organisations,
  people: PersonInfo[],
  projectById: Map<string, ProjectInfo>,
  companyById: Map<string, CompanyInfo>,
) {
  const { data, policy, root, uuid, REF } = ctx;
  const { orgId } = orgs;
  const { districtBureauName, streetOfficeOf } = orgNames(orgs);
  const rRng = root.fork('records');
  const activePeople = people.filter((x) => x.status === 'active');
  const eligible = activePeople.filter((x) => x.hiredOn <= addDays(REF, -60));
  const associationPerYear = new Map<string, number>();
  const goodPicked = rRng.sample(eligible, 300);
  for (const person of goodPicked) {
    const p = projectById.get(person.projectId)!;
    const occurredOn = rRng.date(maxDate(person.hiredOn, addDays(REF, -730)), addDays(REF, -7));
    const year = occurredOn.slice(0, 4);
    let type = rRng.weighted<(typeof GOOD_RECORD_TYPES)[number]>([
      ['政府部门表彰', 18],
      ['行业协会表彰', 25],
      ['业主书面表扬', 42],
      ['从业表现突出', 15],
    ]);
    if (type === '行业协会表彰' && (associationPerYear.get(year) ?? 0) >= policy.associationCommendationsPerYear - 20) type = '业主书面表扬';
    if (type === '行业协会表彰') associationPerYear.set(year, (associationPerYear.get(year) ?? 0) + 1);
    let issuer: string;
    let description: string;
    const prevYear = String(Number(year) - 1);
    switch (type) {
      case '政府部门表彰':
        issuer = rRng.pick([districtBureauName(p.districtId), '遂宁市住房和城乡建设局', `${streetOfficeOf(p)}`]);
        description = rRng.pick([
          `被${issuer}评为“${prevYear}年度优秀物业服务从业人员”`,
          `在${year}年汛期防汛抢险工作中表现突出，获${issuer}通报表扬`,
          `在创建全国文明城市迎检工作中表现突出，获${issuer}书面表扬`,
          `获${issuer}“${prevYear}年度物业服务先进个人”称号`,
        ]);
        break;
      case '行业协会表彰':
        issuer = '遂宁市物业管理协会';
        description =
          person.post === '项目负责人'
            ? `获遂宁市物业管理协会“${prevYear}年度优秀物业项目经理”称号`
            : rRng.pick([`获遂宁市物业管理协会“${prevYear}年度物业服务之星”称号`, `获遂宁市物业管理协会“最美物业人”称号`, `在遂宁市物业服务技能竞赛中获${rRng.pick(['一', '二', '三'])}等奖`]);
        break;
      case '业主书面表扬':
        issuer = `${p.name}业主`;
        description = rRng.pick([
          `${p.name}业主赠送锦旗“服务周到 热情为民”，感谢其及时处理家中水管爆裂`,
          `${p.name}${rRng.int(1, 18)}栋业主致感谢信，感谢其帮助独居老人就医`,
          `${p.name}业主赠送锦旗“拾金不昧 品德高尚”，感谢其归还遗失的钱包`,
          `${p.name}业主联名致感谢信，表扬其耐心细致处理报修`,
          `${p.name}业主赠送锦旗“尽职尽责 守护家园”，感谢其夜间及时处置电梯困人`,
        ]);
        break;
      default:
        issuer = companyById.get(person.companyId)!.name;
        description = rRng.pick([
          `${p.name}突发停电时第一时间到场组织抢修，参与人员：${person.name}等${rRng.int(2, 5)}人（附现场照片）`,
          `${p.name}地下车库进水时连夜组织排水，避免业主车辆受损，参与人员：${person.name}等${rRng.int(3, 6)}人（附现场照片）`,
          `成功处置${p.name}${rRng.int(1, 20)}栋楼道电瓶车起火，未造成人员伤亡，参与人员：${person.name}等${rRng.int(2, 4)}人（附现场照片）`,
        ]);
    }
    // SN 12: the company files within 5 days of receiving the document; about one in ten is late.
    const receivedOn = minDate(addDays(occurredOn, rRng.int(0, 2)), REF);
    const filedOn = minDate(addDays(receivedOn, rRng.chance(0.1) ? rRng.int(6, 12) : rRng.int(0, 5)), REF);
    data.practitionerRecords.push({
      id: uuid(),
      practitionerId: person.id,
      kind: 'good',
      type,
      occurredOn,
      issuer,
      description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: 'approved',
      // Association commendations are filed by the association (SN 10); the others by the company.
      reportedBy: type === '行业协会表彰' ? orgId.association : null,
      receivedOn: type === '行业协会表彰' ? null : receivedOn,
      filedOn,
      policyVersion: 1,
      participants: type === '从业表现突出' ? (description.match(/参与人员：([^（]+)/)?.[1] ?? null) : null,
      decidedAt: at(minDate(addDays(filedOn, rRng.int(1, 4)), REF), 16, rRng.int(0, 59)),
      createdAt: at(filedOn, 10, rRng.int(0, 59)),
    });
  }

  const badWeights = [6, 3, 8, 4, 30, 3, 5, 3, 3, 8, 7];
  const goodIds = new Set(goodPicked.map((x) => x.id));
  const badPool = eligible.filter((x) => !goodIds.has(x.id));
  for (const [i, person] of rRng.sample(badPool, 80).entries()) {
    const p = projectById.get(person.projectId)!;
    const t = rRng.weighted(BAD_RECORD_TYPES.map((ty, k) => [k, badWeights[k]] as const));
    const occurredOn = rRng.date(maxDate(person.hiredOn, addDays(REF, -720)), addDays(REF, -10));
    const bureau = districtBureauName(p.districtId);
    const street = streetOfficeOf(p);
    const court = `${DISTRICT_NAMES[p.districtId] === '射洪市' ? '射洪市' : p.districtId === '510903' ? '遂宁市船山区' : p.districtId === '510904' ? '遂宁市安居区' : DISTRICT_NAMES[p.districtId]}人民法院`;
    const [issuer, description] = (
      [
        [bureau, `因在${p.name}擅自占用消防通道设置收费岗亭，被${bureau}予以警告并处罚款${rRng.pick([500, 1000, 2000])}元`],
        [court, `在与业主的物业服务纠纷中擅自对业主停水，被${court}判决认定负有个人责任`],
        [bureau, `在${bureau}开展从业人员信息核查时，个人信息变更后未按规定更新，且拒不提供相关资料`],
        ['遂宁市物业管理协会', '违反《遂宁市物业服务行业自律公约》，在小区内张贴侮辱业主的欠费公告，被遂宁市物业管理协会公开谴责'],
        [street, rRng.pick([`${p.name}业主投诉其态度恶劣、辱骂业主，经${street}核实负有责任`, `${p.name}业主投诉其报修推诿拖延，经${street}核实负有责任`, `${p.name}业主投诉其私自收取装修押金不予退还，经${street}核实负有责任`])],
        [bureau, `遂宁日报报道${p.name}电梯长期故障无人处置，经${bureau}核实相关人员负有责任`],
        [bureau, rRng.pick(['提交的电工特种作业操作证经核查系伪造', '在季度考核中虚报设施设备巡检记录，经核查不属实'])],
        [bureau, `${p.name}发生${rRng.pick(['高空坠物致行人受伤', '电梯维修期间未设置警示致业主摔伤'])}事故，经${bureau}调查确认其负有管理责任`],
        [street, `处置${p.name}车位纠纷方式不当，引发业主聚集并形成网络舆情，经${street}认定负有责任`],
        [bureau, `在${bureau}开展的物业服务质量与消防安全检查中拒不提供巡查记录，限期整改后仍整改不到位`],
        [street, rRng.pick(['在岗期间饮酒并与业主发生冲突', '擅自将小区公共区域出租谋取私利'])],
      ] as const
    )[t];
    // Who brought it to the district (SN 14): the street office or the association reported it with evidence; a
    // finding of the bureau (or of a court, entered by the bureau) was entered directly. Pending ones are reports.
    const pending = i < 4;
    const reporter = issuer === street ? orgId.street.get(p.street.id)! : issuer === '遂宁市物业管理协会' ? orgId.association : pending ? null : orgId.district.get(p.districtId)!;
    const isReport = pending || reporter !== orgId.district.get(p.districtId);
    const receivedOn = isReport ? minDate(addDays(occurredOn, rRng.int(0, 2)), REF) : null;
    const filedOn = minDate(addDays(receivedOn ?? occurredOn, rRng.chance(0.15) ? rRng.int(4, 8) : rRng.int(1, 3)), REF);
    const recordedOn = minDate(addDays(filedOn, isReport ? rRng.int(1, 5) : 0), REF);
    const noticeCode = pending ? null : rRng.chars('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 12);
    const recordId = uuid();
    data.practitionerRecords.push({
      id: recordId,
      practitionerId: person.id,
      kind: 'bad',
      type: BAD_RECORD_TYPES[t],
      occurredOn,
      issuer,
      description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: pending ? 'submitted' : 'approved',
      reportedBy: reporter,
      receivedOn,
      filedOn,
      policyVersion: 1,
      decidedAt: pending ? null : at(recordedOn, 16, rRng.int(0, 59)),
      noticeCode,
      createdAt: at(filedOn, 15, rRng.int(0, 59)),
    });
    // 两书同达: the employer was told when the record was entered.
    if (noticeCode) {
      const facts = { name: person.name, type: BAD_RECORD_TYPES[t], description, occurredOn, issuer, bureau, recordedOn, noticeCode };
      data.notices.push({
        id: rRng.uuid(),
        kind: 'record_notice',
        companyId: person.companyId,
        practitionerId: person.id,
        districtId: p.districtId,
        ...badRecordEmployerNotice(facts),
        relatedType: 'practitioner_record',
        relatedId: recordId,
        status: 'closed',
        createdAt: at(recordedOn, 16, 30),
      });
    }
  }
}
