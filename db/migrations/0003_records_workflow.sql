ALTER TYPE "public"."role" ADD VALUE 'street';--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "statement_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "corrections" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "notice_code" text;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_records" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "statement_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "reported_by" uuid;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "participants" text;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "corrections" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "notice_code" text;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_reported_by_organisations_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_records_queue_idx" ON "credit_records" USING btree ("status","category");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_records_notice_idx" ON "credit_records" USING btree ("notice_code");--> statement-breakpoint
CREATE INDEX "practitioner_records_queue_idx" ON "practitioner_records" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "practitioner_records_notice_idx" ON "practitioner_records" USING btree ("notice_code");