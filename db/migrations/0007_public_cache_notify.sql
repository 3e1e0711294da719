-- Cached public pages learn of changes from the database (docs/decisions/021-page-cache.md): after every statement
-- that changes what a public page shows, a trigger sends NOTIFY public_cache with the tags of the pages it touches
-- ("company:<uscc>", "project:<id>", "person:<id>", plus "index" for the pages that show many entities, or "all").
-- NOTIFY is transactional: a rolled-back change sends nothing; a committed one reaches every server listening on
-- this database (lib/cache/listen.ts), whichever instance made it and whatever made it (service, seed, script).
CREATE OR REPLACE FUNCTION public_cache_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rel text;
  n int;
  rows_seen int := 0;
  many boolean := false;
  part text[];
  tags text[] := '{}';
BEGIN
  FOREACH rel IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['pc_new'] WHEN 'DELETE' THEN ARRAY['pc_old'] ELSE ARRAY['pc_new', 'pc_old'] END LOOP
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I LIMIT 201) x', rel) INTO n;
    rows_seen := rows_seen + n;
    -- A statement over many rows (a quarter's ratings, a bulk load) empties the whole cache: cheaper than its tags.
    many := n > 200;
    EXIT WHEN many;
    EXECUTE format('SELECT array_agg(DISTINCT t) FROM (%s) x(t) WHERE t IS NOT NULL', format(TG_ARGV[0], rel)) INTO part;
    tags := tags || coalesce(part, '{}');
  END LOOP;
  -- A statement that changed no row changed no page.
  IF rows_seen = 0 THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}') INTO tags FROM unnest(tags) t;
  IF many OR 'all' = ANY (tags) OR cardinality(tags) > 200 THEN
    PERFORM pg_notify('public_cache', 'all');
  ELSE
    PERFORM pg_notify('public_cache', array_to_string(array_prepend('index', tags), ' '));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  company_of text := 'SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON c.id = r.company_id';
  project_of text := 'SELECT ''project:'' || r.project_id FROM %1$I r';
  person_of text := 'SELECT ''person:'' || r.practitioner_id FROM %1$I r';
  -- a person's card and every estate page that lists the person
  person_projects text := 'SELECT ''project:'' || e.project_id FROM employments e JOIN %1$I r ON e.practitioner_id = r.practitioner_id';
  -- an objection or a statement shows on the page of what it is about (subject_type, subject_id)
  subject_of text := 'SELECT ''person:'' || r.subject_id FROM %1$I r WHERE r.subject_type = ''practitioner'''
    || ' UNION ALL SELECT ''project:'' || e.project_id FROM employments e JOIN %1$I r ON r.subject_type = ''practitioner'' AND e.practitioner_id = r.subject_id'
    || ' UNION ALL SELECT ''person:'' || pr.practitioner_id FROM practitioner_records pr JOIN %1$I r ON r.subject_type = ''practitioner_record'' AND pr.id = r.subject_id'
    || ' UNION ALL SELECT ''project:'' || e.project_id FROM employments e JOIN practitioner_records pr ON pr.practitioner_id = e.practitioner_id JOIN %1$I r ON r.subject_type = ''practitioner_record'' AND pr.id = r.subject_id'
    || ' UNION ALL SELECT ''company:'' || c.uscc FROM companies c JOIN credit_records cr ON cr.company_id = c.id JOIN %1$I r ON r.subject_type = ''credit_record'' AND cr.id = r.subject_id'
    || ' UNION ALL SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON r.subject_type = ''company'' AND c.id = r.subject_id';
BEGIN
  FOR r IN
    SELECT * FROM (VALUES
      ('companies', 'SELECT ''company:'' || r.uscc FROM %1$I r UNION ALL SELECT ''project:'' || p.id FROM projects p JOIN %1$I r ON p.current_company_id = r.id'),
      ('company_versions', company_of),
      ('company_managers', company_of),
      ('projects', 'SELECT ''project:'' || r.id FROM %1$I r UNION ALL SELECT ''company:'' || c.uscc FROM companies c JOIN %1$I r ON c.id = r.current_company_id'),
      ('service_contracts', project_of || ' UNION ALL ' || company_of),
      ('disclosure_boards', project_of || ' UNION ALL ' || company_of),
      ('practitioners', 'SELECT ''person:'' || r.id FROM %1$I r UNION ALL SELECT ''project:'' || e.project_id FROM employments e JOIN %1$I r ON e.practitioner_id = r.id'),
      ('certificates', person_of || ' UNION ALL ' || person_projects),
      ('employments', person_of || ' UNION ALL ' || project_of || ' UNION ALL ' || company_of || ' UNION ALL ' || person_projects),
      ('practitioner_records', person_of || ' UNION ALL ' || project_of || ' UNION ALL ' || company_of || ' UNION ALL ' || person_projects),
      ('credit_records', project_of || ' UNION ALL ' || company_of),
      ('estate_ratings', project_of || ' UNION ALL ' || company_of),
      ('annual_evaluations', company_of),
      ('list_entries', project_of || ' UNION ALL ' || company_of),
      ('list_events', company_of),
      ('company_flags', project_of || ' UNION ALL ' || company_of),
      ('cases', project_of || ' UNION ALL ' || company_of || ' UNION ALL ' || subject_of),
      ('submissions', project_of || ' UNION ALL ' || company_of || ' UNION ALL ' || subject_of),
      -- shown on the verify pages, which are tagged "index"
      ('documents', 'SELECT NULL::text'),
      -- what changes every score, period or deadline shown
      ('rating_publications', 'SELECT ''all'''),
      ('credit_policies', 'SELECT ''all'''),
      ('regions', 'SELECT ''all'''),
      ('holiday_calendars', 'SELECT ''all''')
    ) v(tbl, tpl)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_ins', r.tbl, r.tpl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS pc_old NEW TABLE AS pc_new FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_upd', r.tbl, r.tpl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS pc_old FOR EACH STATEMENT EXECUTE FUNCTION public_cache_rows(%L)', r.tbl || '_public_cache_del', r.tbl, r.tpl);
  END LOOP;
END $$;
