/**
 * Teachers (issue 12): the registry of a school's teachers and heads — name, subjects, qualification
 * category, years of experience, nothing more personal — their diagnoses of professional deficits by
 * the blocks of the professional standard, and the levels each region's operator sets for the scores.
 * Courses, mentoring and the individual plans refer to these teachers.
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
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions, schools } from "./hierarchy";

type BlockScores = import("../../../core/teachers").BlockScores;

/** A teacher or a head of a school (педагогический работник): what the work needs, no more. */
export const teachers = pgTable(
  "teachers",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    /** «teacher», «director», «deputy»: heads are diagnosed and trained too. */
    position: text("position", { enum: ["teacher", "director", "deputy"] })
      .notNull()
      .default("teacher"),
    /** Subjects taught (catalogue words: «математика», «русский язык»). */
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    /** Qualification category: none, first, highest. */
    category: text("category", { enum: ["none", "first", "highest"] })
      .notNull()
      .default("none"),
    experienceYears: integer("experience_years").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // a school lists a person once; the import finds a teacher by school and name
    uniqueIndex("teachers_school_name_uq").on(t.schoolId, sql`lower(${t.fullName})`),
    index("teachers_school_idx").on(t.schoolId),
  ],
);

/** A diagnosis of a teacher's professional deficits: scores 0–100 by block, from a test or a self-assessment. */
export const deficitAssessments = pgTable(
  "deficit_assessments",
  {
    id: serial("id").primaryKey(),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    /** The school year it belongs to (the year it ends). */
    year: integer("year").notNull(),
    source: text("source", { enum: ["test", "self"] }).notNull(),
    scores: jsonb("scores").$type<BlockScores>().notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("deficit_assessments_teacher_idx").on(t.teacherId, t.assessedOn)],
);

/**
 * The levels a region's operator sets for deficit scores (e.g. below 50 — a deficit, 50–69 — partly
 * mastered, 70 and above — mastered), per block or for all blocks alike; the format is the teachers
 * core's. A region without a row uses the core's default.
 */
export const deficitScales = pgTable("deficit_scales", {
  regionId: integer("region_id")
    .primaryKey()
    .references(() => regions.id, { onDelete: "cascade" }),
  levels: jsonb("levels").$type<Record<string, unknown>>().notNull(),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

/**
 * A teacher's individual plan (индивидуальный образовательный маршрут, ИОМ) for a school year. Its
 * deficits, recommended courses and mentor are read live (diagnoses, courses, mentoring pairs); what
 * it stores is the people's own part: a note and the activities with deadlines.
 */
export const individualPlans = pgTable(
  "individual_plans",
  {
    id: serial("id").primaryKey(),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    /** The school year (the year it ends). */
    year: integer("year").notNull(),
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("individual_plans_teacher_year_uq").on(t.teacherId, t.year)],
);

/** An activity of an ИОМ: free text, a deadline, done or not. */
export const individualPlanItems = pgTable(
  "individual_plan_items",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => individualPlans.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    deadline: date("deadline", { mode: "string" }),
    isDone: boolean("is_done").notNull().default(false),
  },
  (t) => [index("individual_plan_items_plan_idx").on(t.planId, t.position)],
);
