CREATE TABLE "school_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"reasons" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"proposed_by" integer,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "school_decisions" ADD CONSTRAINT "school_decisions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_decisions" ADD CONSTRAINT "school_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_decisions" ADD CONSTRAINT "school_decisions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_decisions" ADD CONSTRAINT "school_decisions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_decisions" ADD CONSTRAINT "school_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "school_decisions_school_year_uq" ON "school_decisions" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "school_decisions_region_year_idx" ON "school_decisions" USING btree ("region_id","year");