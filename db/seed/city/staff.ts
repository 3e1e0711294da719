/**
 * The staff of the city-scale estates: practitioners (ID numbers sealed as the app stores them), their
 * certificates, employments (current, earlier and ended), good and bad records, and each estate's
 * disclosure board naming its manager. Generated estate by estate, each from its own random stream.
 */
import { GOOD_RECORD_TYPES, BAD_RECORD_TYPES, CERTIFICATE_SHARE, CERTIFICATES_BY_POST, ELEVATOR_COMPANIES, FIRE_COMPANIES } from '../names';
import { addDays, addYears, at, Rng } from '../random';
import { DISTRICTS } from '../regions';
import { TableRows } from './copy';
import type { CompanyInfo, EstateInfo } from './companies';
import { cityUuid, idNumberOf, KIND, mobileOf, noticeCodeOf, sealIdNumber } from './ids';
import { newPerson, staffPlan, type Person, type Post } from './people';
import { apportion, type CityContext } from './plan';
import type { IdKeys } from '../../../lib/security/id-crypto';

export const PRACTITIONER_COLUMNS = ['id', 'id_number_enc', 'id_number_hash', 'id_number_masked', 'name', 'gender', 'birth_date', 'ethnicity', 'native_place', 'political_status', 'mobile', 'school', 'major', 'education', 'skills', 'hired_on', 'labour_contract_on', 'status', 'version', 'created_at', 'updated_at'];
export const CERTIFICATE_COLUMNS = ['id', 'practitioner_id', 'name', 'number', 'issuer', 'valid_until'];
export const EMPLOYMENT_COLUMNS = ['id', 'practitioner_id', 'company_id', 'project_id', 'post', 'start_date', 'end_date', 'status', 'end_reason', 'created_at'];
export const STAFF_RECORD_COLUMNS = ['id', 'practitioner_id', 'kind', 'type', 'occurred_on', 'issuer', 'description', 'company_id', 'project_id', 'status', 'reported_by', 'received_on', 'filed_on', 'decided_at', 'notice_code', 'created_at'];
export const BOARD_COLUMNS = ['id', 'project_id', 'company_id', 'version', 'data', 'created_at'];

/** Shares of the demo city: 2.9 % of people archived; 4.8 % with a good record, 1.2 % an approved bad one. */
const ARCHIVED_SHARE = 0.029;
const GOOD_SHARE = 0.048;
const BAD_SHARE = 0.012;
const BAD_PENDING_SHARE = 0.0006;

const PRAISE = ['及时抢修停水故障', '帮助独居老人就医', '拾金不昧归还业主财物', '暴雨夜疏通排水管道', '耐心调解邻里纠纷', '协助寻回走失儿童'];
const MISCONDUCT = ['在岗期间饮酒并与业主发生冲突', '提交的特种作业操作证经核查系伪造', '未按规定更新个人信息且拒不整改', '擅自收取业主装修押金未开具票据', '值班期间脱岗造成车辆被盗'];

export class StaffTables {
  practitioners = new TableRows('practitioners', PRACTITIONER_COLUMNS);
  certificates = new TableRows('certificates', CERTIFICATE_COLUMNS);
  employments = new TableRows('employments', EMPLOYMENT_COLUMNS);
  records = new TableRows('practitioner_records', STAFF_RECORD_COLUMNS);
  boards = new TableRows('disclosure_boards', BOARD_COLUMNS);
}

/** Team sizes per estate so that the active staff add up to exactly `active`: the demo's plan, then evened out. */
function teamSizes(ctx: CityContext, estates: EstateInfo[], active: number): { plans: Post[][] } {
  const plans = estates.map((e) => staffPlan(new Rng(`${ctx.seed}:staff:${e.idx}`), e.type, e.households));
  let diff = active - plans.reduce((s, p) => s + p.length, 0);
  for (let k = 0; diff !== 0 && estates.length > 0; k = (k + 1) % estates.length) {
    const plan = plans[k];
    if (diff > 0) {
      plan.push(plan.length % 2 ? '安保人员' : '保洁人员');
      diff--;
    } else if (plan.length > 7) {
      plan.pop();
      diff++;
    } else if (plans.every((p) => p.length <= 7)) {
      break;
    }
  }
  return { plans };
}

export interface StaffSummary {
  practitioners: number;
  archived: number;
}

/**
 * Yields the practitioners' COPY text while filling the other tables (which reference practitioners and so
 * are loaded after them). `count` is the number of practitioners to add.
 */
