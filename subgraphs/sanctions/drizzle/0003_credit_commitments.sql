CREATE TABLE "credit_commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"department" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" varchar(12) NOT NULL,
	"content" text NOT NULL,
	"made_on" date NOT NULL,
	"verify_by" date NOT NULL,
	"status" varchar(12) DEFAULT 'PENDING' NOT NULL,
	"verified_on" date,
	"inspection_id" integer,
	"findings" text,
	"verified_by" text
);
--> statement-breakpoint
CREATE INDEX "credit_commitments_uscc_idx" ON "credit_commitments" USING btree ("uscc");