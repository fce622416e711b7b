/**
 * Report-quality control (issue 13, 5): the МОЦ's annual analytical report per municipality and
 * school year — sections of text typed in a form or read from an uploaded DOCX, and the
 * recommendations, each optionally tied to catalogue indicators (by code) and confirmed causes (by
 * id). The flags are computed on reading, never stored.
 */
import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { municipalities, regions } from "./hierarchy";

type MocReportSection = import("../../../shared/quality-api").MocReportSection;
type MocReportRecommendation = import("../../../shared/quality-api").MocReportRecommendation;

/** A МОЦ report (аналитический отчёт МОЦ) of a municipality for a school year. */
export const mocReports = pgTable(
  "moc_reports",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** The school year the report is for (the year it ends). */
    year: integer("year").notNull(),
    title: text("title").notNull(),
    sections: jsonb("sections").$type<MocReportSection[]>().notNull(),
    recommendations: jsonb("recommendations").$type<MocReportRecommendation[]>().notNull(),
    /** The DOCX the sections were read from, when they were. */
    sourceFileName: text("source_file_name"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("moc_reports_municipality_year_uq").on(t.municipalityId, t.year),
    index("moc_reports_region_year_idx").on(t.regionId, t.year),
  ],
);
