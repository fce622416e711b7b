CREATE TABLE "course_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"teacher_id" integer NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"enrolled_on" date NOT NULL,
	"completed_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"title" text NOT NULL,
	"hours" integer NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"provider" text DEFAULT '' NOT NULL,
	"format" text DEFAULT 'in_person' NOT NULL,
	"blocks" text[] DEFAULT '{}'::text[] NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"pair_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"format" text NOT NULL,
	"topic" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"mentor_id" integer NOT NULL,
	"teacher_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"score" double precision,
	"reason" text DEFAULT '' NOT NULL,
	"blocks" text[] DEFAULT '{}'::text[] NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentors" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"kind" text NOT NULL,
	"teacher_id" integer,
	"moc_staff_id" integer,
	"user_id" integer,
	"full_name" text NOT NULL,
	"school_id" integer,
	"municipality_id" integer NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"strengths" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"source" text DEFAULT 'other' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_pair_id_mentoring_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_moc_staff_id_moc_staff_id_fk" FOREIGN KEY ("moc_staff_id") REFERENCES "public"."moc_staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrolments_uq" ON "course_enrolments" USING btree ("course_id","teacher_id");--> statement-breakpoint
CREATE INDEX "course_enrolments_teacher_idx" ON "course_enrolments" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "courses_region_idx" ON "courses" USING btree ("region_id","starts_on");--> statement-breakpoint
CREATE INDEX "mentoring_meetings_pair_idx" ON "mentoring_meetings" USING btree ("pair_id","held_on");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_mentor_idx" ON "mentoring_pairs" USING btree ("mentor_id","year");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_teacher_idx" ON "mentoring_pairs" USING btree ("teacher_id","year");--> statement-breakpoint
CREATE INDEX "mentors_region_idx" ON "mentors" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentors_teacher_uq" ON "mentors" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "mentors_user_idx" ON "mentors" USING btree ("user_id");