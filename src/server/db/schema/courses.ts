/**
 * Courses (issue 12, point 3): the region's catalogue of professional-development courses — title,
 * hours (24, 36, 72 …), dates, provider, format and the blocks of the professional standard they
 * address — and the enrolments of teachers and school heads with their completion. The individual
 * plans (ИОМ) recommend courses by matching their blocks to a teacher's deficits; the support
 * dashboard flags a course taken that matches none of the teacher's deficits.
 */
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions } from "./hierarchy";
import { teachers } from "./teachers";

type ProfessionalBlock = import("../../../core/teachers").ProfessionalBlock;

/** A course of the region's catalogue. */
export const courses = pgTable(
  "courses",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    hours: integer("hours").notNull(),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    /** Who runs it: «ГАУ ДПО СОИРО», «ФГАОУ ДПО «Академия Минпросвещения России»». */
    provider: text("provider").notNull().default(""),
    format: text("format", { enum: ["in_person", "remote", "blended"] })
      .notNull()
      .default("in_person"),
    /** The blocks of the professional standard the course addresses. */
    blocks: text("blocks").array().$type<ProfessionalBlock[]>().notNull().default(sql`'{}'::text[]`),
    /** Subjects it is for (empty: any subject). */
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    description: text("description").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("courses_region_idx").on(t.regionId, t.startsOn)],
);

/** A teacher's or a head's enrolment in a course and its completion. */
export const courseEnrolments = pgTable(
  "course_enrolments",
  {
    id: serial("id").primaryKey(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["enrolled", "completed", "dropped"] })
      .notNull()
      .default("enrolled"),
    enrolledOn: date("enrolled_on", { mode: "string" }).notNull(),
    completedOn: date("completed_on", { mode: "string" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("course_enrolments_uq").on(t.courseId, t.teacherId),
    index("course_enrolments_teacher_idx").on(t.teacherId),
  ],
);
