CREATE TABLE "abnormal_operations" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" varchar(32) NOT NULL,
	"reason_detail" text,
	"listed_on" date NOT NULL,
	"authority" text NOT NULL,
	"decision_reference" text,
	"removed_on" date,
	"removal_authority" text,
	"removal_reference" text,
	"removal_detail" text,
	"revoked_on" date,
	"repaired_on" date,
	"removal_reason" varchar(32)
);
--> statement-breakpoint
CREATE TABLE "credit_repairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"target_kind" varchar(24) NOT NULL,
	"target_id" integer NOT NULL,
	"applied_on" date NOT NULL,
	"statement" text NOT NULL,
	"obligations_fulfilled" boolean NOT NULL,
	"status" varchar(16) DEFAULT 'PENDING' NOT NULL,
	"decided_on" date,
	"decision_reason" text,
	"decision_reference" text,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"target_kind" varchar(24) NOT NULL,
	"target_id" integer NOT NULL,
	"filed_on" date NOT NULL,
	"grounds" text NOT NULL,
	"status" varchar(24) DEFAULT 'PENDING' NOT NULL,
	"resolved_on" date,
	"resolution_reason" text,
	"decision_reference" text,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_number" text NOT NULL,
	"violation_type" text NOT NULL,
	"facts_summary" text NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_types" text[] NOT NULL,
	"fine_amount" numeric(16, 2),
	"confiscation_amount" numeric(16, 2),
	"decided_on" date NOT NULL,
	"authority" text NOT NULL,
	"case_domain" varchar(32) NOT NULL,
	"published_on" date,
	"public_until" date,
	"state" varchar(16) DEFAULT 'IN_FORCE' NOT NULL,
	"state_changed_on" date,
	"repaired_on" date
);
--> statement-breakpoint
CREATE TABLE "record_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"record_kind" varchar(24) NOT NULL,
	"record_id" integer NOT NULL,
	"action" varchar(32) NOT NULL,
	"from_state" varchar(32),
	"to_state" varchar(32) NOT NULL,
	"reason" text,
	"decision_reference" text,
	"effective_on" date NOT NULL,
	"actor" text NOT NULL,
	"department" text,
	"before" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serious_violations" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"domain" varchar(32) NOT NULL,
	"reason" text NOT NULL,
	"triggering_penalty_id" integer,
	"escalated_from_abnormal_id" integer,
	"listed_on" date NOT NULL,
	"authority" text NOT NULL,
	"decision_reference" text,
	"removed_on" date,
	"removal_authority" text,
	"removal_reference" text,
	"removal_detail" text,
	"revoked_on" date,
	"repaired_on" date,
	"removal_reason" varchar(32)
);
--> statement-breakpoint
CREATE INDEX "abnormal_operations_uscc_idx" ON "abnormal_operations" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "abnormal_operations_region_listed_idx" ON "abnormal_operations" USING btree ("region_code","listed_on","id");--> statement-breakpoint
CREATE INDEX "abnormal_operations_open_idx" ON "abnormal_operations" USING btree ("listed_on","id") WHERE "abnormal_operations"."removed_on" is null and "abnormal_operations"."revoked_on" is null;--> statement-breakpoint
CREATE INDEX "credit_repairs_uscc_idx" ON "credit_repairs" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "credit_repairs_target_idx" ON "credit_repairs" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "credit_repairs_pending_idx" ON "credit_repairs" USING btree ("region_code","applied_on","id") WHERE "credit_repairs"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_repairs_one_pending_idx" ON "credit_repairs" USING btree ("target_kind","target_id") WHERE "credit_repairs"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "objections_uscc_idx" ON "objections" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_one_pending_idx" ON "objections" USING btree ("target_kind","target_id") WHERE "objections"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "penalties_decision_number_idx" ON "penalties" USING btree ("decision_number");--> statement-breakpoint
CREATE INDEX "penalties_uscc_idx" ON "penalties" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "penalties_region_decided_idx" ON "penalties" USING btree ("region_code","decided_on","id");--> statement-breakpoint
CREATE INDEX "penalties_decided_idx" ON "penalties" USING btree ("decided_on","id");--> statement-breakpoint
CREATE INDEX "penalties_authority_decided_idx" ON "penalties" USING btree ("authority","decided_on");--> statement-breakpoint
CREATE INDEX "record_history_uscc_idx" ON "record_history" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "record_history_record_idx" ON "record_history" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE INDEX "serious_violations_uscc_idx" ON "serious_violations" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "serious_violations_region_listed_idx" ON "serious_violations" USING btree ("region_code","listed_on","id");--> statement-breakpoint
CREATE INDEX "serious_violations_penalty_idx" ON "serious_violations" USING btree ("triggering_penalty_id");--> statement-breakpoint
CREATE UNIQUE INDEX "serious_violations_escalated_idx" ON "serious_violations" USING btree ("escalated_from_abnormal_id");