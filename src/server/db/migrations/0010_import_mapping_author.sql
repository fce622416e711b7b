ALTER TABLE "import_mappings" ADD COLUMN "remembered_by" integer;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD COLUMN "remembered_by_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_remembered_by_users_id_fk" FOREIGN KEY ("remembered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;