-- The school values' unique key carries the value itself (INCLUDE), so that reading the columns of
-- an (indicator, year) — what every identification run and analytics page does — is an index-only
-- scan: a few hundred index pages instead of every heap page of the table (values are stored school
-- by school, so one indicator's values are spread over all of them). Drizzle's index builder has no
-- INCLUDE: this migration is hand-written and schema.ts notes it at the index.
DROP INDEX "indicator_values_school_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_school_uq" ON "indicator_values" USING btree ("indicator_id","year","school_id") INCLUDE ("value") WHERE "indicator_values"."school_id" is not null;
