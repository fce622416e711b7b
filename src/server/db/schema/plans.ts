/**
 * Plans (issue 11): school programmes, municipal and regional road maps. A plan's content is a
 * document in the format of src/core/plans planSchema (sections → activities, each activity with a
 * stable string id), kept per version: an approved version is never changed; a revision with a reason
 * makes the next version. Review comments, the transitions, execution (activity states and check-ins,
 * keyed by the activity's id, so they outlive a revision) and the mentors or specialists assigned to an
 * activity live beside it.
 */
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

type Plan = import("../../../core/plans").Plan;

/** The states of a plan version (src/core/plans PLAN_STATUSES). */
const PLAN_STATUS = ["draft", "submitted", "returned", "approved", "locked"] as const;

/**
 * A plan of one level: a school's programme (school_id set), a municipality's road map
 * (municipality_id set) or the region's road map (neither). Its current version is the one people
 * edit, review or execute.
 */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    level: text("level", { enum: ["school", "municipal", "regional"] }).notNull(),
    kind: text("kind").notNull(),
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "restrict" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "restrict" }),
    /** The school year the plan is for (the year it ends: 2025 for 2024/25), for lists and the registry. */
    year: integer("year").notNull(),
    currentVersionId: integer("current_version_id").references((): AnyPgColumn => planVersions.id, {
      onDelete: "set null",
    }),
    /**
     * For a municipal road map: the order approving it (number, date, authority lines, signer), as the
     * DOCX of the order prints them; null until someone fills it.
     */
    order: jsonb("order_details").$type<Record<string, unknown>>(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("plans_region_year_idx").on(t.regionId, t.year),
    index("plans_school_idx").on(t.schoolId),
    index("plans_municipality_idx").on(t.municipalityId),
  ],
);

/** One version of a plan's content, with its state. */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references((): AnyPgColumn => plans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: PLAN_STATUS }).notNull().default("draft"),
    content: jsonb("content").$type<Plan>().notNull(),
    /** Why this version was made from an approved one; empty for the first. */
    reason: text("reason").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: integer("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedByName: text("approved_by_name"),
  },
  (t) => [uniqueIndex("plan_versions_plan_version_uq").on(t.planId, t.version)],
);

/** Each step of a plan's review: who moved which version from what state to what, with a message. */
export const planEvents = pgTable(
  "plan_events",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    message: text("message").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_events_plan_idx").on(t.planId)],
);

/** A review comment on a version, on the whole plan (activity_id null) or on one activity; the author answers too. */
export const planComments = pgTable(
  "plan_comments",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    versionId: integer("version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    activityId: text("activity_id"),
    side: text("side", { enum: ["author", "reviewer"] }).notNull(),
    body: text("body").notNull(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("plan_comments_plan_idx").on(t.planId, t.versionId)],
);

/** An activity's execution state once the plan is approved (overrides the status the content was written with). */
export const planActivityStates = pgTable(
  "plan_activity_states",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    status: text("status", { enum: ["planned", "in_progress", "done", "cancelled"] }).notNull(),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.activityId] })],
);

/** A check-in on an activity (отметка о выполнении): the date, what was done, the evidence. */
export const planCheckIns = pgTable(
  "plan_check_ins",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    doneOn: date("done_on", { mode: "string" }).notNull(),
    text: text("text").notNull(),
    evidenceText: text("evidence_text").notNull().default(""),
    evidenceUrl: text("evidence_url").notNull().default(""),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("plan_check_ins_plan_idx").on(t.planId, t.activityId)],
);

/** A mentor or specialist assigned to an activity: they read the plan and add check-ins to it. */
export const planActivityAssignees = pgTable(
  "plan_activity_assignees",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.activityId, t.userId] }),
    index("plan_activity_assignees_user_idx").on(t.userId),
  ],
);
