DROP INDEX "enterprises_name_grams_idx";--> statement-breakpoint
CREATE INDEX "enterprises_name_grams_idx" ON "enterprises" USING gin ("name_grams") WITH (fastupdate=false);