DROP INDEX "indicator_values_indicator_year_idx";--> statement-breakpoint
DROP INDEX "import_staging_job_idx";--> statement-breakpoint
DROP INDEX "indicator_value_history_school_year_idx";--> statement-breakpoint
DROP INDEX "indicator_values_school_uq";--> statement-breakpoint
DROP INDEX "indicator_values_municipality_uq";--> statement-breakpoint
CREATE INDEX "import_staging_job_idx" ON "import_staging" USING btree ("job_id","row_number");--> statement-breakpoint
CREATE INDEX "indicator_value_history_school_year_idx" ON "indicator_value_history" USING btree ("school_id","year") WHERE "indicator_value_history"."school_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_school_uq" ON "indicator_values" USING btree ("indicator_id","year","school_id") WHERE "indicator_values"."school_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_municipality_uq" ON "indicator_values" USING btree ("indicator_id","year","municipality_id") WHERE "indicator_values"."municipality_id" is not null;--> statement-breakpoint
-- Staging rows live only while their import runs: no write-ahead log for them (a crash fails the job anyway).
ALTER TABLE "import_staging" SET UNLOGGED;
