/** Red and black list entries and their events, and the company flags (incentive, key supervision, market exit,
 * green channel, upgrade priority), all derived from the records, ratings and evaluations built before. */
import { FLAG_INFO } from '../../lib/domain/company-flags';
import { addDays, addYears, at } from './random';
import { maxDate, QUARTERS, quarterLabel, type SeedContext } from './context';
import type { Companies } from './companies';
import type { Contracts } from './contracts';
import type { Ratings } from './ratings';
import type { CreditRecords } from './credit-records';

export function buildLists(
  ctx: SeedContext,
  cos: Companies,
  contracts: Contracts,
  ratings: Ratings,
  vetoRecord: CreditRecords['vetoRecord'],
  projectById: Map<string, { name: string }>,
) {
  const { data, policy, uuid, REF } = ctx;
  const { banned, approvedCompanies, companyById, MARKET_BAN_SINCE, bannedUntil } = cos;
  const { vetoCompany, vetoLost, bannedLost } = contracts;
  const { rated, rectified, ratingsByProject } = ratings;

  const addEntry = (e: {
    companyId: string;
    projectId?: string | null;
    list: 'red' | 'black';
    reason: string;
    rule: string;
    since: string;
    until: string | null;
    status?: 'active' | 'rectifying' | 'removed' | 'expired';
    endedOn?: string;
    endReason?: string;
    sourceRecordId?: string | null;
  }) => {
    const status = e.status ?? (e.until && e.until <= REF ? 'expired' : 'active');
    const endedOn = e.endedOn ?? (status === 'expired' ? e.until! : null);
    const endReason = e.endReason ?? (status === 'expired' ? '公示期满，自动移出' : null);
    const id = uuid();
    data.listEntries.push({
      id,
      companyId: e.companyId,
      projectId: e.projectId ?? null,
      list: e.list,
      reason: e.reason,
      rule: e.rule,
      since: e.since,
      until: e.until,
      status,
      endedOn,
      endReason,
      sourceRecordId: e.sourceRecordId ?? null,
      policyVersion: 1,
      createdAt: at(e.since, 9),
    });
    const listName = e.list === 'red' ? '红榜' : '黑榜';
    const cName = companyById.get(e.companyId)!.name;
    data.listEvents.push({
      id: uuid(),
      entryId: id,
      companyId: e.companyId,
      event: 'added',
      detail: `${cName}列入${listName}：${e.reason}${e.until ? `（预计${e.until}移出）` : ''}`,
      at: at(e.since, 9),
    });
    if (status === 'removed' || status === 'expired') {
      data.listEvents.push({
        id: uuid(),
        entryId: id,
        companyId: e.companyId,
        event: status === 'removed' ? 'removed' : 'expired',
        detail: `${cName}移出${listName}：${endReason}`,
        at: at(endedOn!, 9),
      });
    }
  };

  // DW 8: performance records are on the red list for their publicity period.
  for (const r of data.creditRecords) {
    if (r.category !== 'performance' || r.status !== 'approved') continue;
    const p = projectById.get(r.projectId!)!;
    addEntry({
      companyId: r.companyId,
      projectId: r.projectId,
      list: 'red',
      reason: `业绩信用信息：${p.name}${r.type}（加${Number(r.points)}分）`,
      rule: 'DW8-performance',
      since: r.publishedOn!,
      until: r.publicUntil!,
      sourceRecordId: r.id,
    });
  }

  // DW 14: three ratings in a row.
  const flags = data.companyFlags;
  for (const p of rated) {
    const rows = ratingsByProject.get(p.id)!;
    for (const kind of ['优秀', '差'] as const) {
      const i = [0, 1].find((k) => rows.slice(k, k + 3).every((r) => r.rating === kind));
      if (i === undefined) continue;
      const q3 = QUARTERS[i + 2];
      const companyId = rows[i + 2].companyId;
      const period = `${quarterLabel(i)}至${quarterLabel(i + 2)}`;
      if (kind === '优秀') {
        const until = addDays(addYears(q3.published, 1), -1);
        addEntry({
          companyId,
          projectId: p.id,
          list: 'red',
          reason: `${p.name}${period}连续三次评定为“优秀”`,
          rule: 'DW14-three-excellent',
          since: q3.published,
          until,
        });
        flags.push({
          id: uuid(),
          companyId,
          projectId: p.id,
          flag: 'incentive',
          reason: `${p.name}连续三次评定为“优秀”（DW 14）：优先晋升信用等级，评先创优同等条件优先，日常检查不作重点监管，可参加上级优秀小区、优秀企业评选及前期物业管理投标`,
          since: q3.published,
          until,
          createdAt: at(q3.published, 9),
        });
      } else {
        const until = addDays(q3.published, policy.rectificationDays);
        const passed = p === rectified;
        const endedOn = passed ? addDays(until, -3) : undefined;
        addEntry({
          companyId,
          projectId: p.id,
          list: 'black',
          reason: `${p.name}${period}连续三次评定为“差”，项目进入${policy.rectificationDays}天整改期，整改期内重点监管，不得参加评优活动`,
          rule: 'DW14-three-poor',
          since: q3.published,
          until,
          status: passed ? 'removed' : 'rectifying',
          endedOn,
          endReason: passed ? '整改期内复查验收合格，移出黑榜' : undefined,
        });
        flags.push({
          id: uuid(),
          companyId,
          projectId: p.id,
          flag: 'key_supervision',
          reason: `${p.name}连续三次评定为“差”，整改期内重点监管（DW 14）`,
          since: q3.published,
          until: endedOn ?? until,
          createdAt: at(q3.published, 9),
        });
      }
    }
  }

  // DW 11: one-vote veto.
  addEntry({
    companyId: vetoCompany.id,
    projectId: vetoLost.id,
    list: 'black',
    reason: `一票否决：在${vetoLost.name}物业服务合同有效期内无正当理由擅自退出管理项目，取消综合信用评价资格`,
    rule: 'DW11-veto',
    since: vetoRecord.publishedOn!,
    until: vetoRecord.publicUntil!,
    sourceRecordId: vetoRecord.id,
  });

  // Severe warnings are on the black list while public; a repaired one left it.
  for (const r of data.creditRecords) {
    if (r.category !== 'warning' || r.severity !== '严重' || r.vetoType || !r.publishedOn) continue;
    if (r.status !== 'approved' && r.status !== 'repaired') continue;
    const p = projectById.get(r.projectId!)!;
    addEntry({
      companyId: r.companyId,
      projectId: r.projectId,
      list: 'black',
      reason: `严重警示信用信息：${p.name}${r.type}（扣${Number(r.points)}分）`,
      rule: 'severe-warning',
      since: r.publishedOn,
      until: r.publicUntil!,
      sourceRecordId: r.id,
      ...(r.status === 'repaired' ? { status: 'removed' as const, endedOn: r.repairedOn!, endReason: '已完成信用修复，经主管部门同意移出黑榜' } : {}),
    });
  }

  // ZT 五.3: below 90 two years in a row.
  for (const c of approvedCompanies) {
    const e24 = data.annualEvaluations.find((e) => e.companyId === c.id && e.year === 2024);
    const e25 = data.annualEvaluations.find((e) => e.companyId === c.id && e.year === 2025);
    if (!e24 || !e25 || e24.vetoed || e25.vetoed) continue;
    if (Number(e24.score) >= policy.interviewBelow || Number(e25.score) >= policy.interviewBelow) continue;
    addEntry({
      companyId: c.id,
      list: 'black',
      reason: `连续两年信用评价得分低于${policy.interviewBelow}分（2024年度${Number(e24.score).toFixed(2)}分，2025年度${Number(e25.score).toFixed(2)}分）`,
      rule: 'ZT5.3-two-years',
      since: '2026-01-20',
      until: '2027-01-19',
      sourceRecordId: e25.id,
    });
  }

  // DW 14: the banned company — three 差 in 2024, failed rectification, market ban for three years.
  const bannedEstate = bannedLost[0];
  addEntry({
    companyId: banned.id,
    projectId: bannedEstate.id,
    list: 'black',
    reason: `${bannedEstate.name}2024年第1至3季度连续三次评定为“差”，项目进入${policy.rectificationDays}天整改期`,
    rule: 'DW14-three-poor',
    since: '2024-10-15',
    until: addDays('2024-10-15', policy.rectificationDays),
    status: 'removed',
    endedOn: MARKET_BAN_SINCE,
    endReason: '整改期满复查验收不合格，转为市场禁入',
  });
  addEntry({
    companyId: banned.id,
    projectId: bannedEstate.id,
    list: 'black',
    reason: `拒不整改、整改不合格，建议退出物业服务市场，${policy.marketBanYears}年内不得在本市从事物业管理活动，撤销备案`,
    rule: 'DW14-market-ban',
    since: MARKET_BAN_SINCE,
    until: bannedUntil,
  });
  flags.push({
    id: uuid(),
    companyId: banned.id,
    projectId: bannedEstate.id,
    flag: 'market_exit',
    reason: `整改不合格，建议退出物业服务市场，禁入至${bannedUntil}（DW 14）`,
    since: MARKET_BAN_SINCE,
    until: bannedUntil,
    createdAt: at(MARKET_BAN_SINCE, 9),
  });

  // CQ 三.(五): green channel for approved companies with no warning record in the last three years.
  const cleanFrom = addYears(REF, -policy.greenChannelCleanYears);
  const greenChannel = new Set<string>();
  for (const c of approvedCompanies) {
    if (!c.approvedOn || c.approvedOn > cleanFrom) continue;
    const warned3y = data.creditRecords.some((r) => r.companyId === c.id && r.category === 'warning' && r.occurredOn >= cleanFrom);
    if (warned3y) continue;
    greenChannel.add(c.id);
    flags.push({
      id: uuid(),
      companyId: c.id,
      flag: 'green_channel',
      reason: `连续${policy.greenChannelCleanYears}年无警示信用记录，办理事项优先受理（绿色通道）`,
      since: maxDate(addYears(c.approvedOn, policy.greenChannelCleanYears), '2024-01-01'),
      until: null,
      createdAt: at(maxDate(addYears(c.approvedOn, policy.greenChannelCleanYears), '2024-01-01'), 9),
    });
  }
  return { greenChannel };
}

