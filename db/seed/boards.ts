/** Each estate's disclosure board (公示栏): manager, fees, maintenance units, parking, revenue and funds. */
import { ELEVATOR_COMPANIES, FIRE_COMPANIES } from './names';
import { addDays, at } from './random';
import { maxDate, residential, type ProjectInfo, type SeedContext } from './context';
import type { Contracts } from './contracts';

export function buildBoards(ctx: SeedContext, projects: ProjectInfo[], contractsByProject: Contracts['contractsByProject']) {
  const { data, root, uuid, REF, landline } = ctx;
  const dRng = root.fork('boards');
  for (const p of projects) {
    const pm = p.staff.find((s) => s.post === '项目负责人')!;
    const stale = dRng.chance(0.06) && pm.hiredOn <= addDays(REF, -400);
    const updatedOn = stale
      ? dRng.date(maxDate(pm.hiredOn, addDays(REF, -720)), addDays(REF, -380))
      : dRng.date(maxDate(pm.hiredOn, addDays(REF, -330)), addDays(REF, -3));
    const area = p.floorArea;
    const isResidential = residential(p);
    const feeRate = Number(contractsByProject.get(p.id)![0].annualFees) / Math.max(1, area) / 12;
    const hasElevator = p.type !== '老旧小区' && (p.type !== '安置小区' || dRng.chance(0.6));
    const parkingSpaces = Math.round(p.households * dRng.float(0.3, 1.1));
    const fees = [
      { item: '物业服务费', standard: `${feeRate.toFixed(2)}元/㎡·月` },
      ...(hasElevator ? [{ item: '电梯运行维护费', standard: `${dRng.pick(['0.15', '0.20', '0.25', '0.30'])}元/㎡·月（仅电梯楼栋）` }] : []),
      ...(parkingSpaces > 0 ? [{ item: '车位管理费', standard: `${dRng.pick([40, 50, 60, 80, 100])}元/个·月` }] : []),
      { item: '装修垃圾清运费', standard: `${dRng.pick([300, 400, 500, 600])}元/户（一次性）` },
    ];
    const income = dRng.int(8, 260) * 1000;
    const spending = Math.round(income * dRng.float(0.3, 0.9));
    data.disclosureBoards.push({
      id: uuid(),
      projectId: p.id,
      companyId: p.companyId,
      version: 1,
      data: {
        managerName: pm.name,
        managerPhone: pm.mobile,
        complaintPhone: landline(dRng),
        serviceContent: isResidential
          ? '公共区域秩序维护、保洁、绿化养护，共用部位和共用设施设备日常维修养护，装饰装修管理，车辆停放管理，物业档案管理'
          : '公共区域秩序维护、保洁，共用设施设备运行维护，消防安全巡查，车辆停放管理，租户服务',
        serviceStandard: dRng.pick([
          '《四川省住宅物业服务等级规范》二级',
          '《四川省住宅物业服务等级规范》三级',
          '《四川省住宅物业服务等级规范》一级',
          '按物业服务合同约定的服务标准执行',
        ]),
        fees,
        elevatorMaintenance: hasElevator
          ? { unit: dRng.pick(ELEVATOR_COMPANIES), contact: landline(dRng) }
          : { unit: '本项目无电梯', contact: '' },
        fireMaintenance: { unit: dRng.pick(FIRE_COMPANIES), contact: landline(dRng) },
        parking:
          parkingSpaces > 0
            ? `共有车位${parkingSpaces}个（地面${Math.round(parkingSpaces * 0.3)}个、地下${parkingSpaces - Math.round(parkingSpaces * 0.3)}个），已出租${Math.round(parkingSpaces * dRng.float(0.5, 0.95))}个，出售情况见附表`
            : '无规划车位，临时停车按业主大会决定执行',
        sharedUtilities: `公共区域水电费按月据实分摊，${updatedOn.slice(0, 4)}年月均${dRng.float(1.5, 9).toFixed(2)}元/户`,
        commonRevenue: {
          income: `${updatedOn.slice(0, 4)}年公共收益收入${(income / 10000).toFixed(2)}万元（广告位、临时停车、场地租赁）`,
          spending: `支出${(spending / 10000).toFixed(2)}万元（公共设施维修、文化活动），结余${((income - spending) / 10000).toFixed(2)}万元，单独建账`,
        },
        maintenanceFund:
          dRng.chance(0.4)
            ? `${updatedOn.slice(0, 4)}年使用专项维修资金${dRng.float(2, 60).toFixed(2)}万元，用于${dRng.pick(['屋面防水维修', '外墙脱落修复', '二次供水设施改造', '消防管网更换', '电梯主要部件更换'])}`
            : `${updatedOn.slice(0, 4)}年未使用专项维修资金`,
        elevatorSpending: hasElevator
          ? `${updatedOn.slice(0, 4)}年1—${Number(updatedOn.slice(5, 7))}月电梯维保支出${dRng.float(1, 30).toFixed(2)}万元`
          : '无',
        updatedOn,
      },
      createdAt: at(updatedOn, 14),
    });
  }
}
