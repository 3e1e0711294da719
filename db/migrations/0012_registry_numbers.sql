-- Public registry number per practitioner (执业登记号, issue 17 item 3, R1; decision 032): "SN-<year of first
-- approval>-<serial>", the serial from one sequence for the whole city, never reused. Assigned once, when an entry
-- is first approved (lib/services/practitioner-deciders.ts), and kept across transfers, exit and re-entry. Not
-- derived from the ID number or the birth date.
CREATE SEQUENCE IF NOT EXISTS "practitioner_registry_seq";--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "registry_no" text;--> statement-breakpoint
CREATE UNIQUE INDEX "practitioners_registry_no_idx" ON "practitioners" ("registry_no");--> statement-breakpoint
-- Numbers everyone who was ever approved (an employment that is or was current) and has none yet, in a fixed order
-- (first start date, then the ID-number hash, then the id) after the highest serial in use, and moves the sequence
-- past them. Run by this migration (backfill), the demo seed and the city-scale seed; idempotent.
CREATE OR REPLACE FUNCTION assign_registry_numbers() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  base bigint;
  done integer;
BEGIN
  SELECT coalesce(max(split_part(registry_no, '-', 3)::bigint), 0) INTO base FROM practitioners WHERE registry_no IS NOT NULL;
  SELECT greatest(base, CASE WHEN is_called THEN last_value ELSE 0 END) INTO base FROM practitioner_registry_seq;
  WITH firsts AS (
    SELECT p.id, p.id_number_hash, min(e.start_date) AS first_on
    FROM practitioners p
    JOIN employments e ON e.practitioner_id = p.id AND e.status IN ('current', 'ended')
    WHERE p.registry_no IS NULL
    GROUP BY p.id, p.id_number_hash
  ), numbered AS (
    SELECT id, first_on, row_number() OVER (ORDER BY first_on, id_number_hash, id) AS rn FROM firsts
  )
  UPDATE practitioners p
  SET registry_no = 'SN-' || extract(year FROM n.first_on)::int::text || '-' || lpad((base + n.rn)::text, greatest(6, length((base + n.rn)::text)), '0')
  FROM numbered n
  WHERE p.id = n.id;
  GET DIAGNOSTICS done = ROW_COUNT;
  IF base + done > 0 THEN
    PERFORM setval('practitioner_registry_seq', base + done, true);
  END IF;
  RETURN done;
END
$$;--> statement-breakpoint
SELECT assign_registry_numbers();
