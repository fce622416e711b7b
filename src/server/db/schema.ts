/**
 * The database schema: one Drizzle schema for PGlite and a PostgreSQL server alike.
 * Migrations are generated from it with `npm run db:generate` and applied at start-up.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
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

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A region (субъект РФ); several regions may live under one federal operator. */
export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("regions_code_uq").on(t.code)],
);

/** A municipality (муниципальный район, округ, городской округ) of a region. */
export const municipalities = pgTable(
  "municipalities",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["district", "city"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("municipalities_region_code_uq").on(t.regionId, t.code)],
);

/** A school (общеобразовательная организация). */
export const schools = pgTable(
  "schools",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    fullName: text("full_name").notNull(),
    shortName: text("short_name").notNull(),
    kind: text("kind").notNull(),
    isRural: boolean("is_rural").notNull(),
    isSmall: boolean("is_small").notNull(),
    students: integer("students").notNull(),
    teachers: integer("teachers").notNull(),
    address: text("address").notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("schools_region_code_uq").on(t.regionId, t.code),
    index("schools_municipality_idx").on(t.municipalityId),
  ],
);

/** A МОЦ: municipal education centre, one per municipality. */
export const mocs = pgTable(
  "mocs",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mocs_municipality_uq").on(t.municipalityId)],
);

/** A member of a МОЦ's staff. */
export const mocStaff = pgTable(
  "moc_staff",
  {
    id: serial("id").primaryKey(),
    mocId: integer("moc_id")
      .notNull()
      .references(() => mocs.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    position: text("position", {
      enum: ["coordinator", "mentor_head", "mentor_teacher", "psychologist", "social_pedagogue"],
    }).notNull(),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("moc_staff_moc_idx").on(t.mocId)],
);

/** A person who signs in. Scope columns are set according to the role (checked in the access module). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role", {
      enum: [
        "federal_operator",
        "region_admin",
        "region_analyst",
        "moc_coordinator",
        "school_director",
        "mentor",
        "specialist",
      ],
    }).notNull(),
    regionId: integer("region_id").references(() => regions.id, { onDelete: "restrict" }),
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "restrict" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "restrict" }),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_login_uq").on(sql`lower(${t.login})`)],
);

/** Schools assigned to a mentor or a specialist. */
export const userSchoolAssignments = pgTable(
  "user_school_assignments",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.schoolId] }), index("assignments_school_idx").on(t.schoolId)],
);

/** A server-side session; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** The audit trail: every write, who, when, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorLogin: text("actor_login").notNull(),
    regionId: integer("region_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

/** Installation-wide settings (e.g. whether this is a demo installation). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

/* ---------- Data collection: indicators, values, imports, forms ---------- */

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

/** A long piece of work (an import, an identification run, a document) with its state and progress. */
export const jobs = pgTable(
  "jobs",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id").references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    status: text("status", { enum: ["created", "running", "done", "failed"] })
      .notNull()
      .default("created"),
    title: text("title").notNull(),
    /** The current stage in words («Проверка критериев»), for work done in stages; null otherwise. */
    stage: text("stage"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    payload: jsonb("payload"),
    result: jsonb("result"),
    error: text("error"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_region_idx").on(t.regionId, t.createdAt)],
);

/** Rows of an import being checked, before they are applied in one transaction. Emptied after each job. */
export const importStaging = pgTable(
  "import_staging",
  {
    jobId: integer("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    indicatorId: integer("indicator_id").notNull(),
    versionId: integer("version_id").notNull(),
    schoolId: integer("school_id"),
    municipalityId: integer("municipality_id"),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
  },
  // By job, then in file order: the dry run's first changes by row come off the index in order.
  (t) => [index("import_staging_job_idx").on(t.jobId, t.rowNumber)],
);

/** A column mapping remembered per file layout (the signature of its header). */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    signature: text("signature").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_mappings_uq").on(t.regionId, t.signature)],
);

/** A school's data form for a year and its approval state. */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    status: text("status", { enum: ["draft", "submitted", "approved", "accepted", "returned"] })
      .notNull()
      .default("draft"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("form_submissions_uq").on(t.schoolId, t.year)],
);

/** Each step of a form's approval: who moved it from what state to what, with a message. */
export const formEvents = pgTable(
  "form_events",
  {
    id: serial("id").primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => formSubmissions.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    message: text("message").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("form_events_submission_idx").on(t.submissionId)],
);

/** Values a region has unlocked in an approved form, with the reason. */
export const valueUnlocks = pgTable(
  "value_unlocks",
  {
    id: serial("id").primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => formSubmissions.id, { onDelete: "cascade" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("value_unlocks_submission_idx").on(t.submissionId)],
);

/* ---------- Identification: rule sets (versioned) and runs (immutable snapshots) ---------- */

type RunRuleSet = import("../../core/identification/api.schema").RunRuleSet;

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
