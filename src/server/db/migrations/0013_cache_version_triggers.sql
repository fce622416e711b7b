-- Cache versions bumped by triggers, in the transaction of the write itself: every write path (the API,
-- imports, the demo loader, the command line, plain SQL) invalidates the caches of every app server.
-- A server on PostgreSQL reads the counters with every signed-in request; PGlite, held by one process,
-- hears the notification on channel cache_versions (payload: the counter's name) as the write commits.
INSERT INTO "cache_versions" ("name", "version") VALUES ('auth', 0), ('schools', 0), ('identification', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_cache_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "cache_versions" SET "version" = "version" + 1 WHERE "name" = ANY (TG_ARGV);
  PERFORM pg_notify('cache_versions', "n") FROM unnest(TG_ARGV) AS "n";
  RETURN NULL;
END $$;
--> statement-breakpoint
-- For statements that often touch no row (the expired-session sweep at every sign-in).
CREATE FUNCTION "bump_cache_versions_if_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "changed_rows") THEN
    UPDATE "cache_versions" SET "version" = "version" + 1 WHERE "name" = ANY (TG_ARGV);
    PERFORM pg_notify('cache_versions', "n") FROM unnest(TG_ARGV) AS "n";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "schools_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "schools"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('schools');
--> statement-breakpoint
CREATE TRIGGER "municipalities_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('schools');
--> statement-breakpoint
CREATE TRIGGER "assignments_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_school_assignments"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('auth', 'schools');
--> statement-breakpoint
-- A new demo region widens what a demo federal account reads: inserts count too.
CREATE TRIGGER "regions_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('auth', 'schools');
--> statement-breakpoint
CREATE TRIGGER "identification_runs_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "identification_runs"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('identification');
--> statement-breakpoint
CREATE TRIGGER "identification_results_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "identification_results"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('identification');
--> statement-breakpoint
CREATE TRIGGER "identification_run_criteria_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "identification_run_criteria"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('identification');
--> statement-breakpoint
CREATE TRIGGER "identification_rule_sets_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "identification_rule_sets"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('identification');
--> statement-breakpoint
CREATE TRIGGER "identification_rule_set_versions_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "identification_rule_set_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('identification');
--> statement-breakpoint
CREATE TRIGGER "users_cache_version" AFTER UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('auth');
--> statement-breakpoint
CREATE TRIGGER "settings_cache_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "settings"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('auth');
--> statement-breakpoint
CREATE TRIGGER "sessions_deleted_cache_version" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS "changed_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions_if_rows"('auth');
--> statement-breakpoint
CREATE TRIGGER "sessions_truncated_cache_version" AFTER TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_versions"('auth');
--> statement-breakpoint
-- The sliding expiry moves expires_at forward once a minute: that keeps a cached session valid (a
-- server holding an older expiry only looks the session up again sooner); anything else invalidates.
CREATE TRIGGER "sessions_changed_cache_version" AFTER UPDATE ON "sessions"
  FOR EACH ROW WHEN (
    NEW."expires_at" < OLD."expires_at"
    OR NEW."user_id" IS DISTINCT FROM OLD."user_id"
    OR NEW."csrf_token" IS DISTINCT FROM OLD."csrf_token"
    OR NEW."token_hash" IS DISTINCT FROM OLD."token_hash"
  )
  EXECUTE FUNCTION "bump_cache_versions"('auth');
