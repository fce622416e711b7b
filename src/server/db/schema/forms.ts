/** Data forms: a school's form per year, its approval steps, values unlocked by the region. */
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { updatedAt } from "./columns";
import { indicators } from "./data";
import { schools } from "./hierarchy";

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
