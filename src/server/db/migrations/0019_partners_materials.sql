CREATE TABLE "material_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"material_id" integer NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"level" text NOT NULL,
	"municipality_id" integer,
	"school_id" integer,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags_text" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"file_name" text,
	"file_bytes" bigint,
	"file_key" text,
	"file_type" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('russian', coalesce(description, '') || ' ' || coalesce(author, '')), 'C')) STORED,
	"created_by" integer,
	"updated_by" integer,
	"updated_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"partner_kind" text NOT NULL,
	"partner_school_id" integer,
	"partner_name" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'signed' NOT NULL,
	"document_number" text DEFAULT '' NOT NULL,
	"document_date" date,
	"document_url" text DEFAULT '' NOT NULL,
	"file_name" text,
	"file_bytes" bigint,
	"file_key" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"updated_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreements_partner_ck" CHECK (("partner_agreements"."partner_kind" = 'school') = ("partner_agreements"."partner_school_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "material_links" ADD CONSTRAINT "material_links_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_links" ADD CONSTRAINT "material_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_partner_school_id_schools_id_fk" FOREIGN KEY ("partner_school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "material_links_uq" ON "material_links" USING btree ("material_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "material_links_entity_idx" ON "material_links" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "materials_region_idx" ON "materials" USING btree ("region_id","level");--> statement-breakpoint
CREATE INDEX "materials_search_idx" ON "materials" USING gin ("search");--> statement-breakpoint
CREATE INDEX "partner_agreements_school_idx" ON "partner_agreements" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "partner_agreements_region_idx" ON "partner_agreements" USING btree ("region_id");