/** Practitioners (active, pending, archived), their certificates and employments, and the leak canaries. */
import type * as schema from '../schema';
import { idCheckChar } from '../../lib/domain/id-number';
import { protectIdNumber } from '../../lib/security/id-crypto';
import { BIRTH_YEARS, CERTIFICATE_SHARE, CERTIFICATES_BY_POST, COMMON_PLACES, EDUCATION_BY_POST, ETHNICITIES, MAJORS_BY_POST, MINORITY_PLACES, POLITICAL_STATUSES, SCHOOLS, SKILLS_BY_POST } from './names';
import { staffPlan } from './city/people';
import { CANARIES } from './canaries';
import { addDays, addYears, at, Rng } from './random';
import {
  maxDate,
  minDate,
  residential,
  type DemoFacts,
  type PersonInfo,
  type Post,
  type ProjectInfo,
  type Row,
  type SeedContext,
} from './context';
import type { Contracts } from './contracts';

export type Staff = ReturnType<typeof buildStaff>;

export function buildStaff(ctx: SeedContext, projects: ProjectInfo[], bannedId: string, contracts: Contracts) {
  const { data, root, uuid, REF, opts, personName, mobile } = ctx;
  const { bannedLost, contractsByProject } = contracts;
  const banned = { id: bannedId };

  const sRng = root.fork('staff');
  const usedIds = new Set<string>();
  const people: PersonInfo[] = [];
  const peopleById = new Map<string, PersonInfo>();

  const MALE_SHARE: Record<Post, number> = {
    项目负责人: 0.6,
    财务人员: 0.15,
    客服人员: 0.2,
    客服主管: 0.3,
    工程维修人员: 0.96,
    工程主管: 0.95,
    安保人员: 0.93,
    安保主管: 0.95,
    保洁人员: 0.15,
    绿化养护人员: 0.6,
    外包服务管理岗位: 0.5,
  };

  const newPerson = (post: Post, earliestHire: string, latestHire: string) => {
    const male = sRng.chance(MALE_SHARE[post]);
    const [y0, y1] = BIRTH_YEARS[post];
    // Hired adults only: the birth year leaves room for an 18th birthday before the latest hire date.
    const latestBirthYear = Math.min(y1, Number(latestHire.slice(0, 4)) - 19);
    const birthDate = sRng.date(`${y0}-01-01`, `${Math.max(y0, latestBirthYear)}-12-28`);
    const ethnicity = sRng.weighted(ETHNICITIES);
    const minority = MINORITY_PLACES.get(ethnicity);
    const place = minority && sRng.chance(0.6) ? sRng.pick(minority) : sRng.weighted(COMMON_PLACES);
    let idNumber = '';
    while (!idNumber || usedIds.has(idNumber)) {
      const seq2 = sRng.digits(2);
      const last = male ? sRng.pick(['1', '3', '5', '7', '9']) : sRng.pick(['0', '2', '4', '6', '8']);
      const first17 = `${place.code}${birthDate.replaceAll('-', '')}${seq2}${last}`;
      idNumber = first17 + idCheckChar(first17);
    }
    usedIds.add(idNumber);
    const education = sRng.weighted(EDUCATION_BY_POST[post]);
    let school: string | null = null;
    let major: string | null = null;
    if (education === '中专' || education === '大专' || education === '本科' || education === '硕士研究生') {
      school = sRng.pick(SCHOOLS[education]);
      major = sRng.pick(MAJORS_BY_POST[post]);
    }
    const age18 = addYears(birthDate, 18);
    const from = maxDate(earliestHire, age18);
    const hiredOn = from > latestHire ? latestHire : sRng.date(from, latestHire);
    const labourContractOn = sRng.chance(0.8) ? hiredOn : addDays(hiredOn, sRng.int(1, 7));
    const skills = sRng.sample(SKILLS_BY_POST[post], sRng.int(1, 3)).join('、');
    const name = personName(male, sRng);
    const political =
      (post === '客服人员' || post === '客服主管') && birthDate > '1994-01-01' && sRng.chance(0.25)
        ? '共青团员'
        : sRng.weighted(POLITICAL_STATUSES);
    return { male, birthDate, ethnicity, place, idNumber, education, school, major, hiredOn, labourContractOn, skills, name, political };
  };

  type NewPerson = ReturnType<typeof newPerson>;
  const pushPractitioner = (
    x: NewPerson,
    status: 'active' | 'pending' | 'archived',
    post: Post,
    companyId: string,
    projectId: string,
  ) => {
    const id = uuid();
    const enteredOn = minDate(addDays(x.labourContractOn, sRng.int(1, 9)), REF);
    const mob = mobile(sRng);
    data.practitioners.push({
      id,
      ...protectIdNumber(x.idNumber, opts.keys),
      name: x.name,
      gender: x.male ? '男' : '女',
      birthDate: x.birthDate,
      ethnicity: x.ethnicity,
      nativePlace: x.place.place,
      photoId: null,
      politicalStatus: x.political,
      mobile: mob,
      school: x.school,
      major: x.major,
      education: x.education,
      skills: x.skills,
      hiredOn: x.hiredOn,
      labourContractOn: x.labourContractOn,
      status,
      version: 1,
      createdAt: at(enteredOn, 10, sRng.int(0, 59)),
      updatedAt: at(enteredOn, 10, sRng.int(0, 59)),
    });
    // Certificates.
    const certs = CERTIFICATES_BY_POST[post];
    // Most holders renew in time; some certificates have lapsed.
    const validUntil = (issued: string, years: number) => {
      let k = 1;
      while (addDays(addYears(issued, years * k), -1) <= REF && sRng.chance(0.85)) k++;
      return addDays(addYears(issued, years * k), -1);
    };
    if (certs.length && sRng.chance(CERTIFICATE_SHARE[post] ?? 0)) {
      const n = certs.length > 1 && sRng.chance(0.35) ? 2 : 1;
      for (const [certName, issuer, prefix, years] of sRng.sample(certs, n)) {
        const issued = sRng.date(maxDate(addYears(x.birthDate, 19), addYears(x.hiredOn, -6)), minDate(addDays(x.hiredOn, 400), addDays(REF, -30)));
        const year = issued.slice(0, 4);
        data.certificates.push({
          id: uuid(),
          practitionerId: id,
          name: certName,
          number: prefix === 'T' ? `T5109${year}${sRng.digits(6)}` : `${prefix}${year}${sRng.digits(prefix.length > 3 ? 5 : 6)}`,
          issuer,
          validUntil: years ? validUntil(issued, years) : null,
        });
      }
    }
    const info: PersonInfo = { id, name: x.name, status, hiredOn: x.hiredOn, companyId, projectId, post, birthDate: x.birthDate };
    people.push(info);
    peopleById.set(id, info);
    return { id, mobile: mob };
  };

  const pushEmployment = (e: Row<typeof schema.employments>) => data.employments.push({ id: uuid(), ...e });

  const latestActiveHire = addDays(REF, -45);
  for (const p of projects) {
    for (const post of staffPlan(sRng, p.type, p.households)) {
      // Staff of a taken-over estate often stayed on: their earlier employment with the old company is kept.
      const stayedOn = bannedLost.includes(p) && sRng.chance(0.5);
      // The manager and the supervisors are appointed when the company takes the estate over.
      const lead = post === '项目负责人' || post.endsWith('主管');
      const latest = stayedOn ? p.contractStart : lead ? minDate(addDays(p.contractStart, 180), latestActiveHire) : latestActiveHire;
      const x = newPerson(post, p.contractStart, latest);
      const { id, mobile: mob } = pushPractitioner(x, 'active', post, p.companyId, p.id);
      p.staff.push({ practitionerId: id, post, name: x.name, mobile: mob, hiredOn: x.hiredOn });
      if (stayedOn) {
        const bannedContract = contractsByProject.get(p.id)!.find((k) => k.companyId === banned.id)!;
        const prevStart = maxDate(addYears(x.birthDate, 18), sRng.date(bannedContract.startDate, '2024-06-30'));
        pushEmployment({
          practitionerId: id,
          companyId: banned.id,
          projectId: p.id,
          post,
          startDate: prevStart,
          endDate: addDays(x.hiredOn, -1),
          status: 'ended',
          endReason: '原物业服务企业退出项目，随项目转入新企业',
          createdAt: at(prevStart, 10),
        });
      } else if (sRng.chance(0.05)) {
        // Transfer history: an earlier employment at another company.
        const prevEnd = addDays(x.hiredOn, -sRng.int(1, 20));
        const prevStart = maxDate(addYears(x.birthDate, 18), addDays(prevEnd, -sRng.int(200, 1500)));
        const candidates = projects.filter((q) => q.companyId !== p.companyId && q.contractStart <= prevStart);
        const q = candidates.length ? sRng.pick(candidates) : undefined;
        if (q && prevStart < prevEnd) {
          pushEmployment({
            practitionerId: id,
            companyId: q.companyId,
            projectId: q.id,
            post: sRng.chance(0.7) ? post : sRng.pick(['客服人员', '安保人员', '工程维修人员', '保洁人员'] as Post[]),
            startDate: prevStart,
            endDate: prevEnd,
            status: 'ended',
            endReason: '调往其他物业服务企业',
            createdAt: at(prevStart, 10),
          });
        }
      }
      pushEmployment({
        practitionerId: id,
        companyId: p.companyId,
        projectId: p.id,
        post,
        startDate: x.hiredOn,
        status: 'current',
        createdAt: at(x.hiredOn, 10),
      });
    }
  }
  const activeCount = people.length;

  // Pending entries (~3 %), each with its practitioner_entry submission.
  const pendingPeople: { person: PersonInfo; labourContractOn: string; project: ProjectInfo }[] = [];
  const pendingN = Math.round(activeCount * 0.031);
  const weightedProjects = projects.map((p) => [p, p.households] as const);
  for (let i = 0; i < pendingN; i++) {
    const p = sRng.weighted(weightedProjects);
    const post = sRng.weighted<Post>([
      ['客服人员', 3],
      ['工程维修人员', 2],
      ['安保人员', 4],
      ['保洁人员', 3],
      ['绿化养护人员', 1],
    ]);
    const x = newPerson(post, addDays(REF, -40), addDays(REF, -2));
    const { id } = pushPractitioner(x, 'pending', post, p.companyId, p.id);
    pushEmployment({ practitionerId: id, companyId: p.companyId, projectId: p.id, post, startDate: x.hiredOn, status: 'pending', createdAt: at(minDate(addDays(x.labourContractOn, 2), REF), 11) });
    pendingPeople.push({ person: peopleById.get(id)!, labourContractOn: x.labourContractOn, project: p });
  }

  // Archived (~3 %): left the industry; only ended employments.
  const archivedN = Math.round(activeCount * 0.031);
  const archivable = projects.filter((p) => p.contractStart <= '2025-06-30');
  for (let i = 0; i < archivedN; i++) {
    const p = sRng.pick(archivable);
    const post = sRng.weighted<Post>([
      ['客服人员', 2],
      ['工程维修人员', 2],
      ['安保人员', 4],
      ['保洁人员', 4],
      ['绿化养护人员', 1],
      ['财务人员', 0.5],
    ]);
    const companyId = p.companyId;
    const x = newPerson(post, p.contractStart, addDays(REF, -200));
    const { id } = pushPractitioner(x, 'archived', post, companyId, p.id);
    const endDate = sRng.date(addDays(x.hiredOn, 120), addDays(REF, -30));
    pushEmployment({ practitionerId: id, companyId, projectId: p.id, post, startDate: x.hiredOn, endDate, status: 'ended', endReason: '退出物业行业', createdAt: at(x.hiredOn, 10) });
    const last = data.practitioners[data.practitioners.length - 1];
    last.updatedAt = at(addDays(endDate, sRng.int(1, 6)), 15);
  }
  return { people, peopleById, usedIds, pendingPeople };
}

