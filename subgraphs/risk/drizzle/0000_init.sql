CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"sub" text NOT NULL,
	"role" text NOT NULL,
	"department" text,
	"region" char(6),
	"request_id" text,
	"action" varchar(16) NOT NULL,
	"usccs" text[] DEFAULT '{}' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "current_runs" (
	"month" char(7) NOT NULL,
	"source" varchar(8) NOT NULL,
	"run_id" integer NOT NULL,
	"switched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "current_runs_month_source_pk" PRIMARY KEY("month","source")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"accepted" integer NOT NULL,
	"run_ids" integer[] NOT NULL,
	"rejections" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"effective_month" char(7) NOT NULL,
	"note" text NOT NULL,
	"checksum" char(64) NOT NULL,
	"definition" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "results" (
	"run_id" integer NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"key_domains" text[] DEFAULT '{}' NOT NULL,
	"risk_class" char(1) NOT NULL,
	"score" real,
	"hard_rule" text,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "results_run_id_uscc_pk" PRIMARY KEY("run_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" char(7) NOT NULL,
	"source" varchar(8) NOT NULL,
	"model_version" text,
	"status" varchar(10) NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"total" integer DEFAULT 0 NOT NULL,
	"count_a" integer DEFAULT 0 NOT NULL,
	"count_b" integer DEFAULT 0 NOT NULL,
	"count_c" integer DEFAULT 0 NOT NULL,
	"count_d" integer DEFAULT 0 NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_usccs_idx" ON "audit_log" USING gin ("usccs");--> statement-breakpoint
CREATE INDEX "results_uscc_idx" ON "results" USING btree ("uscc","run_id");--> statement-breakpoint
CREATE INDEX "results_run_region_idx" ON "results" USING btree ("run_id","region_code");--> statement-breakpoint
CREATE INDEX "runs_month_idx" ON "runs" USING btree ("month","id");