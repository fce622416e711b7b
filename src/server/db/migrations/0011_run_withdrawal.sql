ALTER TABLE "identification_runs" ADD COLUMN "withdrawn_by" integer;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD COLUMN "withdrawn_by_name" text;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;