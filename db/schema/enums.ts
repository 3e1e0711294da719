import { pgEnum } from 'drizzle-orm/pg-core';
import { POSTS } from '../../lib/domain/posts';

export const regionLevel = pgEnum('region_level', ['city', 'district', 'street', 'community']);

/** `street`: a street office (街道办事处) or a community (社区居民委员会), scoped to its own street or community. */
export const role = pgEnum('role', ['city', 'district', 'company', 'association', 'committee', 'department', 'street']);

export const organisationKind = pgEnum('organisation_kind', [
  'city_bureau',
  'district_bureau',
  'street_office',
  'community',
  'association',
  'department',
  'owners_committee',
]);

export const filingStatus = pgEnum('filing_status', ['draft', 'pending', 'approved', 'rejected', 'revoked']);

export const projectType = pgEnum('project_type', ['住宅', '商业', '办公', '安置小区', '老旧小区']);

export const contractStatus = pgEnum('contract_status', [
  'draft',
  'pending',
  'confirmed',
  'rejected',
  'ended',
  'terminated',
]);

export const practitionerStatus = pgEnum('practitioner_status', ['pending', 'active', 'archived']);

/** SN 2, SN 19 (lib/domain/posts.ts). */
export const post = pgEnum('post', POSTS);

export const employmentStatus = pgEnum('employment_status', ['pending', 'current', 'ended', 'rejected']);

export const recordKind = pgEnum('record_kind', ['good', 'bad']);

export const recordStatus = pgEnum('record_status', [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'corrected',
  'repaired',
]);

/** DW 4. */
export const creditCategory = pgEnum('credit_category', ['basic', 'performance', 'warning']);

/** National credit-repair model. */
export const severity = pgEnum('severity', ['轻微', '一般', '严重']);

export const estateRating = pgEnum('estate_rating', ['优秀', '良好', '差']);

export const grade = pgEnum('grade', ['A', 'B', 'C', 'D']);

export const listKind = pgEnum('list_kind', ['red', 'black']);

export const listStatus = pgEnum('list_status', ['active', 'rectifying', 'removed', 'expired']);

/** DW 11. */
export const vetoType = pgEnum('veto_type', ['未备案参与招投标', '合同期内无正当理由撤离', '引发重大群体性或越级上访', '其他严重行为']);

export const submissionType = pgEnum('submission_type', [
  'company_filing',
  'company_change',
  'contract',
  'non_renewal_notice',
  'early_exit',
  'disclosure_board',
  'practitioner_entry',
  'practitioner_update',
  'post_change',
  'transfer',
  'exit',
  're_entry',
  'good_record',
  'bad_report',
  'performance_record',
  'warning_record',
  'credit_repair',
  'data_request',
  'rectification_answer',
  'rectification_inspection',
]);

export const submissionStatus = pgEnum('submission_status', [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
]);

export const caseStatus = pgEnum('case_status', ['open', 'answered', 'verifying', 'upheld', 'corrected', 'dismissed', 'closed']);

export const documentKind = pgEnum('document_kind', [
  'staff_badge',
  'full_record',
  'credit_report',
  'risk_warning_letter',
  'record_notice',
  'criticism_notice',
  'data_release',
]);
