CREATE TABLE "admonition_talks" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" varchar(32) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"listing_kind" varchar(10) NOT NULL,
	"listing_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"reason" text NOT NULL,
	"rectification_deadline" date NOT NULL,
	"outcome" varchar(16) NOT NULL,
	"outcome_on" date,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draw_entries" (
	"draw_id" integer NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"risk_class" varchar(1),
	"selection" varchar(16) NOT NULL,
	"on_site" boolean NOT NULL,
	"inspector_ids" integer[] NOT NULL,
	CONSTRAINT "draw_entries_draw_id_uscc_pk" PRIMARY KEY("draw_id","uscc")
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"seed" integer NOT NULL,
	"status" varchar(10) NOT NULL,
	"pool_size" integer NOT NULL,
	"pool_digest" char(64) NOT NULL,
	"pool_counts" jsonb NOT NULL,
	"drawn_counts" jsonb NOT NULL,
	"key_supervision_count" integer NOT NULL,
	"drawn_by" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" varchar(32) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"trigger" varchar(24),
	"trigger_note" text,
	"license_number" varchar(100),
	"commitment_outcome" varchar(12),
	"result" varchar(40) NOT NULL,
	"sampling_item" text,
	"sampling_standard" text,
	"sampling_outcome" varchar(12),
	"inspected_on" date NOT NULL,
	"inspector_ids" integer[] NOT NULL,
	"findings" text,
	"rectification_deadline" date,
	"follow_up" text,
	"published_on" date,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department" varchar(32) NOT NULL,
	"region_code" char(6) NOT NULL,
	"certificate" varchar(64) NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"department" varchar(32) NOT NULL,
	"region_code" char(6) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"item" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"filter" jsonb NOT NULL,
	"ratios" jsonb NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"inspectors_per_enterprise" integer NOT NULL,
	"department" varchar(32) NOT NULL,
	"region_code" char(6) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draw_entries" ADD CONSTRAINT "draw_entries_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "draws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admonition_talks_uscc_idx" ON "admonition_talks" USING btree ("uscc","held_on");--> statement-breakpoint
CREATE INDEX "draw_entries_uscc_idx" ON "draw_entries" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "draws_task_idx" ON "draws" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "inspections_uscc_idx" ON "inspections" USING btree ("uscc","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_task_idx" ON "inspections" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "inspectors_department_idx" ON "inspectors" USING btree ("department","region_code");--> statement-breakpoint
CREATE INDEX "plans_year_idx" ON "plans" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id");