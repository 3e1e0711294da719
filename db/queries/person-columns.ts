import { practitioners } from '@/db/schema';

/**
 * The columns of a person's record that can change with a new job: what a receiving company brings up to date
 * (lib/validation/practitioner.ts `changeableFields`), read for the form, the audit row and a handler's comparison.
 */
export const changeableColumns = {
  politicalStatus: practitioners.politicalStatus,
  mobile: practitioners.mobile,
  school: practitioners.school,
  major: practitioners.major,
  education: practitioners.education,
  skills: practitioners.skills,
};