/** DW 14 (二): three 良好 in a row → priority in grade upgrade and awards (a flag, no list entry). Made last so
 * that the ids drawn before stay as they were. */
export function addUpgradeFlags(ctx: SeedContext, ratings: Ratings) {
  const { data, uuid } = ctx;
  const { rated, ratingsByProject } = ratings;
  const flags = data.companyFlags;
  for (const p of rated) {
    const rows = ratingsByProject.get(p.id)!;
    const i = [0, 1].find((k) => rows.slice(k, k + 3).every((r) => r.rating === '良好' && r.companyId === rows[k + 2].companyId));
    if (i === undefined) continue;
    const q3 = QUARTERS[i + 2];
    flags.push({
      id: uuid(),
      companyId: rows[i + 2].companyId,
      projectId: p.id,
      flag: 'upgrade_priority',
      reason: `${p.name}${quarterLabel(i)}至${quarterLabel(i + 2)}连续三次评定为“良好”（DW 14）：优先晋升信用等级；评先评优时在同等条件下优先考虑；服务的物业项目可参加上级优秀小区的评选`,
      since: q3.published,
      until: addYears(q3.published, 1),
      createdAt: at(q3.published, 9),
    });
  }
}

/**
 * DW 14 (三)2 整改合格的，晋升信用等级: the estate whose rectification passed carries the flag the inspection now
 * records (lib/services/ratings.ts), for a year from the day it ended. Made after everything else so that the
 * ids drawn before stay as they were.
 */
export function addRectificationPassedFlags(ctx: SeedContext) {
  const { data, uuid } = ctx;
  for (const e of data.listEntries) {
    if (e.rule !== 'DW14-three-poor' || e.status !== 'removed' || !e.endedOn || !e.projectId) continue;
    const name = data.projects.find((p) => p.id === e.projectId)?.name ?? '';
    data.companyFlags.push({
      id: uuid(),
      companyId: e.companyId,
      projectId: e.projectId,
      flag: 'rectification_passed',
      reason: `${name}整改复查合格，移出黑榜，晋升信用等级（${FLAG_INFO.rectification_passed.citation}）`,
      since: e.endedOn,
      until: addYears(e.endedOn, 1),
      createdAt: at(e.endedOn, 10),
    });
  }
}
