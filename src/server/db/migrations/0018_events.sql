CREATE TABLE "event_schools" (
	"event_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	CONSTRAINT "event_schools_event_id_school_id_pk" PRIMARY KEY("event_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"teachers_count" integer DEFAULT 0 NOT NULL,
	"heads_count" integer DEFAULT 0 NOT NULL,
	"students_count" integer DEFAULT 0 NOT NULL,
	"municipalities_count" integer DEFAULT 0 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_schools" ADD CONSTRAINT "event_schools_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_schools" ADD CONSTRAINT "event_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_schools_school_idx" ON "event_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "events_region_idx" ON "events" USING btree ("region_id","held_on");--> statement-breakpoint
CREATE INDEX "events_municipality_idx" ON "events" USING btree ("municipality_id");