CREATE TABLE "identification_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"school_code" text NOT NULL,
	"school_name" text NOT NULL,
	"is_rural" boolean NOT NULL,
	"category" text NOT NULL,
	"risk_flags" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_rule_set_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_set_id" integer NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"preset_key" text,
	"current_version_id" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'done' NOT NULL,
	"rule_sets" jsonb NOT NULL,
	"school_count" integer NOT NULL,
	"created_by" integer,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" integer,
	"approved_by_name" text,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identification_results" ADD CONSTRAINT "identification_results_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_results" ADD CONSTRAINT "identification_results_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_rule_set_versions" ADD CONSTRAINT "identification_rule_set_versions_rule_set_id_identification_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."identification_rule_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_rule_set_versions" ADD CONSTRAINT "identification_rule_set_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_rule_sets" ADD CONSTRAINT "identification_rule_sets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identification_results_run_school_uq" ON "identification_results" USING btree ("run_id","school_id");--> statement-breakpoint
CREATE INDEX "identification_results_school_idx" ON "identification_results" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identification_rule_set_versions_uq" ON "identification_rule_set_versions" USING btree ("rule_set_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "identification_rule_sets_preset_uq" ON "identification_rule_sets" USING btree ("region_id","preset_key") WHERE "identification_rule_sets"."preset_key" is not null;--> statement-breakpoint
CREATE INDEX "identification_runs_region_idx" ON "identification_runs" USING btree ("region_id","year");