-- Search: pg_trgm for terms of 3+ characters, and character bigrams for the two-character Chinese queries
-- that trigram indexes cannot serve (STACK.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cjk_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}'::text[])
  FROM generate_series(1, char_length(t) - 1) AS i
$$;
--> statement-breakpoint
CREATE INDEX companies_name_bigrams_idx ON companies USING gin (cjk_bigrams(name));
--> statement-breakpoint
CREATE INDEX projects_search_bigrams_idx ON projects USING gin (cjk_bigrams(name || ' ' || address));
--> statement-breakpoint
CREATE INDEX practitioners_name_bigrams_idx ON practitioners USING gin (cjk_bigrams(name));
--> statement-breakpoint
CREATE INDEX companies_name_trgm_idx ON companies USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX projects_search_trgm_idx ON projects USING gin ((name || ' ' || address) gin_trgm_ops);
--> statement-breakpoint
-- Audit log: append-only and hash-chained. Each row's hash covers the previous row's hash and its own
-- content, so editing, removing or reordering any row breaks the chain from that row on.
CREATE OR REPLACE FUNCTION audit_payload(e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    e.seq::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_id::text, ''),
    coalesce(e.actor_role, ''),
    e.actor_label,
    e.action,
    e.object_type,
    coalesce(e.object_id, ''),
    coalesce(e.ip, ''),
    coalesce(e.before::text, ''),
    coalesce(e.after::text, ''))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_hash(prev_hash text, e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || '|' || audit_payload(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- Serialise writers so that seq order is commit order and every row sees its true predecessor.
  PERFORM pg_advisory_xact_lock(7305001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse();