/**
 * Leak canaries (canaries.ts): three people with recognisable private values, current staff of three estates of
 * ordinary companies. Made last, with ids from their own generator and fixed values, so that nothing drawn above
 * changes: the rest of the city is the same with or without them.
 */
export function placeCanaries(
  ctx: SeedContext,
  projects: ProjectInfo[],
  usedIds: Set<string>,
  isOrdinaryCompany: (companyId: string) => boolean,
  avoid: (p: ProjectInfo) => boolean,
): DemoFacts['canaries'] {
  const { data, seed, opts, usedMobiles } = ctx;
  const canaryRng = new Rng(`canaries:${seed}`);
  const canaryFacts: DemoFacts['canaries'] = [];
  for (const c of CANARIES) {
    if (usedIds.has(c.idNumber) || usedMobiles.has(c.mobile)) throw new Error(`canary ${c.name} collides with a generated person`);
    usedIds.add(c.idNumber);
    usedMobiles.add(c.mobile);
    const estate = projects.findLast(
      (p) =>
        p.districtId === c.districtId &&
        residential(p) &&
        isOrdinaryCompany(p.companyId) &&
        !avoid(p) &&
        p.contractStart <= '2025-06-30' &&
        !canaryFacts.some((f) => f.projectId === p.id),
    );
    if (!estate) throw new Error(`no estate for canary ${c.name}`);
    const id = canaryRng.uuid();
    const hiredOn = maxDate(estate.contractStart, '2025-09-01');
    data.practitioners.push({
      id,
      ...protectIdNumber(c.idNumber, opts.keys),
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      ethnicity: c.ethnicity,
      nativePlace: c.nativePlace,
      photoId: null,
      politicalStatus: c.politicalStatus,
      mobile: c.mobile,
      school: c.school,
      major: c.major,
      education: c.education,
      skills: null,
      hiredOn,
      labourContractOn: hiredOn,
      status: 'active',
      version: 1,
      createdAt: at(addDays(hiredOn, 3), 10),
      updatedAt: at(addDays(hiredOn, 3), 10),
    });
    data.employments.push({
      id: canaryRng.uuid(),
      practitionerId: id,
      companyId: estate.companyId,
      projectId: estate.id,
      post: c.post,
      startDate: hiredOn,
      status: 'current',
      createdAt: at(hiredOn, 10),
    });
    canaryFacts.push({ name: c.name, practitionerId: id, projectId: estate.id, projectName: estate.name });
  }

  return canaryFacts;
}
