CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position" bigint,
	"kind" varchar(64) NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"region" varchar(6) NOT NULL,
	"audience" varchar(16) NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_on" date,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"sequenced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_position" bigint DEFAULT 0 NOT NULL,
	"pruned_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_position_idx" ON "outbox" USING btree ("position");--> statement-breakpoint
CREATE INDEX "outbox_unsequenced_idx" ON "outbox" USING btree ("id") WHERE "outbox"."position" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_idx" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
INSERT INTO "outbox_state" ("id") VALUES (1) ON CONFLICT DO NOTHING;
