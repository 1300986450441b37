CREATE TABLE "annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"year" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"address" text,
	"business_status" text NOT NULL,
	"subscribed_capital" numeric(16, 2),
	"paid_in_capital" numeric(16, 2),
	"employees" integer,
	"total_assets" numeric(16, 2),
	"revenue" numeric(16, 2),
	"optional_fields_published" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"matter" text NOT NULL,
	"content" text NOT NULL,
	"committed_on" date NOT NULL,
	"department" text NOT NULL,
	"authority" text NOT NULL,
	"fulfilment" varchar(16) NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"uscc" char(18) PRIMARY KEY NOT NULL,
	"registration_number" varchar(15),
	"name" text NOT NULL,
	"name_grams" text[] NOT NULL,
	"search_names" text NOT NULL,
	"enterprise_type" text NOT NULL,
	"legal_representative" text NOT NULL,
	"registered_capital" numeric(16, 2),
	"capital_currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"established_on" date NOT NULL,
	"business_term_from" date,
	"business_term_to" date,
	"registration_authority" text NOT NULL,
	"approved_on" date,
	"status" varchar(16) NOT NULL,
	"region_code" char(6) NOT NULL,
	"address" text NOT NULL,
	"business_scope" text NOT NULL,
	"industry_code" varchar(8),
	"industry_name" text,
	"key_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"internal_notes" text,
	"uscc_allow_listed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "former_names" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"name" text NOT NULL,
	"used_until" date
);
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_uscc_year_idx" ON "annual_reports" USING btree ("uscc","year");--> statement-breakpoint
CREATE INDEX "credit_commitments_uscc_idx" ON "credit_commitments" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprises_name_grams_idx" ON "enterprises" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "enterprises_key_domains_idx" ON "enterprises" USING gin ("key_domains");--> statement-breakpoint
CREATE INDEX "enterprises_region_uscc_idx" ON "enterprises" USING btree ("region_code","uscc");--> statement-breakpoint
CREATE INDEX "enterprises_established_idx" ON "enterprises" USING btree ("established_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_registration_number_idx" ON "enterprises" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "former_names_uscc_idx" ON "former_names" USING btree ("uscc");