CREATE TABLE "moc_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"recommendations" jsonb NOT NULL,
	"source_file_name" text,
	"created_by" integer,
	"updated_by" integer,
	"updated_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moc_reports" ADD CONSTRAINT "moc_reports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moc_reports" ADD CONSTRAINT "moc_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moc_reports" ADD CONSTRAINT "moc_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moc_reports" ADD CONSTRAINT "moc_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "moc_reports_municipality_year_uq" ON "moc_reports" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "moc_reports_region_year_idx" ON "moc_reports" USING btree ("region_id","year");