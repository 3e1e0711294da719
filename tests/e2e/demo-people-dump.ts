/**
 * Prints, as JSON, the demo city's people as the server seeded them (run with tsx by demo-people.ts: the seed
 * builder imports JSON modules that Playwright's loader does not handle). The seed is deterministic, so the ids,
 * names, phones, birth dates and ID numbers are those of the server; the keys only change the ciphertext.
 */
import { buildDemo } from '../../db/seed/build';
import { decryptIdNumber, keysFromBase64 } from '../../lib/security/id-crypto';

const keys = keysFromBase64(Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64'));
const d = buildDemo({
  keys,
  passwordHashes: { city: 'x', chuanshan: 'x', shehong: 'x', company: 'x', company2: 'x', association: 'x', committee: 'x', department: 'x', street: 'x' },
});
process.stdout.write(
  JSON.stringify({
    companyId: d.facts.company.id,
    companyUscc: d.facts.company.uscc,
    company2Uscc: d.facts.company2.uscc,
    canaries: d.facts.canaries,
    chuanshanDistrictId: d.users.find((u) => u.username === 'chuanshan')!.districtId,
    projects: d.projects.map((p) => ({ id: p.id, districtId: p.districtId, currentCompanyId: p.currentCompanyId })),
    employments: d.employments.map((e) => ({ practitionerId: e.practitionerId, projectId: e.projectId, status: e.status, post: e.post })),
    practitioners: d.practitioners.map((p) => ({
      id: p.id,
      idNumber: decryptIdNumber(p.idNumberEnc, keys),
      name: p.name,
      mobile: p.mobile,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      nativePlace: p.nativePlace,
      politicalStatus: p.politicalStatus,
      education: p.education,
      school: p.school ?? null,
      status: p.status,
    })),
  }),
);
