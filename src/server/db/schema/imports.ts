/** Long work and imports: jobs with their state, the staging of a value import, remembered column mappings. */
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions } from "./hierarchy";

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

/**
 * A column mapping remembered per file layout (the signature of its header), by the last real
 * import that succeeded with it: who ran it (the user, and the name shown) and when (updatedAt).
 */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    signature: text("signature").notNull(),
    mapping: jsonb("mapping").notNull(),
    rememberedBy: integer("remembered_by").references(() => users.id, { onDelete: "set null" }),
    /** The name of who remembered it, as shown («Иванова И. И.», «Командная строка»); '' before it was kept. */
    rememberedByName: text("remembered_by_name").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_mappings_uq").on(t.regionId, t.signature)],
);
