CREATE TYPE "public"."case_status" AS ENUM('open', 'answered', 'verifying', 'upheld', 'corrected', 'dismissed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('draft', 'pending', 'confirmed', 'rejected', 'ended', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."credit_category" AS ENUM('basic', 'performance', 'warning');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('staff_badge', 'full_record', 'credit_report', 'risk_warning_letter', 'record_notice', 'criticism_notice', 'data_release');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('pending', 'current', 'ended', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."estate_rating" AS ENUM('优秀', '良好', '差');--> statement-breakpoint
CREATE TYPE "public"."filing_status" AS ENUM('draft', 'pending', 'approved', 'rejected', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."grade" AS ENUM('A', 'B', 'C', 'D');--> statement-breakpoint
CREATE TYPE "public"."list_kind" AS ENUM('red', 'black');--> statement-breakpoint
CREATE TYPE "public"."list_status" AS ENUM('active', 'rectifying', 'removed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('city_bureau', 'district_bureau', 'street_office', 'community', 'association', 'department', 'owners_committee');--> statement-breakpoint
CREATE TYPE "public"."post" AS ENUM('项目负责人', '财务人员', '客服人员', '客服主管', '工程维修人员', '工程主管', '安保人员', '安保主管', '保洁人员', '绿化养护人员', '外包服务管理岗位');--> statement-breakpoint
CREATE TYPE "public"."practitioner_status" AS ENUM('pending', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."project_type" AS ENUM('住宅', '商业', '办公', '安置小区', '老旧小区');--> statement-breakpoint
CREATE TYPE "public"."record_kind" AS ENUM('good', 'bad');--> statement-breakpoint
CREATE TYPE "public"."record_status" AS ENUM('submitted', 'approved', 'rejected', 'withdrawn', 'corrected', 'repaired');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('city', 'district', 'street', 'community');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('city', 'district', 'company', 'association', 'committee', 'department');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('轻微', '一般', '严重');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."submission_type" AS ENUM('company_filing', 'company_change', 'contract', 'non_renewal_notice', 'early_exit', 'disclosure_board', 'practitioner_entry', 'practitioner_update', 'post_change', 'transfer', 'exit', 're_entry', 'good_record', 'bad_report', 'performance_record', 'warning_record', 'credit_repair', 'data_request', 'rectification_answer', 'rectification_inspection');--> statement-breakpoint
CREATE TYPE "public"."veto_type" AS ENUM('未备案参与招投标', '合同期内无正当理由撤离', '引发重大群体性或越级上访', '其他严重行为');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"region_id" text,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"level" "region_level" NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"company_id" uuid,
	"district_id" text,
	"organisation_id" uuid,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"sessions_valid_after" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"registered_capital" numeric(14, 2) NOT NULL,
	"legal_representative" text NOT NULL,
	"contact_phone" text NOT NULL,
	"district_id" text,
	"filing_status" "filing_status" DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"banned_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_managers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"qualification" text
);
--> statement-breakpoint
CREATE TABLE "company_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"district_id" text NOT NULL,
	"street_id" text,
	"community_id" text,
	"type" "project_type" NOT NULL,
	"households" integer NOT NULL,
	"floor_area" numeric(12, 2) NOT NULL,
	"has_owners_committee" boolean DEFAULT false NOT NULL,
	"current_company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"annual_fees" numeric(14, 2) NOT NULL,
	"bond_amount" numeric(14, 2) NOT NULL,
	"status" "contract_status" DEFAULT 'draft' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"non_renewal_notice_on" date,
	"exited_on" date,
	"exit_reason" text,
	"handover_done" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_until" date
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"post" "post" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" "employment_status" DEFAULT 'pending' NOT NULL,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practitioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text NOT NULL,
	"native_place" text NOT NULL,
	"photo_id" uuid,
	"political_status" text NOT NULL,
	"mobile" text NOT NULL,
	"school" text,
	"major" text,
	"education" text NOT NULL,
	"skills" text,
	"hired_on" date NOT NULL,
	"labour_contract_on" date NOT NULL,
	"status" "practitioner_status" DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"score" numeric(6, 2),
	"grade" "grade" NOT NULL,
	"vetoed" boolean DEFAULT false NOT NULL,
	"breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"policy_version" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "company_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"flag" text NOT NULL,
	"reason" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"category" "credit_category" NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"proposed_points" numeric(6, 2),
	"points" numeric(6, 2),
	"severity" "severity",
	"is_penalty" boolean DEFAULT false NOT NULL,
	"decision_on" date,
	"veto_type" "veto_type",
	"status" "record_status" DEFAULT 'submitted' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"published_on" date,
	"min_public_until" date,
	"public_until" date,
	"repaired_on" date,
	"statement" text,
	"reported_by" uuid,
	"policy_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "estate_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"inspection_score" numeric(5, 2) NOT NULL,
	"rating" "estate_rating" NOT NULL,
	"rated_by" uuid,
	"policy_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"list" "list_kind" NOT NULL,
	"reason" text NOT NULL,
	"rule" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"status" "list_status" DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"source_record_id" uuid,
	"policy_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"event" text NOT NULL,
	"detail" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practitioner_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"kind" "record_kind" NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"issuer" text NOT NULL,
	"description" text NOT NULL,
	"company_id" uuid,
	"project_id" uuid,
	"status" "record_status" DEFAULT 'submitted' NOT NULL,
	"statement" text,
	"public_until" date,
	"submission_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"ip" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"tracking_code" text NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"company_id" uuid,
	"project_id" uuid,
	"district_id" text,
	"filer_name" text NOT NULL,
	"filer_phone" text NOT NULL,
	"filer_user_id" uuid,
	"body" text NOT NULL,
	"answer" text,
	"decision" text,
	"due_on" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" "document_kind" NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" date,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"company_id" uuid,
	"practitioner_id" uuid,
	"district_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"related_type" text,
	"related_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roster_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"seed" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "submission_type" NOT NULL,
	"status" "submission_status" DEFAULT 'draft' NOT NULL,
	"company_id" uuid,
	"district_id" text,
	"project_id" uuid,
	"subject_type" text,
	"subject_id" uuid,
	"payload" jsonb NOT NULL,
	"base_version" integer,
	"due_on" date,
	"decide_by" date,
	"priority" integer DEFAULT 0 NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_district_id_regions_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_district_id_regions_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_managers" ADD CONSTRAINT "company_managers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_versions" ADD CONSTRAINT "company_versions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_boards" ADD CONSTRAINT "disclosure_boards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_boards" ADD CONSTRAINT "disclosure_boards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_district_id_regions_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_street_id_regions_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_community_id_regions_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_current_company_id_companies_id_fk" FOREIGN KEY ("current_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contracts" ADD CONSTRAINT "service_contracts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_flags" ADD CONSTRAINT "company_flags_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_flags" ADD CONSTRAINT "company_flags_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_reported_by_organisations_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_ratings" ADD CONSTRAINT "estate_ratings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_ratings" ADD CONSTRAINT "estate_ratings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_ratings" ADD CONSTRAINT "estate_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate_ratings" ADD CONSTRAINT "estate_ratings_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entries" ADD CONSTRAINT "list_entries_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_events" ADD CONSTRAINT "list_events_entry_id_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."list_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_events" ADD CONSTRAINT "list_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_publications" ADD CONSTRAINT "rating_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_lookup_idx" ON "login_attempts" USING btree ("username","ip","at");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_company_idx" ON "users" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_uscc_idx" ON "companies" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "companies_district_idx" ON "companies" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "company_managers_company_idx" ON "company_managers" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_versions_idx" ON "company_versions" USING btree ("company_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_boards_version_idx" ON "disclosure_boards" USING btree ("project_id","version");--> statement-breakpoint
CREATE INDEX "projects_district_idx" ON "projects" USING btree ("district_id","street_id");--> statement-breakpoint
CREATE INDEX "projects_company_idx" ON "projects" USING btree ("current_company_id");--> statement-breakpoint
CREATE INDEX "service_contracts_project_idx" ON "service_contracts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "service_contracts_company_idx" ON "service_contracts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "certificates_practitioner_idx" ON "certificates" USING btree ("practitioner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employments_one_current_idx" ON "employments" USING btree ("practitioner_id") WHERE status = 'current';--> statement-breakpoint
CREATE INDEX "employments_project_idx" ON "employments" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "employments_company_idx" ON "employments" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "employments_practitioner_idx" ON "employments" USING btree ("practitioner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "practitioners_id_hash_idx" ON "practitioners" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "practitioners_status_idx" ON "practitioners" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_evaluations_idx" ON "annual_evaluations" USING btree ("company_id","year");--> statement-breakpoint
CREATE INDEX "company_flags_company_idx" ON "company_flags" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "credit_records_company_idx" ON "credit_records" USING btree ("company_id","category","status");--> statement-breakpoint
CREATE UNIQUE INDEX "estate_ratings_quarter_idx" ON "estate_ratings" USING btree ("project_id","year","quarter");--> statement-breakpoint
CREATE INDEX "list_entries_list_idx" ON "list_entries" USING btree ("list","status","since");--> statement-breakpoint
CREATE INDEX "list_entries_company_idx" ON "list_entries" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "list_events_at_idx" ON "list_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "list_events_company_idx" ON "list_events" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "practitioner_records_subject_idx" ON "practitioner_records" USING btree ("practitioner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_publications_idx" ON "rating_publications" USING btree ("year","quarter");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "audit_events_object_idx" ON "audit_events" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_tracking_idx" ON "cases" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "cases_subject_idx" ON "cases" USING btree ("subject_type","subject_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_code_idx" ON "documents" USING btree ("code");--> statement-breakpoint
CREATE INDEX "documents_subject_idx" ON "documents" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "notices_company_idx" ON "notices" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_verifications_idx" ON "roster_verifications" USING btree ("project_id","year");--> statement-breakpoint
CREATE INDEX "submissions_queue_idx" ON "submissions" USING btree ("status","district_id","type");--> statement-breakpoint
CREATE INDEX "submissions_company_idx" ON "submissions" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_idempotency_idx" ON "submissions" USING btree ("idempotency_key");