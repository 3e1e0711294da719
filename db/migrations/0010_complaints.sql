-- Owners' complaints and praise (SPEC §3.10; issue 16, item 1): `cases` of kind 'complaint' or 'praise'. The serving
-- company answers within the policy's working days (`due_on`), then the district decides (`decided_at`): the
-- handling time the statistics report is created_at → decided_at; answered_at keeps the company's part of it.
ALTER TABLE "cases" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "answered_by" uuid;--> statement-breakpoint
-- The company and district queues: open cases of one kind in a scope, oldest first.
CREATE INDEX "cases_queue_idx" ON "cases" ("kind", "status", "district_id", "created_at");--> statement-breakpoint
CREATE INDEX "cases_company_queue_idx" ON "cases" ("kind", "company_id", "status", "created_at");