export function* generateStaff(ctx: CityContext, keys: IdKeys, companies: CompanyInfo[], estates: EstateInfo[], count: number, out: StaffTables, summary: StaffSummary): Generator<string> {
  if (estates.length === 0 || count === 0) return;
  const archived = Math.round(count * ARCHIVED_SHARE);
  const { plans } = teamSizes(ctx, estates, count - archived);
  const archivedPer = apportion(
    archived,
    plans.map((p) => p.length),
  );
  const companyOf = (idx: number) => companies[idx];
  const usedIds = new Set<string>();
  const latestActiveHire = addDays(ctx.ref, -45);
  const bureauName = new Map(DISTRICTS.map((d) => [d.id, d.bureau]));
  let n = 0;
  let employmentNo = 0;
  let certificateNo = 0;
  let recordNo = 0;

  const person = (r: Rng, p: Person, status: 'active' | 'archived') => {
    let idNumber = idNumberOf(p.placeCode, p.birthDate, p.seq);
    let sealed = sealIdNumber(idNumber, keys);
    for (let bump = 2; usedIds.has(idNumber) || ctx.demoIdHashes.has(sealed.hash); bump += 2) {
      idNumber = idNumberOf(p.placeCode, p.birthDate, (p.seq + bump) % 1000);
      sealed = sealIdNumber(idNumber, keys);
      if (bump > 2000) throw new Error(`no free ID number for ${p.placeCode} ${p.birthDate}`);
    }
    usedIds.add(idNumber);
    let mobile = mobileOf(n);
    if (ctx.demoMobiles.has(mobile)) mobile = mobileOf(n + 50_000_000);
    const id = cityUuid(KIND.practitioner, n++);
    const entered = addDays(p.labourContractOn, r.int(1, 9));
    const created = at(entered < ctx.ref ? entered : ctx.ref, 10, r.int(0, 59)).toISOString();
    out.practitioners.add([id, sealed.enc, sealed.hash, sealed.masked, p.name, p.male ? '男' : '女', p.birthDate, p.ethnicity, p.place, p.political, mobile, p.school, p.major, p.education, p.skills, p.hiredOn, p.labourContractOn, status, 1, created, created]);
    return { id, mobile };
  };

  const certificates = (r: Rng, practitionerId: string, post: Post, p: Person) => {
    const pool = CERTIFICATES_BY_POST[post];
    if (!pool.length || !r.chance(CERTIFICATE_SHARE[post] ?? 0)) return;
    const k = pool.length > 1 && r.chance(0.35) ? 2 : 1;
    for (const [name, issuer, prefix, years] of r.sample(pool, k)) {
      const from = addYears(p.birthDate, 19) > addYears(p.hiredOn, -6) ? addYears(p.birthDate, 19) : addYears(p.hiredOn, -6);
      const to = addDays(ctx.ref, -30) < addDays(p.hiredOn, 400) ? addDays(ctx.ref, -30) : addDays(p.hiredOn, 400);
      const issued = r.date(from < to ? from : to, to);
      const year = issued.slice(0, 4);
      const number = prefix === 'T' ? `T5109${year}${r.digits(6)}` : `${prefix}${year}${r.digits(prefix.length > 3 ? 5 : 6)}`;
      let until: string | null = null;
      if (years) {
        let k2 = 1;
        while (addDays(addYears(issued, years * k2), -1) <= ctx.ref && r.chance(0.85)) k2++;
        until = addDays(addYears(issued, years * k2), -1);
      }
      out.certificates.add([cityUuid(KIND.certificate, certificateNo++), practitionerId, name, number, issuer, until]);
    }
  };

  const employment = (practitionerId: string, companyId: string, projectId: string, post: Post, start: string, end: string | null, status: 'current' | 'ended', reason: string | null) => {
    out.employments.add([cityUuid(KIND.employment, employmentNo++), practitionerId, companyId, projectId, post, start, end, status, reason, at(start, 10).toISOString()]);
  };

  const records = (r: Rng, practitionerId: string, e: EstateInfo, companyId: string, p: Person) => {
    const x = r.next();
    if (x >= GOOD_SHARE + BAD_SHARE + BAD_PENDING_SHARE) return;
    const from = p.hiredOn > '2024-01-01' ? p.hiredOn : '2024-01-01';
    const occurred = r.date(from < ctx.ref ? from : ctx.ref, addDays(ctx.ref, -20));
    const filed = addDays(occurred, r.int(1, 4));
    const decided = at(addDays(filed, r.int(1, 5)), 16, r.int(0, 59)).toISOString();
    const id = cityUuid(KIND.staffRecord, recordNo++);
    const bureau = bureauName.get(e.districtId) ?? '遂宁市住房和城乡建设局';
    if (x < GOOD_SHARE) {
      const type = r.pick(GOOD_RECORD_TYPES);
      const [issuer, text] =
        type === '业主书面表扬'
          ? [`${e.name}业主`, `${e.name}业主致感谢信，感谢其${r.pick(PRAISE)}`]
          : type === '行业协会表彰'
            ? ['遂宁市物业管理协会', `获评${occurred.slice(0, 4)}年度优秀物业服务从业人员`]
            : type === '政府部门表彰'
              ? [bureau, `获评${occurred.slice(0, 4)}年度物业服务先进个人`]
              : [companyOf(e.companyIdx).name, `在${e.name}${r.pick(PRAISE)}，表现突出`];
      out.records.add([id, practitionerId, 'good', type, occurred, issuer, text, companyId, e.id, 'approved', null, occurred, filed, decided, null, at(filed, 10).toISOString()]);
      return;
    }
    const approved = x < GOOD_SHARE + BAD_SHARE;
    out.records.add([id, practitionerId, 'bad', r.pick(BAD_RECORD_TYPES), occurred, bureau, r.pick(MISCONDUCT), companyId, e.id, approved ? 'approved' : 'submitted', ctx.bureauOf.get(e.districtId) ?? null, approved ? null : occurred, filed, approved ? decided : null, approved ? noticeCodeOf(KIND.staffRecord, recordNo) : null, at(filed, 10).toISOString()]);
  };

  for (let k = 0; k < estates.length; k++) {
    const e = estates[k];
    const company = companyOf(e.companyIdx);
    const r = new Rng(`${ctx.seed}:staff:${e.idx}`);
    staffPlan(r, e.type, e.households); // the same draws as teamSizes made: the stream continues after them
    let manager: { name: string; mobile: string } | null = null;
    for (const post of plans[k]) {
      const lead = post === '项目负责人' || post.endsWith('主管');
      const leadLatest = addDays(e.contractStart, 180);
      const latest = lead && leadLatest < latestActiveHire ? leadLatest : latestActiveHire;
      const p = newPerson(r, post, e.contractStart < latest ? e.contractStart : latest, latest);
      const { id, mobile } = person(r, p, 'active');
      if (!manager && post === '项目负责人') manager = { name: p.name, mobile };
      certificates(r, id, post, p);
      employment(id, company.id, e.id, post, p.hiredOn, null, 'current', null);
      if (r.chance(0.05)) {
        // An earlier job at another company's estate.
        const other = estates[r.int(0, estates.length - 1)];
        const prevEnd = addDays(p.hiredOn, -r.int(1, 20));
        const adult = addYears(p.birthDate, 18);
        const prevStart = addDays(prevEnd, -r.int(200, 1500));
        if (other.companyIdx !== e.companyIdx && prevStart > adult) {
          employment(id, companyOf(other.companyIdx).id, other.id, post, prevStart, prevEnd, 'ended', '调往其他物业服务企业');
        }
      }
      records(r, id, e, company.id, p);
    }
    for (let a = 0; a < archivedPer[k]; a++) {
      const post = r.pick(plans[k].slice(5));
      const p = newPerson(r, post ?? '保洁人员', e.contractStart, addDays(ctx.ref, -200));
      const { id } = person(r, p, 'archived');
      const end = r.date(addDays(p.hiredOn, 60), addDays(ctx.ref, -30));
      employment(id, company.id, e.id, post ?? '保洁人员', p.hiredOn, end, 'ended', '离职');
    }
    if (manager) {
      const updatedOn = r.date(addDays(ctx.ref, -400), addDays(ctx.ref, -10));
      const data = {
        managerName: manager.name,
        managerPhone: manager.mobile,
        complaintPhone: `0825-${r.pick(['2', '5', '6', '7', '8'])}${r.digits(6)}`,
        serviceContent: '公共区域秩序维护、保洁、绿化养护，共用部位和共用设施设备日常维修养护，车辆停放管理',
        serviceStandard: `《四川省住宅物业服务等级规范》${r.pick(['一', '二', '三', '四'])}级`,
        fees: [{ item: '物业服务费', standard: `${r.float(0.5, 2.5).toFixed(2)}元/㎡·月` }],
        elevatorMaintenance: { unit: r.pick(ELEVATOR_COMPANIES), contact: `0825-${r.digits(7)}` },
        fireMaintenance: { unit: r.pick(FIRE_COMPANIES), contact: `0825-${r.digits(7)}` },
        updatedOn,
      };
      out.boards.add([cityUuid(KIND.board, e.idx), e.id, company.id, 1, JSON.stringify(data), at(updatedOn, 14).toISOString()]);
    }
    while (out.practitioners.chunks.length) yield out.practitioners.chunks.shift()!;
  }
  summary.practitioners = n;
  summary.archived = archived;
  yield* out.practitioners.drain();
}
