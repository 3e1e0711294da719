-- Two-character search at city scale (docs/decisions/023-search-postings.md). A two-character query is one bigram;
-- its matches are kept, in the order the result pages show them, in posting tables keyed (bigram, sort key…), and
-- their number in count tables keyed (bigram, district). Triggers keep both in step with the searched tables in
-- the same transaction, so a page is one btree range read from its start and a count is one row, whatever the
-- number of matches. The bigrams are the stored columns of 0006 (cjk_bigrams, distinct, lowercased), so a posting
-- exists exactly when `bigrams @> cjk_bigrams(q)` holds. Queries of other lengths keep the GIN/ILIKE paths.
--
-- Estates (/projects, /search): every estate, by bigram of name || ' ' || address.
CREATE TABLE "project_search_postings" (
  "bigram" text NOT NULL,
  "name" text NOT NULL,
  "id" uuid NOT NULL,
  "district_id" text NOT NULL,
  "street_id" text,
  CONSTRAINT "project_search_postings_pkey" PRIMARY KEY ("bigram", "name", "id") INCLUDE ("district_id", "street_id")
);
--> statement-breakpoint
CREATE INDEX "project_search_postings_district_idx" ON "project_search_postings" ("bigram", "district_id", "name", "id") INCLUDE ("street_id");
--> statement-breakpoint
-- district_id '' counts the whole city.
CREATE TABLE "project_search_counts" (
  "bigram" text NOT NULL,
  "district_id" text NOT NULL,
  "n" integer NOT NULL,
  CONSTRAINT "project_search_counts_pkey" PRIMARY KEY ("bigram", "district_id")
);
--> statement-breakpoint
-- Companies (/companies, /search): approved companies only (what the public searches show), by bigram of name.
CREATE TABLE "company_search_postings" (
  "bigram" text NOT NULL,
  "name" text NOT NULL,
  "uscc" text NOT NULL,
  "id" uuid NOT NULL,
  "district_id" text,
  CONSTRAINT "company_search_postings_pkey" PRIMARY KEY ("bigram", "name", "uscc") INCLUDE ("id", "district_id")
);
--> statement-breakpoint
CREATE INDEX "company_search_postings_district_idx" ON "company_search_postings" ("bigram", "district_id", "name", "uscc") INCLUDE ("id");
--> statement-breakpoint
CREATE TABLE "company_search_counts" (
  "bigram" text NOT NULL,
  "district_id" text NOT NULL,
  "n" integer NOT NULL,
  CONSTRAINT "company_search_counts_pkey" PRIMARY KEY ("bigram", "district_id")
);
--> statement-breakpoint
-- Staff (the bureau's and companies' staff search): current employments (with an estate) of active practitioners,
-- by bigram of the person's name, in the search's order (name, estate name, person) with the scope's columns.
CREATE TABLE "staff_search_postings" (
  "bigram" text NOT NULL,
  "name" text NOT NULL,
  "project_name" text NOT NULL,
  "practitioner_id" uuid NOT NULL,
  "project_id" uuid NOT NULL,
  "company_id" uuid NOT NULL,
  "district_id" text NOT NULL,
  "street_id" text,
  "community_id" text,
  CONSTRAINT "staff_search_postings_pkey" PRIMARY KEY ("bigram", "name", "project_name", "practitioner_id")
    INCLUDE ("project_id", "company_id", "district_id", "street_id", "community_id")
);
--> statement-breakpoint
CREATE INDEX "staff_search_postings_practitioner_idx" ON "staff_search_postings" ("practitioner_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_b text[] := '{}';
  new_b text[] := '{}';
  old_d text;
  new_d text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_b := OLD.search_bigrams;
    old_d := OLD.district_id;
    DELETE FROM project_search_postings p USING unnest(old_b) b(bigram)
     WHERE p.bigram = b.bigram AND p.name = OLD.name AND p.id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_b := NEW.search_bigrams;
    new_d := NEW.district_id;
    INSERT INTO project_search_postings (bigram, name, id, district_id, street_id)
    SELECT b, NEW.name, NEW.id, NEW.district_id, NEW.street_id FROM unnest(new_b) b;
  END IF;
  -- In key order, so that two transactions take the count rows' locks in the same order.
  INSERT INTO project_search_counts AS c (bigram, district_id, n)
  SELECT x.bigram, x.district_id, sum(x.delta)::int FROM (
    SELECT b AS bigram, d AS district_id, -1 AS delta FROM unnest(old_b) b, unnest(ARRAY['', old_d]) d WHERE d IS NOT NULL
    UNION ALL
    SELECT b, d, 1 FROM unnest(new_b) b, unnest(ARRAY['', new_d]) d WHERE d IS NOT NULL
  ) x GROUP BY x.bigram, x.district_id HAVING sum(x.delta) <> 0 ORDER BY x.bigram, x.district_id
  ON CONFLICT (bigram, district_id) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "project_search_sync" AFTER INSERT OR DELETE ON "projects" FOR EACH ROW EXECUTE FUNCTION project_search_sync();
--> statement-breakpoint
CREATE TRIGGER "project_search_sync_update" AFTER UPDATE OF "name", "address", "district_id", "street_id" ON "projects" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.address IS DISTINCT FROM NEW.address
    OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.street_id IS DISTINCT FROM NEW.street_id)
  EXECUTE FUNCTION project_search_sync();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION company_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_b text[] := '{}';
  new_b text[] := '{}';
  old_d text;
  new_d text;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.filing_status = 'approved' THEN
    old_b := OLD.name_bigrams;
    old_d := OLD.district_id;
    DELETE FROM company_search_postings p USING unnest(old_b) b(bigram)
     WHERE p.bigram = b.bigram AND p.name = OLD.name AND p.uscc = OLD.uscc;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.filing_status = 'approved' THEN
    new_b := NEW.name_bigrams;
    new_d := NEW.district_id;
    INSERT INTO company_search_postings (bigram, name, uscc, id, district_id)
    SELECT b, NEW.name, NEW.uscc, NEW.id, NEW.district_id FROM unnest(new_b) b;
  END IF;
  INSERT INTO company_search_counts AS c (bigram, district_id, n)
  SELECT x.bigram, x.district_id, sum(x.delta)::int FROM (
    SELECT b AS bigram, d AS district_id, -1 AS delta FROM unnest(old_b) b, unnest(ARRAY['', old_d]) d WHERE d IS NOT NULL
    UNION ALL
    SELECT b, d, 1 FROM unnest(new_b) b, unnest(ARRAY['', new_d]) d WHERE d IS NOT NULL
  ) x GROUP BY x.bigram, x.district_id HAVING sum(x.delta) <> 0 ORDER BY x.bigram, x.district_id
  ON CONFLICT (bigram, district_id) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "company_search_sync" AFTER INSERT OR DELETE ON "companies" FOR EACH ROW EXECUTE FUNCTION company_search_sync();
