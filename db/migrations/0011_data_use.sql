-- Data-use requests and grants (SN 20–21, SPEC §3.11; issue 17 item 1; decision 031). Views of a grant are audit
-- rows (`data_grant.viewed`), not rows here.
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"requester_user_id" uuid,
	"requester_org_id" uuid,
	"requester_company_id" uuid,
	"requester_practitioner_id" uuid,
	"requester_name" text NOT NULL,
	"project_id" uuid,
	"company_id" uuid,
	"district_id" text NOT NULL,
	"subjects" text DEFAULT 'all_current' NOT NULL,
	"requested_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"use_matter" text NOT NULL,
	"purpose" text NOT NULL,
	"scope_text" text NOT NULL,
	"letter_attachment_id" uuid,
	"letter_ref" text,
	"protection_promised" boolean DEFAULT false NOT NULL,
	"consent_by" uuid,
	"consent_at" timestamp with time zone,
	"consent_refusal" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"refusal_reason" text,
	"granted_practitioner_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"granted_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_on" date,
	"document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "data_requests_queue_idx" ON "data_requests" ("status", "district_id", "created_at");--> statement-breakpoint
CREATE INDEX "data_requests_company_idx" ON "data_requests" ("company_id", "status");--> statement-breakpoint
CREATE INDEX "data_requests_requester_org_idx" ON "data_requests" ("requester_org_id", "created_at");--> statement-breakpoint
CREATE INDEX "data_requests_requester_company_idx" ON "data_requests" ("requester_company_id", "created_at");--> statement-breakpoint
CREATE INDEX "data_requests_person_idx" ON "data_requests" ("requester_practitioner_id");--> statement-breakpoint
CREATE INDEX "data_requests_granted_idx" ON "data_requests" USING gin ("granted_practitioner_ids");
