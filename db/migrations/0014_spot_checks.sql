-- 双随机抽查 (SN 25, CQ; SPEC §3.12; issue 17 items 6 and 8; docs/decisions/034-spot-checks.md): the inspector
-- roster, the draw's own columns (spot_checks existed unused since 0000: it has no rows, so defaults are harmless)
-- and the drawn items with their results. Published draws are public pages: their rows notify the page cache.
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"district_id" text REFERENCES "regions"("id"),
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "inspectors_active_idx" ON "inspectors" ("active", "district_id");--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "quarter" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "population" text DEFAULT 'estate' NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "district_id" text;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "seed_source" text DEFAULT 'random' NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE TABLE "spot_check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL REFERENCES "spot_checks"("id"),
	"rank" smallint NOT NULL,
	"project_id" uuid,
	"company_id" uuid,
	"district_id" text,
	"inspector_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_on" date,
	"checked_by" jsonb,
	"score" numeric(5, 2),
	"findings" text,
	"result_by" uuid,
	"result_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_items_rank_idx" ON "spot_check_items" ("spot_check_id", "rank");--> statement-breakpoint
CREATE INDEX "spot_check_items_district_idx" ON "spot_check_items" ("district_id");--> statement-breakpoint
-- The page cache (decision 021): a draw's page is tagged spotcheck:<id>; the list is tagged index.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT * FROM (VALUES
      ('spot_checks', 'SELECT ''spotcheck:'' || r.id FROM %1$I r'),
      ('spot_check_items', 'SELECT ''spotcheck:'' || r.spot_check_id FROM %1$I r')
    ) v(tbl, tpl)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_ins', r.tbl, r.tpl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS pc_old NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_upd', r.tbl, r.tpl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS pc_old FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_del', r.tbl, r.tpl);
  END LOOP;
END $$;
