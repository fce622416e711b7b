/**
 * Support (issue 12, points 1–2): the МОЦ log — consultations (for heads: the expert consulting
 * centre; teachers; parents; students), interviews with directors, visits with findings — and the
 * specialists' requests of schools with the work recorded on them as counts by group and age band
 * (never a child's name: 152-ФЗ).
 */
import { date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { mocStaff, municipalities, regions, schools } from "./hierarchy";

type CountRow = import("../../../core/support").CountRow;

/** One entry of the МОЦ log: a consultation, an interview with the director or a visit, at one school. */
export const supportLogEntries = pgTable(
  "support_log_entries",
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
    kind: text("kind", { enum: ["consultation", "interview", "visit"] }).notNull(),
    /** Whom a consultation was for; an interview is with heads; null for a visit without one. */
    audience: text("audience", { enum: ["heads", "teachers", "parents", "students"] }),
    format: text("format", { enum: ["in_person", "remote", "visit"] }).notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    /** The МОЦ staff member who gave it, or null with the name in given_by. */
    staffId: integer("staff_id").references(() => mocStaff.id, { onDelete: "set null" }),
    givenBy: text("given_by").notNull().default(""),
    peopleCount: integer("people_count").notNull(),
    findings: text("findings").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("support_log_school_idx").on(t.schoolId, t.heldOn),
    index("support_log_municipality_idx").on(t.municipalityId, t.heldOn),
  ],
);

/** A school's request for a specialist, new → assigned → in_work → done, with the moment of each. */
export const specialistRequests = pgTable(
  "specialist_requests",
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
    specialistKind: text("specialist_kind", {
      enum: ["psychologist", "speech_therapist", "defectologist", "social_pedagogue"],
    }).notNull(),
    target: text("target", { enum: ["children", "teachers", "parents"] }).notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["new", "assigned", "in_work", "done"] })
      .notNull()
      .default("new"),
    /** The specialist's account (role specialist, assigned to the school). */
    specialistId: integer("specialist_id").references(() => users.id, { onDelete: "set null" }),
    scheduledOn: date("scheduled_on", { mode: "string" }),
    /** The day it was filed (Moscow), for the overdue rule. */
    filedOn: date("filed_on", { mode: "string" }).notNull(),
    filedBy: integer("filed_by").references(() => users.id, { onDelete: "set null" }),
    assignedBy: integer("assigned_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("specialist_requests_school_idx").on(t.schoolId, t.status),
    index("specialist_requests_specialist_idx").on(t.specialistId, t.status),
    index("specialist_requests_region_idx").on(t.regionId, t.status),
  ],
);

/** A specialist's record of work on a request: an examination or a consultation, as counts only. */
export const specialistSessions = pgTable(
  "specialist_sessions",
  {
    id: serial("id").primaryKey(),
    requestId: integer("request_id")
      .notNull()
      .references(() => specialistRequests.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["examination", "consultation"] }).notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    /** Counts by group and age band; never a name. */
    counts: jsonb("counts").$type<CountRow[]>().notNull(),
    total: integer("total").notNull(),
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("specialist_sessions_request_idx").on(t.requestId, t.heldOn)],
);
