/**
 * Causes (issue 11): the region's catalogue of causes and risk factors, the versioned workbook of
 * causes («Рабочая тетрадь по выявлению причин неуспешности») with each school's answers, the МОЦ's
 * complex examination, the causes the МОЦ confirmed for a school and year, and the measure library.
 * The formats of the JSON columns are the zod schemas of src/core/causes and src/core/plans.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { regions, schools } from "./hierarchy";

type RiskFactor = import("../../../core/causes").RiskFactor;
type Workbook = import("../../../core/causes").Workbook;
type WorkbookAnswers = import("../../../core/causes").WorkbookAnswers["answers"];
type Measure = import("../../../core/plans").Measure;

/** A cause or risk factor of a region's catalogue (причина неуспешности, фактор риска); region-editable. */
export const causeFactors = pgTable(
  "cause_factors",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    /** The factor as src/core/causes riskFactorSchema reads it (title, description, group, sources…). */
    definition: jsonb("definition").$type<RiskFactor>().notNull(),
    position: integer("position").notNull().default(0),
    isRetired: boolean("is_retired").notNull().default(false),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("cause_factors_region_code_uq").on(t.regionId, t.code)],
);

/** One version of a region's workbook of causes; never changed once written (answers keep theirs). */
export const workbookVersions = pgTable(
  "workbook_versions",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The questionnaire as src/core/causes workbookSchema reads it. */
    definition: jsonb("definition").$type<Workbook>().notNull(),
    /** Why this version was made («добавлен вопрос о…»); empty for the preloaded one. */
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("workbook_versions_region_version_uq").on(t.regionId, t.version)],
);

/** A school's answers to the workbook for a school year, under the version they were given. */
export const workbookResponses = pgTable(
  "workbook_responses",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    versionId: integer("version_id")
      .notNull()
      .references(() => workbookVersions.id, { onDelete: "restrict" }),
    answers: jsonb("answers").$type<WorkbookAnswers>().notNull(),
    status: text("status", { enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("workbook_responses_school_year_uq").on(t.schoolId, t.year)],
);

/** The МОЦ's complex examination of a school in a school year (комплексное обследование). */
export const schoolExaminations = pgTable(
  "school_examinations",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    examinedOn: date("examined_on", { mode: "string" }).notNull(),
    participants: text("participants").notNull().default(""),
    documentCheck: text("document_check").notNull().default(""),
    interviews: text("interviews").notNull().default(""),
    assessmentAnalysis: text("assessment_analysis").notNull().default(""),
    findings: text("findings").notNull().default(""),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedByName: text("recorded_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("school_examinations_school_year_uq").on(t.schoolId, t.year)],
);

/** A cause the МОЦ confirmed for a school in a school year (the registry of causes counts these). */
export const confirmedCauses = pgTable(
  "confirmed_causes",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    factorId: integer("factor_id")
      .notNull()
      .references(() => causeFactors.id, { onDelete: "restrict" }),
    note: text("note").notNull().default(""),
    confirmedBy: integer("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedByName: text("confirmed_by_name").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("confirmed_causes_school_year_factor_uq").on(t.schoolId, t.year, t.factorId),
    index("confirmed_causes_year_idx").on(t.year),
  ],
);

/** A recommended measure of a region's library (мера), tied to the factors it addresses; region-editable. */
export const measures = pgTable(
  "measures",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    /** The measure as src/core/plans measureSchema reads it (title, description, factor and indicator codes…). */
    definition: jsonb("definition").$type<Measure>().notNull(),
    /** Its factor codes, kept beside the definition for the library's filter by cause. */
    factorCodes: text("factor_codes").array().notNull().default(sql`'{}'::text[]`),
    isRetired: boolean("is_retired").notNull().default(false),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("measures_region_code_uq").on(t.regionId, t.code)],
);
