/** Identification: rule sets (versioned) and runs (immutable snapshots). */
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions, schools } from "./hierarchy";

type RunRuleSet = import("../../../core/identification/api.schema").RunRuleSet;

/** Raw bytes; repositories move them as base64 text (`encode` / `decode`), the same on both drivers. */
const bytea = customType<{ data: string }>({ dataType: () => "bytea" });

/** A region's rule set for identifying ШНРО / ШФНСУ / a risk flag. Its content lives in versions. */
export const identificationRuleSets = pgTable(
  "identification_rule_sets",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    /** Key of a preloaded rule set (smolensk_shnro …); null for one a user wrote. */
    presetKey: text("preset_key"),
    currentVersionId: integer("current_version_id"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("identification_rule_sets_preset_uq")
      .on(t.regionId, t.presetKey)
      .where(sql`${t.presetKey} is not null`),
  ],
);

/** One version of a rule set; never changed once written, so a run can always show what it used. */
export const identificationRuleSetVersions = pgTable(
  "identification_rule_set_versions",
  {
    id: serial("id").primaryKey(),
    ruleSetId: integer("rule_set_id")
      .notNull()
      .references(() => identificationRuleSets.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: ["shnro", "shfnsu", "risk"] }).notNull(),
    /** The rule set as validated by ruleSetSchema. */
    definition: jsonb("definition").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("identification_rule_set_versions_uq").on(t.ruleSetId, t.version)],
);

/** A run of rule sets for a year over every school of a region: an immutable snapshot once stored. */
export const identificationRuns = pgTable(
  "identification_runs",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    status: text("status", { enum: ["done", "approved"] })
      .notNull()
      .default("done"),
    /** The rule set versions used: [{ruleSetId, versionId, version, name, category, riskFlag, definition}]. */
    ruleSets: jsonb("rule_sets").$type<RunRuleSet[]>().notNull(),
    schoolCount: integer("school_count").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    createdAt: createdAt(),
    approvedBy: integer("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedByName: text("approved_by_name"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** The last withdrawal of the run's approval (the run is then «done» again): who, when and why. */
    withdrawnBy: integer("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnByName: text("withdrawn_by_name"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason"),
  },
  (t) => [index("identification_runs_region_idx").on(t.regionId, t.year)],
);

/**
 * One school's result in a run, with the school as it was then: its category, risk flags and each
 * rule set's status. Every criterion's value, threshold, verdict and sentence lives in
 * {@link identificationRunCriteria}, at this row's `position`; the school's reasons are the
 * sentences of the met criteria of the rule sets that flagged it, so they are read from there.
 */
export const identificationResults = pgTable(
  "identification_results",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => identificationRuns.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id").notNull(),
    schoolCode: text("school_code").notNull(),
    schoolName: text("school_name").notNull(),
    isRural: boolean("is_rural").notNull(),
    category: text("category", { enum: ["shnro", "shfnsu", "both", "none", "insufficient_data"] }).notNull(),
    riskFlags: jsonb("risk_flags").$type<string[]>().notNull(),
    /** The school's place (0-based) in the run's order: its element in every criterion column. */
    position: integer("position").notNull(),
    /**
     * One letter per rule set of the run, in its order: f flagged, n not flagged, s not enough data
     * (small school), d not enough data (no data), i not enough data (no reason given).
     */
    ruleSetStatuses: text("rule_set_statuses").notNull(),
  },
  (t) => [
    primaryKey({ name: "identification_results_pk", columns: [t.runId, t.schoolId] }),
    index("identification_results_school_idx").on(t.schoolId),
  ],
);

/**
 * One criterion of one rule set of a run for a chunk of consecutive schools (element i is the school
 * at position `first_position + i`): a national run stores a few hundred of these rows instead of a
 * JSON document per school, and one school or one municipality reads a chunk, not the whole run.
 * Numbers are big-endian (Postgres's send form): float8 with NaN for "none", int4 year masks.
 */
export const identificationRunCriteria = pgTable(
  "identification_run_criteria",
  {
    runId: integer("run_id")
      .notNull()
      .references(() => identificationRuns.id, { onDelete: "cascade" }),
    /** Index of the rule set in the run's `rule_sets`. */
    ruleSetIndex: smallint("rule_set_index").notNull(),
    /** Index of the criterion in the rule set's results. */
    criterionIndex: smallint("criterion_index").notNull(),
    /** The position of the chunk's first school. */
    firstPosition: integer("first_position").notNull(),
    /** How many schools the chunk holds. */
    positionCount: integer("position_count").notNull(),
    criterionId: text("criterion_id").notNull(),
    /** The indicator codes the criterion reported; `indicator_picks` holds one index into it per school. */
    indicatorCodes: jsonb("indicator_codes").$type<string[]>().notNull(),
    /** One byte per school: which of `indicator_codes` its result names. */
    indicatorPicks: bytea("indicator_picks").notNull(),
    /** One letter per school: m met, n not met, d no data, «-» the school has no result for it. */
    verdicts: text("verdicts").notNull(),
    /** float8 per school: the value the verdict rests on (NaN: none). */
    values: bytea("values").notNull(),
    /** float8 per school: the threshold or region boundary compared with (NaN: none). */
    thresholds: bytea("thresholds").notNull(),
    /** int4 per school: bit k set when the year `run year − k` was used. */
    yearMasks: bytea("year_masks").notNull(),
    /** The Russian sentence per school; null where the criterion was not met. */
    sentences: text("sentences").array().$type<(string | null)[]>().notNull(),
  },
  (t) => [
    primaryKey({
      name: "identification_run_criteria_pk",
      columns: [t.runId, t.ruleSetIndex, t.criterionIndex, t.firstPosition],
    }),
  ],
);
