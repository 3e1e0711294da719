/**
 * One person of the city-scale data: a realistic Chinese name, birth date, birthplace, ID number, schooling
 * and skills for their post, drawn like the demo city draws them (db/seed/build.ts).
 */
import type { post } from '../../schema';
import { BIRTH_YEARS, COMMON_PLACES, EDUCATION_BY_POST, type Education, ETHNICITIES, GIVEN_FEMALE, GIVEN_MALE, MAJORS_BY_POST, MINORITY_PLACES, POLITICAL_STATUSES, SCHOOLS, SKILLS_BY_POST, SURNAMES } from '../names';
import { addDays, addYears, Rng } from '../random';

export type Post = (typeof post.enumValues)[number];

export function personName(r: Rng, male: boolean): string {
  const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
  const given = r.chance(0.72) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
  return r.weighted(SURNAMES) + given;
}

const MALE_SHARE: Record<Post, number> = {
  项目负责人: 0.6,
  财务人员: 0.2,
  客服人员: 0.2,
  客服主管: 0.3,
  工程维修人员: 0.95,
  工程主管: 0.95,
  安保人员: 0.92,
  安保主管: 0.9,
  保洁人员: 0.2,
  绿化养护人员: 0.6,
  外包服务管理岗位: 0.5,
};

export interface Person {
  male: boolean;
  name: string;
  birthDate: string;
  ethnicity: string;
  placeCode: string;
  place: string;
  /** 0..999; the ID number's sequence digits (odd last digit for men). */
  seq: number;
  education: Education;
  school: string | null;
  major: string | null;
  skills: string;
  political: string;
  hiredOn: string;
  labourContractOn: string;
}

/** A person for a post, hired between the two dates (never before their 18th birthday). */
export function newPerson(r: Rng, post: Post, earliestHire: string, latestHire: string): Person {
  const male = r.chance(MALE_SHARE[post]);
  const [y0, y1] = BIRTH_YEARS[post];
  const latestBirthYear = Math.min(y1, Number(latestHire.slice(0, 4)) - 19);
  const birthDate = r.date(`${y0}-01-01`, `${Math.max(y0, latestBirthYear)}-12-28`);
  const ethnicity = r.weighted(ETHNICITIES);
  const minority = MINORITY_PLACES.get(ethnicity);
  const place = minority && r.chance(0.6) ? r.pick(minority) : r.weighted(COMMON_PLACES);
  const seq = r.int(0, 499) * 2 + (male ? 1 : 0);
  const education = r.weighted(EDUCATION_BY_POST[post]);
  let school: string | null = null;
  let major: string | null = null;
  if (education === '中专' || education === '大专' || education === '本科' || education === '硕士研究生') {
    school = r.pick(SCHOOLS[education]);
    major = r.pick(MAJORS_BY_POST[post]);
  }
  const age18 = addYears(birthDate, 18);
  const from = earliestHire > age18 ? earliestHire : age18;
  const hiredOn = from > latestHire ? latestHire : r.date(from, latestHire);
  const labourContractOn = r.chance(0.8) ? hiredOn : addDays(hiredOn, r.int(1, 7));
  const skills = r.sample(SKILLS_BY_POST[post], r.int(1, 3)).join('、');
  const name = personName(r, male);
  const political = (post === '客服人员' || post === '客服主管') && birthDate > '1994-01-01' && r.chance(0.25) ? '共青团员' : r.weighted(POLITICAL_STATUSES);
  return { male, name, birthDate, ethnicity, placeCode: place.code, place: place.place, seq, education, school, major, skills, political, hiredOn, labourContractOn };
}

/** The posts of an estate's team, as the demo city staffs one (manager and supervisors first). */
export function staffPlan(r: Rng, type: string, households: number): Post[] {
  const h = households;
  const posts: Post[] = ['项目负责人', '客服主管', '工程主管', '安保主管', '财务人员'];
  const add = (post: Post, n: number) => {
    for (let i = 0; i < n; i++) posts.push(post);
  };
  const jitter = () => r.int(-1, 1);
  if (type === '商业' || type === '办公') {
    add('客服人员', 1 + Math.floor(h / 400));
    add('工程维修人员', Math.max(1, 2 + Math.floor(h / 350) + jitter()));
    add('安保人员', Math.max(2, 3 + Math.floor(h / 200) + jitter()));
    add('保洁人员', Math.max(1, 2 + Math.floor(h / 250) + jitter()));
  } else {
    add('客服人员', Math.max(1, 1 + Math.floor(h / 800) + jitter()));
    add('工程维修人员', Math.max(1, 1 + Math.floor(h / 600) + jitter()));
    add('安保人员', Math.max(2, 2 + Math.floor(h / 320) + jitter()));
    add('保洁人员', Math.max(1, 1 + Math.floor(h / 320) + jitter()));
    add('绿化养护人员', type === '老旧小区' ? (r.chance(0.4) ? 1 : 0) : Math.max(1, 1 + Math.floor(h / 1500)));
  }
  if (r.chance(0.12)) add('外包服务管理岗位', 1);
  return posts;
}
