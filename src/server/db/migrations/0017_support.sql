CREATE TABLE "specialist_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"specialist_kind" text NOT NULL,
	"target" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"specialist_id" integer,
	"scheduled_on" date,
	"filed_on" date NOT NULL,
	"filed_by" integer,
	"assigned_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "specialist_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"counts" jsonb NOT NULL,
	"total" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_log_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"kind" text NOT NULL,
	"audience" text,
	"format" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"staff_id" integer,
	"given_by" text DEFAULT '' NOT NULL,
	"people_count" integer NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_specialist_id_users_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_requests" ADD CONSTRAINT "specialist_requests_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_sessions" ADD CONSTRAINT "specialist_sessions_request_id_specialist_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."specialist_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_sessions" ADD CONSTRAINT "specialist_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_log_entries" ADD CONSTRAINT "support_log_entries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_log_entries" ADD CONSTRAINT "support_log_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_log_entries" ADD CONSTRAINT "support_log_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_log_entries" ADD CONSTRAINT "support_log_entries_staff_id_moc_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."moc_staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_log_entries" ADD CONSTRAINT "support_log_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "specialist_requests_school_idx" ON "specialist_requests" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "specialist_requests_specialist_idx" ON "specialist_requests" USING btree ("specialist_id","status");--> statement-breakpoint
CREATE INDEX "specialist_requests_region_idx" ON "specialist_requests" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "specialist_sessions_request_idx" ON "specialist_sessions" USING btree ("request_id","held_on");--> statement-breakpoint
CREATE INDEX "support_log_school_idx" ON "support_log_entries" USING btree ("school_id","held_on");--> statement-breakpoint
CREATE INDEX "support_log_municipality_idx" ON "support_log_entries" USING btree ("municipality_id","held_on");