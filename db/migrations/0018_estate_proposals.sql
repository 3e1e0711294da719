-- The first day of a real city (issue 18 item 1; docs/decisions/038-first-day-of-a-city.md): estates one by one.
-- A district proposes an estate in its district and the city confirms or returns it; the city and the district
-- edit an estate's basic fields under an optimistic lock (projects.version).
CREATE TABLE "estate_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" text NOT NULL REFERENCES "regions"("id"),
	"street_id" text REFERENCES "regions"("id"),
	"community_id" text REFERENCES "regions"("id"),
	"name" text NOT NULL,
	"address" text NOT NULL,
	"type" "project_type" NOT NULL,
	"households" integer NOT NULL,
	"floor_area" numeric(12, 2) NOT NULL,
	"has_owners_committee" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" uuid NOT NULL REFERENCES "users"("id"),
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"project_id" uuid REFERENCES "projects"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estate_proposals_status_check" CHECK ("status" IN ('pending', 'confirmed', 'returned'))
);--> statement-breakpoint
CREATE INDEX "estate_proposals_queue_idx" ON "estate_proposals" ("status", "district_id", "created_at");--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
