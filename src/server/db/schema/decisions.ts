/**
 * Exit decisions (issue 13, item 4): at the end of a programme year the МОЦ proposes a decision for
 * each programme school of its municipality — it leaves the programme, continues, was closed or
 * reorganised — with reasons; the region approves it or returns it with a message. One decision a
 * school and programme year; the history of its steps is the audit log's.
 */
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

type DecisionKind = import("../../../core/decisions/decision").DecisionKind;
type DecisionStatus = import("../../../core/decisions/decision").DecisionStatus;

/** The decision on a programme school at the end of a programme year (`year`: the year it ends). */
export const schoolDecisions = pgTable(
  "school_decisions",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    kind: text("kind").$type<DecisionKind>().notNull(),
    reasons: text("reasons").notNull(),
    status: text("status").$type<DecisionStatus>().notNull().default("proposed"),
    /** The region's message when it returned the decision; empty otherwise. */
    message: text("message").notNull().default(""),
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedByName: text("proposed_by_name").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("school_decisions_school_year_uq").on(t.schoolId, t.year),
    index("school_decisions_region_year_idx").on(t.regionId, t.year),
  ],
);
