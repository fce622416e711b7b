/** Data collection: the indicator catalogue (versioned), values and their history. */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

/** An indicator of a region's catalogue (показатель). Its definition lives in versions. */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    currentVersionId: integer("current_version_id"),
    isRetired: boolean("is_retired").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("indicators_region_code_uq").on(t.regionId, t.code)],
);

/** One version of an indicator's definition; values point at the version they were entered under. */
export const indicatorVersions = pgTable(
  "indicator_versions",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    unit: text("unit", { enum: ["share", "percent", "count", "score", "bool"] }).notNull(),
    direction: text("direction", { enum: ["higher_better", "lower_better"] }).notNull(),
    min: doublePrecision("min").notNull(),
    max: doublePrecision("max").notNull(),
    level: text("level", { enum: ["school", "municipality"] }).notNull(),
    group: text("group_code").notNull(),
    source: text("source").notNull(),
    description: text("description").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("indicator_versions_uq").on(t.indicatorId, t.version)],
);

/** A value of an indicator for a school (or a municipality) in a school year (the year it ends). */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => indicatorVersions.id, { onDelete: "cascade" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source", { enum: ["import", "form", "api", "demo"] }).notNull(),
    sourceRef: text("source_ref"),
    enteredBy: integer("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Indicator and year lead the unique keys, so they also serve «every value of an indicator in a
    // year» (the facts of a run): one index fewer to maintain on every write than a separate
    // (indicator, year) index, whose long runs of equal keys were the dearest part of a bulk import.
    // The school key also INCLUDEs the value (migration 0007, hand-written: Drizzle has no INCLUDE), so
    // a run reads an (indicator, year) column with an index-only scan.
    uniqueIndex("indicator_values_school_uq")
      .on(t.indicatorId, t.year, t.schoolId)
      .where(sql`${t.schoolId} is not null`),
    uniqueIndex("indicator_values_municipality_uq")
      .on(t.indicatorId, t.year, t.municipalityId)
      .where(sql`${t.municipalityId} is not null`),
    index("indicator_values_school_year_idx").on(t.schoolId, t.year),
  ],
);

/**
 * Every change of a value: the old and new value, who, when, from what, and why. A cleared value's
 * row is deleted; its history stays, with value_id emptied and the owner, indicator and year kept
 * (filled in when the value is cleared), so a value entered again later shows what came before.
 */
export const indicatorValueHistory = pgTable(
  "indicator_value_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    valueId: bigint("value_id", { mode: "number" }).references(() => indicatorValues.id, {
      onDelete: "set null",
    }),
    indicatorId: integer("indicator_id").references(() => indicators.id, { onDelete: "cascade" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    year: integer("year"),
    oldValue: doublePrecision("old_value"),
    newValue: doublePrecision("new_value"),
    source: text("source").notNull(),
    sourceRef: text("source_ref"),
    reason: text("reason"),
    changedBy: integer("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("indicator_value_history_value_idx").on(t.valueId),
    // Only the history of cleared values carries its school (see above): indexing the others' empty
    // school would make every bulk write append to one ever-growing run of nulls.
    index("indicator_value_history_school_year_idx")
      .on(t.schoolId, t.year)
      .where(sql`${t.schoolId} is not null`),
  ],
);
