CREATE TABLE "equipment_registrations" (
	"registration_code" varchar(32) PRIMARY KEY NOT NULL,
	"certificate_number" varchar(40) NOT NULL,
	"equipment_code" varchar(40) NOT NULL,
	"equipment_category" text NOT NULL,
	"equipment_kind" text NOT NULL,
	"equipment_variety" text NOT NULL,
	"model" text NOT NULL,
	"product_number" text NOT NULL,
	"manufactured_on" date NOT NULL,
	"user_uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"installation_site" text NOT NULL,
	"maintenance_unit" text,
	"first_used_on" date NOT NULL,
	"registered_on" date NOT NULL,
	"registration_authority" text NOT NULL,
	"department" varchar(32) NOT NULL,
	"status" varchar(16) NOT NULL,
	"cancelled_on" date,
	"cancellation_reason" text,
	"published_on" date,
	"internal_notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"license_number" varchar(40) NOT NULL,
	"holder_uscc" char(18) NOT NULL,
	"action" varchar(16) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"decided_on" date NOT NULL,
	"reason" text NOT NULL,
	"decision_reference" text NOT NULL,
	"department" varchar(32) NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"number" varchar(40) PRIMARY KEY NOT NULL,
	"kind" varchar(40) NOT NULL,
	"holder_uscc" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"items" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"authority_name" text NOT NULL,
	"authority_code" varchar(32),
	"authority_region" char(6),
	"status" varchar(16) NOT NULL,
	"status_changed_on" date NOT NULL,
	"granted_by_commitment" boolean DEFAULT false NOT NULL,
	"commitment_verification" varchar(16),
	"commitment_verified_on" date,
	"department" varchar(32) NOT NULL,
	"published_on" date,
	"first_published_on" date,
	"renews" varchar(40),
	"renewed_by" varchar(40),
	"internal_notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "equipment_registrations_user_idx" ON "equipment_registrations" USING btree ("user_uscc");--> statement-breakpoint
CREATE INDEX "license_status_changes_number_idx" ON "license_status_changes" USING btree ("license_number");--> statement-breakpoint
CREATE INDEX "license_status_changes_holder_idx" ON "license_status_changes" USING btree ("holder_uscc");--> statement-breakpoint
CREATE INDEX "licenses_holder_idx" ON "licenses" USING btree ("holder_uscc");--> statement-breakpoint
CREATE INDEX "licenses_region_number_idx" ON "licenses" USING btree ("region_code","number");--> statement-breakpoint
CREATE INDEX "licenses_valid_to_idx" ON "licenses" USING btree ("valid_to","number");--> statement-breakpoint
CREATE INDEX "licenses_authority_idx" ON "licenses" USING btree ("authority_code");