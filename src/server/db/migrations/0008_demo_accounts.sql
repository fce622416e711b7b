ALTER TABLE "users" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Accounts of a demo region loaded before this column existed: the region's users, and the demo federal account.
UPDATE "users" SET "is_demo" = true WHERE "region_id" IN (SELECT "id" FROM "regions" WHERE "is_demo");--> statement-breakpoint
UPDATE "users" SET "is_demo" = true WHERE "role" = 'federal_operator' AND lower("login") = 'federal'
  AND EXISTS (SELECT 1 FROM "settings" WHERE "key" = 'demo' AND "value" = 'true'::jsonb);
