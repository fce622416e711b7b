CREATE TABLE "deficit_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"teacher_id" integer NOT NULL,
	"assessed_on" date NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"scores" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deficit_scales" (
	"region_id" integer PRIMARY KEY NOT NULL,
	"levels" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"position" text DEFAULT 'teacher' NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text DEFAULT 'none' NOT NULL,
	"experience_years" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deficit_assessments" ADD CONSTRAINT "deficit_assessments_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_assessments" ADD CONSTRAINT "deficit_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_scales" ADD CONSTRAINT "deficit_scales_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_scales" ADD CONSTRAINT "deficit_scales_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deficit_assessments_teacher_idx" ON "deficit_assessments" USING btree ("teacher_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "teachers_school_name_uq" ON "teachers" USING btree ("school_id",lower("full_name"));--> statement-breakpoint
CREATE INDEX "teachers_school_idx" ON "teachers" USING btree ("school_id");