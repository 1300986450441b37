CREATE TABLE "notes" ("id" serial PRIMARY KEY NOT NULL, "key" text NOT NULL, "kind" text DEFAULT 'note' NOT NULL, "payload" jsonb, "amount" numeric(16, 2), "on" date, "at" timestamp with time zone DEFAULT now() NOT NULL, "tags" text[]);--> statement-breakpoint
CREATE UNIQUE INDEX "notes_key_idx" ON "notes" USING btree ("key");
