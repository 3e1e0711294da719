/**
 * Prints, as JSON, the credit records record-objections.spec.ts works on, as the server seeded them (run with tsx
 * like demo-people-dump.ts: the seed is deterministic, so the ids are the server's):
 * - `published`: a public 一般 warning record of a company that is not a demo account's, in 船山区;
 * - `own`: a public performance record of the demo company (`company`) in 船山区.
 */
import { buildDemo } from '../../db/seed/build';
import { defaultCreditPolicy } from '../../lib/domain/credit-policy';
import { creditRecordPhase, type CreditRecordFacts } from '../../lib/domain/records';
import { addMonths, toDateString } from '../../lib/domain/working-days';
import { keysFromBase64 } from '../../lib/security/id-crypto';

const keys = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
const d = buildDemo({
  keys,
  passwordHashes: { city: 'x', chuanshan: 'x', shehong: 'x', company: 'x', company2: 'x', association: 'x', committee: 'x', department: 'x', street: 'x' },
});
const today = toDateString(new Date());
const chuanshan = d.users.find((u) => u.username === 'chuanshan')!.districtId;
const demoCompanies = new Set([d.facts.company.id, d.facts.company2.id]);
const projectDistrict = new Map(d.projects.map((p) => [p.id, p.districtId]));
const companyName = new Map(d.companies.map((c) => [c.id, c.name]));
const companyUscc = new Map(d.companies.map((c) => [c.id, c.uscc]));
// Public today and for at least another month: the run does not cross a window's end.
const publicFor = (r: (typeof d.creditRecords)[number]) =>
  creditRecordPhase(r as CreditRecordFacts, today, defaultCreditPolicy) === 'public' && (!r.publicUntil || r.publicUntil > addMonths(today, 1));
const inChuanshan = (r: (typeof d.creditRecords)[number]) => !!r.projectId && projectDistrict.get(r.projectId) === chuanshan;
const sorted = [...d.creditRecords].sort((a, b) => a.id!.localeCompare(b.id!));
const published = sorted.find((r) => r.category === 'warning' && r.severity === '一般' && !r.isPenalty && !demoCompanies.has(r.companyId) && inChuanshan(r) && publicFor(r));
const own = sorted.find((r) => r.category === 'performance' && r.companyId === d.facts.company.id && inChuanshan(r) && publicFor(r));
if (!published || !own) throw new Error('no suitable credit records in the demo city');
const out = (r: typeof published) => ({ id: r.id, type: r.type, points: Number(r.points), companyName: companyName.get(r.companyId)!, companyUscc: companyUscc.get(r.companyId)! });
process.stdout.write(JSON.stringify({ published: out(published), own: out(own) }));
