-- Daily jobs and the inbox (issue 18 items 2 and 3; docs/decisions/037-daily-jobs-inbox.md).
-- job_runs: one row per job and China-time day, the claim that makes a second run for the same day a no-op.
CREATE TABLE "job_runs" (
  "job" text NOT NULL,
  "run_date" date NOT NULL,
  "started_at" timestamp with time zone NOT NULL,
  "finished_at" timestamp with time zone,
  "counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "error" text,
  CONSTRAINT "job_runs_job_run_date_pk" PRIMARY KEY ("job", "run_date")
);
--> statement-breakpoint
-- inbox_items: addressed to one account (audience 'user') or to every account of a scope ('company', 'district',
-- 'city' with audience_id ''). dedupe_key makes every producer idempotent.
CREATE TABLE "inbox_items" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "audience" text NOT NULL,
  "audience_id" text NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "body" text,
  "link" text,
  "due_on" date,
  "dedupe_key" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "mailed_at" timestamp with time zone,
  CONSTRAINT "inbox_items_audience_check" CHECK ("audience" IN ('user', 'company', 'district', 'city'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_items_dedupe_idx" ON "inbox_items" ("dedupe_key");
--> statement-breakpoint
CREATE INDEX "inbox_items_audience_idx" ON "inbox_items" ("audience", "audience_id", "created_at");
--> statement-breakpoint
CREATE TABLE "inbox_reads" (
  "item_id" uuid NOT NULL REFERENCES "inbox_items"("id"),
  "user_id" uuid NOT NULL REFERENCES "users"("id"),
  "read_at" timestamp with time zone NOT NULL,
  CONSTRAINT "inbox_reads_item_id_user_id_pk" PRIMARY KEY ("item_id", "user_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;
--> statement-breakpoint
-- A decided submission (returned, approved, rejected) tells its filer, in the deciding transaction, whichever of
-- the services decided it (seven UPDATE sites in five query modules): the filing company's accounts, or the
-- filing account when no company filed. The version in the key keeps one item per decision round.
CREATE OR REPLACE FUNCTION inbox_submission_decided() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  type_label text;
  status_label text;
  page text;
BEGIN
  type_label := CASE NEW.type::text
    WHEN 'company_filing' THEN '企业备案'
    WHEN 'company_change' THEN '企业基本信息变更'
    WHEN 'contract' THEN '物业服务合同登记'
    WHEN 'non_renewal_notice' THEN '不续约书面告知'
    WHEN 'early_exit' THEN '合同期内退出项目'
    WHEN 'disclosure_board' THEN '公示栏更新'
    WHEN 'practitioner_entry' THEN '从业人员信息录入'
    WHEN 'practitioner_update' THEN '从业人员信息更新'
    WHEN 'post_change' THEN '岗位变更'
    WHEN 'transfer' THEN '跨企业流动'
    WHEN 'exit' THEN '退出行业'
    WHEN 're_entry' THEN '重新执业'
    WHEN 'good_record' THEN '良好行为记录'
    WHEN 'bad_report' THEN '不良行为线索'
    WHEN 'performance_record' THEN '业绩信息'
    WHEN 'warning_record' THEN '警示信息'
    WHEN 'credit_repair' THEN '信用修复申请'
    WHEN 'data_request' THEN '信息查询申请'
    WHEN 'rectification_answer' THEN '整改回复'
    WHEN 'rectification_inspection' THEN '整改验收'
    ELSE NEW.type::text END;
  status_label := CASE NEW.status::text WHEN 'returned' THEN '已退回修改' WHEN 'approved' THEN '已通过' ELSE '未通过' END;
  page := CASE
    WHEN NEW.type::text IN ('company_filing', 'company_change') THEN '/company/filing'
    WHEN NEW.type::text IN ('contract', 'non_renewal_notice', 'early_exit', 'disclosure_board') THEN '/company/projects'
    WHEN NEW.type::text IN ('practitioner_entry', 'practitioner_update') THEN '/company/staff'
    WHEN NEW.type::text IN ('post_change', 'transfer', 'exit', 're_entry') THEN '/company/moves'
    WHEN NEW.type::text IN ('performance_record', 'warning_record', 'credit_repair') THEN '/company/credit'
    WHEN NEW.type::text IN ('good_record', 'bad_report') THEN '/company/records'
    ELSE '/company' END;
  IF NEW.company_id IS NOT NULL THEN
    INSERT INTO inbox_items (audience, audience_id, kind, title, body, link, dedupe_key)
    VALUES ('company', NEW.company_id::text, 'submission_' || NEW.status::text, type_label || status_label, NEW.reason, page,
            'submission:' || NEW.id::text || ':' || NEW.version::text)
    ON CONFLICT (dedupe_key) DO NOTHING;
  ELSIF NEW.submitted_by IS NOT NULL THEN
    INSERT INTO inbox_items (audience, audience_id, kind, title, body, link, dedupe_key)
    VALUES ('user', NEW.submitted_by::text, 'submission_' || NEW.status::text, type_label || status_label, NEW.reason, NULL,
            'submission:' || NEW.id::text || ':' || NEW.version::text)
    ON CONFLICT (dedupe_key) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "submissions_inbox_decided" AFTER UPDATE OF "status" ON "submissions"
  FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('returned', 'approved', 'rejected'))
  EXECUTE FUNCTION inbox_submission_decided();
