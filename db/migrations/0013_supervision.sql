-- Supervision (SPEC §3.12; issue 17 items 4 and 5). The annual roster verification (SN 23) gains what a district
-- clerk records: the items checked, the discrepancies, the follow-up, a version for amendments.
ALTER TABLE "roster_verifications" ADD COLUMN "district_id" text;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "verified_on" date;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "checks" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "discrepancy_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "discrepancies" text;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "follow_up" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "roster_verifications" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "roster_verifications_district_idx" ON "roster_verifications" ("district_id", "year");--> statement-breakpoint
-- Rectification orders (SN 24): deadline, the company's answers, the district's acceptance; overdue → 通报批评
-- (public on the company's profile for its window) and 约谈.
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"district_id" text NOT NULL,
	"ground" text NOT NULL,
	"facts" text NOT NULL,
	"project_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"verification_id" uuid,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_at" timestamp with time zone,
	"return_reason" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"criticized_on" date,
	"criticism_until" date,
	"criticism_text" text,
	"criticism_code" text,
	"interview" jsonb,
	"interview_recorded_by" uuid,
	"issued_by" uuid,
	"policy_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "rectification_orders_company_idx" ON "rectification_orders" ("company_id", "status");--> statement-breakpoint
CREATE INDEX "rectification_orders_district_idx" ON "rectification_orders" ("district_id", "status", "due_on");--> statement-breakpoint
-- The criticism shows on the company's public profile: its cached page learns of any change (0007's triggers).
CREATE TRIGGER "rectification_orders_public_cache_ins" AFTER INSERT ON "rectification_orders" REFERENCING NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows('SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON c.id = r.company_id');--> statement-breakpoint
CREATE TRIGGER "rectification_orders_public_cache_upd" AFTER UPDATE ON "rectification_orders" REFERENCING OLD TABLE AS pc_old NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows('SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON c.id = r.company_id');--> statement-breakpoint
CREATE TRIGGER "rectification_orders_public_cache_del" AFTER DELETE ON "rectification_orders" REFERENCING OLD TABLE AS pc_old FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows('SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON c.id = r.company_id');
