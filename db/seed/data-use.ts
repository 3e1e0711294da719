/**
 * Data-use requests (SN 20; decision 031) so that the pages have something to show: an owners' committee's request
 * about the second demo company's staff, waiting for that company's consent; and that company's own request for
 * a tender, waiting for 船山区. Neither touches the first demo company, whose consent the e2e journey gives.
 */
import type { Row, SeedContext } from './context';
import type * as schema from '../schema';
import { at } from './random';

export function buildDataRequests(
  ctx: SeedContext,
  o: { committee: { organisationId: string; name: string; projectId: string; districtId: string }; company2: { id: string; name: string; districtId: string }; userId: { committee: string; company2: string } },
) {
  const { data, uuid, REF } = ctx;
  const rows: Row<typeof schema.dataRequests>[] = [
    {
      id: uuid(),
      kind: 'committee',
      status: 'awaiting_consent',
      requesterUserId: o.userId.committee,
      requesterOrgId: o.committee.organisationId,
      requesterName: o.committee.name,
      projectId: o.committee.projectId,
      companyId: o.company2.id,
      districtId: o.committee.districtId,
      subjects: 'all_current',
      requestedNames: [],
      useMatter: '选聘物业服务企业',
      purpose: '业主大会拟选聘物业服务企业，了解候选企业从业人员的执业情况，作为选聘参考',
      scopeText: '仅供业主委员会委员在选聘评审中使用，评审结束后销毁',
      protectionPromised: true,
      version: 1,
      createdAt: at(REF, 9),
      updatedAt: at(REF, 9),
    },
    {
      id: uuid(),
      kind: 'company',
      status: 'submitted',
      requesterUserId: o.userId.company2,
      requesterCompanyId: o.company2.id,
      requesterName: o.company2.name,
      companyId: o.company2.id,
      districtId: o.company2.districtId,
      subjects: 'all_current',
      requestedNames: [],
      useMatter: '参加物业服务项目投标',
      purpose: '参加某小区物业服务项目公开招标，投标文件须附项目团队人员的执业信息',
      scopeText: '仅用于本次投标文件，由招标人评标委员会查阅',
      protectionPromised: true,
      version: 1,
      createdAt: at(REF, 10),
      updatedAt: at(REF, 10),
    },
  ];
  data.dataRequests.push(...rows);
}
