/**
 * Monitoring (issue 13): a region's versions of the monitoring template (seed 003, Table 1; the
 * preloaded version is stored as version 1 the first time the region's template is read), and the
 * schools' monitoring reports per year and stage (entry in March, final in October–November) with
 * their workflow steps. A report keeps the template version it was filed under.
 */
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions, schools } from "./hierarchy";

type MonitoringTemplate = import("../../../core/monitoring").MonitoringTemplate;
type ReportStatus = import("../../../core/monitoring").ReportStatus;
type MonitoringStage = import("../../../core/monitoring").MonitoringStage;
type IndicatorValue = import("../../../core/monitoring").IndicatorValue;

/** A stored version of a region's monitoring template. */
export const monitoringTemplates = pgTable(
  "monitoring_templates",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<MonitoringTemplate>().notNull(),
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("monitoring_templates_region_version_uq").on(t.regionId, t.version)],
);

/** One indicator's entry in a report: the value, the school's comment, the МОЦ's comment. */
export type ReportEntry = { value: IndicatorValue; comment: string; mocComment: string };

/** A school's monitoring report for a programme year and stage. */
export const monitoringReports = pgTable(
  "monitoring_reports",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    /** The programme year (the schools of the approved identification run of year − 1). */
    year: integer("year").notNull(),
    stage: text("stage").$type<MonitoringStage>().notNull(),
    templateId: integer("template_id")
      .notNull()
      .references(() => monitoringTemplates.id, { onDelete: "restrict" }),
    status: text("status").$type<ReportStatus>().notNull().default("draft"),
    /** Entries by indicator code; computed ones are stored as computed on submission. */
    entries: jsonb("entries").$type<Record<string, ReportEntry>>().notNull().default({}),
    /** «Аналитическая справка»: the report's narrative. */
    narrative: text("narrative").notNull().default(""),
    /** The МОЦ's comment on the whole report. */
    mocComment: text("moc_comment").notNull().default(""),
    returnMessage: text("return_message").notNull().default(""),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("monitoring_reports_school_year_stage_uq").on(t.schoolId, t.year, t.stage),
    index("monitoring_reports_region_year_idx").on(t.regionId, t.year),
  ],
);

/** Each step of a report's workflow: who moved it from what state to what, with a message. */
export const monitoringReportEvents = pgTable(
  "monitoring_report_events",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id")
      .notNull()
      .references(() => monitoringReports.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    message: text("message").notNull().default(""),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitoring_report_events_report_idx").on(t.reportId)],
);
