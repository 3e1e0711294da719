-- Staff lateness names the credit-policy version it was measured under (issue 15, item 6): a staff record's filing
-- lateness (SN 12: good records, SN 14: reports) is counted with the limits of the version in force when it was
-- filed, not with whatever the current version says; a staff entry's or move's deadline keeps its version too.
ALTER TABLE "practitioner_records" ADD COLUMN "policy_version" integer;--> statement-breakpoint
ALTER TABLE "practitioner_records" ADD CONSTRAINT "practitioner_records_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "policy_version" integer;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_policy_version_credit_policies_version_fk" FOREIGN KEY ("policy_version") REFERENCES "public"."credit_policies"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Rows filed before: the version that was in force when they were made (none before the first saved version).
UPDATE "practitioner_records" r SET "policy_version" = (SELECT max(p."version") FROM "credit_policies" p WHERE p."created_at" <= r."created_at");--> statement-breakpoint
UPDATE "submissions" s SET "policy_version" = (SELECT max(p."version") FROM "credit_policies" p WHERE p."created_at" <= s."created_at")
  WHERE s."type" IN ('practitioner_entry', 'post_change', 'transfer', 're_entry') AND s."due_on" IS NOT NULL;
