/**
 * Cache versions: one counter per kind of cached data, bumped by triggers in the same transaction as
 * every write that changes it (migration 0009_cache_version_triggers). An app server keeps cached
 * answers only while the counter it read before computing them is unchanged, so several servers over
 * one PostgreSQL database never serve what another has changed.
 */
import { bigint, pgTable, text } from "drizzle-orm/pg-core";

/**
 * `auth`: what a session resolves to (sessions, users, regions, settings, assignments);
 * `schools`: the schools in anyone's scope and what is shown of them (schools, municipalities,
 * assignments, regions); `identification`: runs, their results and criteria, rule sets.
 */
export const cacheVersions = pgTable("cache_versions", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
