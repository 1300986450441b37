ALTER TABLE "penalties" ADD COLUMN "procedure" varchar(16) DEFAULT 'ORDINARY' NOT NULL;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "party_type" varchar(32) DEFAULT 'ORGANISATION' NOT NULL;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "party_id_number" text;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "restriction_months" integer;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "heavy_discretion" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "withheld_reason" text;--> statement-breakpoint
ALTER TABLE "penalties" ADD COLUMN "withheld_approved_by" text;--> statement-breakpoint
-- Amounts were already numeric(16,2) in the database; only the API read them as floats. What
-- changes for existing rows is the lower-fine reading (行政处罚信息公示规定 第十三条, 闽市监规〔2024〕3号):
-- the old single, inclusive 10 000-yuan threshold is gone. A fine is lower only under a provincial
-- threshold, strictly below it, by party type; every existing party is an organisation. Fines
-- published for 3 months under the old reading are published for 3 years unless they are below
-- Fujian's 50 000 yuan (PostgreSQL's month arithmetic clamps to month end, as 民法典 第二百零三条 counts).
UPDATE "penalties" SET "public_until" = ("published_on" + interval '36 months')::date
WHERE "public_until" = ("published_on" + interval '3 months')::date
  AND 'FINE' = ANY("penalty_types")
  AND (left("region_code", 2) <> '35' OR "fine_amount" >= 50000);
