-- Databases seeded before the seed numbered an enterprise's second serious listing could hold two
-- seed rows under one (enterprise, reference) (one authority, one year); only those seed rows are
-- renumbered, so the unique index below can be built. Any other duplicate stops the migration, to be
-- looked at by a person rather than silently changed.
UPDATE "serious_violations" AS "s" SET "decision_reference" = regexp_replace("s"."decision_reference", '号$', '') || '-' || "s"."id" || '号'
WHERE "s"."recorded_by" = 'seed' AND EXISTS (
	SELECT 1 FROM "serious_violations" AS "o"
	WHERE "o"."uscc" = "s"."uscc" AND "o"."decision_reference" = "s"."decision_reference" AND "o"."id" < "s"."id"
);--> statement-breakpoint
CREATE UNIQUE INDEX "abnormal_operations_natural_key_idx" ON "abnormal_operations" USING btree ("uscc","reason","listed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "abnormal_operations_one_open_idx" ON "abnormal_operations" USING btree ("uscc","reason") WHERE "abnormal_operations"."removed_on" is null and "abnormal_operations"."revoked_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "serious_violations_decision_idx" ON "serious_violations" USING btree ("uscc","decision_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "serious_violations_one_per_penalty_idx" ON "serious_violations" USING btree ("triggering_penalty_id") WHERE "serious_violations"."revoked_on" is null;