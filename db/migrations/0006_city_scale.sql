-- City scale (docs/decisions/020-city-scale-data.md). The character bigrams of the searched text are stored in
-- generated columns (PostgreSQL 12+, and PGlite), not recomputed from an expression: a two-character query is then
-- answered by the GIN index alone (bigram containment is exactly "contains these two characters", so no ILIKE
-- over thousands of matches), and a plan that walks the name order checks a stored array instead of calling
-- cjk_bigrams() per row. The columns are not in the drizzle schema (db/queries/search.ts names them), so that
-- whole-row selects, DTOs and audit rows do not carry them.
ALTER TABLE "projects" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams("name" || ' ' || "address")) STORED;
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "name_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams("name")) STORED;
--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "name_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams("name")) STORED;
--> statement-breakpoint
DROP INDEX IF EXISTS "projects_search_bigrams_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "companies_name_bigrams_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "practitioners_name_bigrams_idx";
--> statement-breakpoint
CREATE INDEX "projects_search_bigrams_gin" ON "projects" USING gin ("search_bigrams");
--> statement-breakpoint
CREATE INDEX "companies_name_bigrams_gin" ON "companies" USING gin ("name_bigrams");
--> statement-breakpoint
-- The public searches see approved companies only: a partial index answers their count without the heap's filing_status.
CREATE INDEX "companies_approved_name_bigrams_gin" ON "companies" USING gin ("name_bigrams") WHERE "filing_status" = 'approved';
--> statement-breakpoint
CREATE INDEX "practitioners_name_bigrams_gin" ON "practitioners" USING gin ("name_bigrams");
--> statement-breakpoint
-- Result pages are ordered by name: for a common term the planner walks these instead of sorting every match.
-- They carry the bigrams and the filters' columns, so that the walk reads the index only (index-only scan) and the
-- page's rows are fetched by id afterwards (searchPublicProjects, searchPublicCompanies).
CREATE INDEX "projects_name_idx" ON "projects" USING btree ("name", "id") INCLUDE ("search_bigrams", "district_id", "street_id");
--> statement-breakpoint
CREATE INDEX "companies_approved_name_idx" ON "companies" USING btree ("name", "uscc") INCLUDE ("name_bigrams", "district_id") WHERE "filing_status" = 'approved';
--> statement-breakpoint
CREATE INDEX "practitioners_name_idx" ON "practitioners" USING btree ("name", "id");