--> statement-breakpoint
CREATE TRIGGER "company_search_sync_update" AFTER UPDATE OF "name", "uscc", "district_id", "filing_status" ON "companies" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.uscc IS DISTINCT FROM NEW.uscc
    OR OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.filing_status IS DISTINCT FROM NEW.filing_status)
  EXECUTE FUNCTION company_search_sync();
--> statement-breakpoint
-- A person's staff postings, recomputed from the tables (one current employment a person at most).
CREATE OR REPLACE FUNCTION staff_search_refresh(pids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pids IS NULL OR cardinality(pids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM staff_search_postings WHERE practitioner_id = ANY (pids);
  INSERT INTO staff_search_postings (bigram, name, project_name, practitioner_id, project_id, company_id, district_id, street_id, community_id)
  SELECT b, p.name, pr.name, p.id, pr.id, e.company_id, pr.district_id, pr.street_id, pr.community_id
    FROM employments e
    JOIN practitioners p ON p.id = e.practitioner_id
    JOIN projects pr ON pr.id = e.project_id
    CROSS JOIN LATERAL unnest(p.name_bigrams) b
   WHERE e.practitioner_id = ANY (pids) AND e.status = 'current' AND p.status = 'active';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION staff_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'employments' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM staff_search_refresh(ARRAY[NEW.practitioner_id]);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM staff_search_refresh(ARRAY[OLD.practitioner_id]);
    ELSE
      PERFORM staff_search_refresh(ARRAY[OLD.practitioner_id, NEW.practitioner_id]);
    END IF;
  ELSIF TG_TABLE_NAME = 'practitioners' THEN
    PERFORM staff_search_refresh(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'projects' THEN
    PERFORM staff_search_refresh(ARRAY(SELECT e.practitioner_id FROM employments e WHERE e.project_id = NEW.id AND e.status = 'current'));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "staff_search_sync" AFTER INSERT OR DELETE ON "employments" FOR EACH ROW EXECUTE FUNCTION staff_search_sync();
--> statement-breakpoint
CREATE TRIGGER "staff_search_sync_update" AFTER UPDATE OF "status", "practitioner_id", "project_id", "company_id" ON "employments" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.practitioner_id IS DISTINCT FROM NEW.practitioner_id
    OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
  EXECUTE FUNCTION staff_search_sync();
--> statement-breakpoint
CREATE TRIGGER "staff_search_sync_person" AFTER UPDATE OF "name", "status" ON "practitioners" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION staff_search_sync();
--> statement-breakpoint
CREATE TRIGGER "staff_search_sync_estate" AFTER UPDATE OF "name", "district_id", "street_id", "community_id" ON "projects" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.district_id IS DISTINCT FROM NEW.district_id
    OR OLD.street_id IS DISTINCT FROM NEW.street_id OR OLD.community_id IS DISTINCT FROM NEW.community_id)
  EXECUTE FUNCTION staff_search_sync();
--> statement-breakpoint
-- Refills every posting and count table from the searched tables: the backfill below, and the city seed after its
-- bulk load (which switches the *_search_sync triggers off while it copies).
CREATE OR REPLACE FUNCTION rebuild_search_postings() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE project_search_postings, project_search_counts, company_search_postings, company_search_counts, staff_search_postings;
  INSERT INTO project_search_postings (bigram, name, id, district_id, street_id)
  SELECT b, p.name, p.id, p.district_id, p.street_id FROM projects p CROSS JOIN LATERAL unnest(p.search_bigrams) b
   ORDER BY 1, 2, 3;
  INSERT INTO project_search_counts (bigram, district_id, n)
  SELECT bigram, coalesce(district_id, ''), count(*)::int FROM project_search_postings
   GROUP BY GROUPING SETS ((bigram), (bigram, district_id));
  INSERT INTO company_search_postings (bigram, name, uscc, id, district_id)
  SELECT b, c.name, c.uscc, c.id, c.district_id FROM companies c CROSS JOIN LATERAL unnest(c.name_bigrams) b
   WHERE c.filing_status = 'approved' ORDER BY 1, 2, 3;
  INSERT INTO company_search_counts (bigram, district_id, n)
  SELECT bigram, '', count(*)::int FROM company_search_postings GROUP BY bigram
  UNION ALL
  SELECT bigram, district_id, count(*)::int FROM company_search_postings WHERE district_id IS NOT NULL GROUP BY bigram, district_id;
  INSERT INTO staff_search_postings (bigram, name, project_name, practitioner_id, project_id, company_id, district_id, street_id, community_id)
  SELECT b, p.name, pr.name, p.id, pr.id, e.company_id, pr.district_id, pr.street_id, pr.community_id
    FROM employments e
    JOIN practitioners p ON p.id = e.practitioner_id
    JOIN projects pr ON pr.id = e.project_id
    CROSS JOIN LATERAL unnest(p.name_bigrams) b
   WHERE e.status = 'current' AND p.status = 'active'
   ORDER BY 1, 2, 3, 4;
END $$;
--> statement-breakpoint
SELECT rebuild_search_postings();
