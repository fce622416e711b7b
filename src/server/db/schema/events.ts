/**
 * Events (issue 12, point 3): seminars, webinars, round tables, master classes, subject weeks, open
 * lessons, diagnostic tests, conferences and competitions of every level, with the schools that took
 * part and the numbers of people («73 педагога из 7 районов»). A МОЦ keeps the municipal and school
 * events of its municipality (municipality_id), the region every event of the region. The monitoring
 * (issue 13) counts participation by level per school and year from here.
 */
import { date, index, integer, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

type EventKind = import("../../../core/events").EventKind;
type EventLevel = import("../../../core/events").EventLevel;

/** An event of the region. */
export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    /** The municipality whose МОЦ keeps it; null for an event the region keeps. */
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    kind: text("kind").$type<EventKind>().notNull(),
    level: text("level").$type<EventLevel>().notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    topic: text("topic").notNull(),
    organiser: text("organiser").notNull().default(""),
    teachersCount: integer("teachers_count").notNull().default(0),
    headsCount: integer("heads_count").notNull().default(0),
    studentsCount: integer("students_count").notNull().default(0),
    municipalitiesCount: integer("municipalities_count").notNull().default(0),
    description: text("description").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("events_region_idx").on(t.regionId, t.heldOn),
    index("events_municipality_idx").on(t.municipalityId),
  ],
);

/** A school that took part in an event. */
export const eventSchools = pgTable(
  "event_schools",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.schoolId] }), index("event_schools_school_idx").on(t.schoolId)],
);
