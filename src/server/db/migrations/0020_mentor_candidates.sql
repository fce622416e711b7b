ALTER TABLE "mentors" ADD COLUMN "position" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentors" ADD COLUMN "note" text DEFAULT '' NOT NULL;