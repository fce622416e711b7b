/**
 * Mentoring (issue 12, point 6): the mentors of a region — teachers and heads with their strengths by
 * block and subject, staff of resilient or high-result schools, МОЦ staff — with a capacity; the
 * pairs of a mentor and a teacher with a deficit (suggested by the exact matching with its score and
 * reason, then confirmed, changed or rejected by the МОЦ); and the pairs' meetings.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
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
import { mocStaff, municipalities, regions, schools } from "./hierarchy";
import { teachers } from "./teachers";

type BlockScores = import("../../../core/teachers").BlockScores;

/** A mentor: a teacher or head of a school, or a member of a МОЦ's staff, with a capacity. */
export const mentors = pgTable(
  "mentors",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["teacher", "head", "moc_staff"] }).notNull(),
    /** The teacher or head this mentor is (kind teacher or head). */
    teacherId: integer("teacher_id").references(() => teachers.id, { onDelete: "cascade" }),
    /** The МОЦ staff member this mentor is (kind moc_staff). */
    mocStaffId: integer("moc_staff_id").references(() => mocStaff.id, { onDelete: "cascade" }),
    /** The account the mentor signs in with, if any: a mentor sees only their mentees. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    fullName: text("full_name").notNull(),
    /** The position in words, for a mentor not attached to a school («методист МОЦ»); empty otherwise. */
    position: text("position").notNull().default(""),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    /** Strengths by block, 0–100 (a block left out is not a strength). */
    strengths: jsonb("strengths").$type<BlockScores>().notNull().default({}),
    /** How many mentees at once. */
    capacity: integer("capacity").notNull().default(1),
    /** Where the mentor comes from, for the reason sentence: «высокие результаты», «резильентная школа», «МОЦ». */
    source: text("source", { enum: ["high_result", "resilient", "moc", "other"] })
      .notNull()
      .default("other"),
    /** Why the mentor was taken: the candidate's sentence when added from the candidates list. */
    note: text("note").notNull().default(""),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("mentors_region_idx").on(t.regionId),
    uniqueIndex("mentors_teacher_uq").on(t.teacherId),
    index("mentors_user_idx").on(t.userId),
  ],
);

/** A mentor and a mentee: suggested by the matching, then confirmed, changed or rejected by the МОЦ. */
export const mentoringPairs = pgTable(
  "mentoring_pairs",
  {
    id: serial("id").primaryKey(),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    /** The school year (the year it ends). */
    year: integer("year").notNull(),
    status: text("status", { enum: ["suggested", "confirmed", "rejected", "ended"] })
      .notNull()
      .default("suggested"),
    /** The fit score the matching gave the pair, and its Russian sentence why. */
    score: doublePrecision("score"),
    reason: text("reason").notNull().default(""),
    /** The blocks the mentoring works on. */
    blocks: text("blocks").array().notNull().default(sql`'{}'::text[]`),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("mentoring_pairs_mentor_idx").on(t.mentorId, t.year),
    index("mentoring_pairs_teacher_idx").on(t.teacherId, t.year),
  ],
);

/** A meeting of a mentoring pair. */
export const mentoringMeetings = pgTable(
  "mentoring_meetings",
  {
    id: serial("id").primaryKey(),
    pairId: integer("pair_id")
      .notNull()
      .references(() => mentoringPairs.id, { onDelete: "cascade" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    format: text("format", { enum: ["in_person", "remote"] }).notNull(),
    topic: text("topic").notNull(),
    outcome: text("outcome").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("mentoring_meetings_pair_idx").on(t.pairId, t.heldOn)],
);
