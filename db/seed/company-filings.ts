/** Each company's filing: its principal managers, project managers and engineering staff, and version 1 of the
 * filed data. */
import type * as schema from '../schema';
import type { CompanyInfo, ProjectInfo, Row, SeedContext } from './context';
import type { Companies } from './companies';

export function buildFilings(ctx: SeedContext, companies: CompanyInfo[], companyRow: Companies['companyRow'], projects: ProjectInfo[]) {
  const { data, root, uuid, personName } = ctx;
  const mRng = root.fork('managers');
  for (const c of companies) {
    const row = companyRow.get(c.id)!;
    const own = projects.filter((p) => p.companyId === c.id);
    const managers: Row<typeof schema.companyManagers>[] = [
      {
        id: uuid(),
        companyId: c.id,
        kind: '主要负责人',
        name: c.legalRep,
        title: mRng.pick(['总经理', '执行董事兼总经理', '董事长']),
        qualification: mRng.chance(0.6) ? '物业管理师' : null,
      },
    ];
    const pms = own.flatMap((p) => p.staff.filter((s) => s.post === '项目负责人'));
    const engineers = own.flatMap((p) => p.staff.filter((s) => s.post === '工程主管'));
    const nPm = mRng.int(1, 2);
    for (let i = 0; i < nPm; i++) {
      const pm = pms[i];
      managers.push({
        id: uuid(),
        companyId: c.id,
        kind: '项目经理',
        name: pm ? pm.name : personName(mRng.chance(0.6), mRng),
        title: '项目经理',
        qualification: '物业项目经理证',
      });
    }
    if (mRng.chance(0.7) || managers.length < 2) {
      const eng = engineers[0];
      managers.push({
        id: uuid(),
        companyId: c.id,
        kind: '工程技术人员',
        name: eng ? eng.name : personName(true, mRng),
        title: '工程部经理',
        qualification: mRng.pick(['电气工程师（中级）', '助理工程师', '高压电工作业证', '机电工程师（中级）']),
      });
    }
    data.companyManagers.push(...managers);
    data.companyVersions.push({
      id: uuid(),
      companyId: c.id,
      version: 1,
      data: {
        name: row.name,
        uscc: row.uscc,
        address: row.address,
        registeredCapital: row.registeredCapital,
        legalRepresentative: row.legalRepresentative,
        contactPhone: row.contactPhone,
        districtId: row.districtId,
        managers: managers.map((m) => ({ kind: m.kind, name: m.name, title: m.title, qualification: m.qualification })),
      },
      createdAt: row.approvedAt ?? row.createdAt,
    });
  }
}
