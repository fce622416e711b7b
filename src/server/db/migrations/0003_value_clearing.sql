ALTER TABLE "indicator_value_history" DROP CONSTRAINT "indicator_value_history_value_id_indicator_values_id_fk";
--> statement-breakpoint
ALTER TABLE "indicator_value_history" ALTER COLUMN "value_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD COLUMN "indicator_id" integer;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD COLUMN "school_id" integer;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD CONSTRAINT "indicator_value_history_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD CONSTRAINT "indicator_value_history_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD CONSTRAINT "indicator_value_history_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_history" ADD CONSTRAINT "indicator_value_history_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_value_history_school_year_idx" ON "indicator_value_history" USING btree ("school_id","year");