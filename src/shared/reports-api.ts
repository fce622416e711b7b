/**
 * Shapes of the reports API (issue 13, item 6): the documents a user downloads in one click — the
 * МОЦ annual report (seed 000) and the regional analytical report (seed 003) — and the reports
 * page's catalogue with a short preview of each.
 */
import { z } from "zod";

const year = z.coerce.number().int().min(2000).max(2100);
const line = z.string().trim().max(300).optional();

/** The МОЦ annual report's query: the school year (its first year), the municipality and the «УТВЕРЖДЕН» lines. */
export const mocAnnualQuerySchema = z.object({
  year,
  /** Required for the region; a МОЦ's own municipality by default. */
  municipalityId: z.coerce.number().int().positive().optional(),
  approverPosition: line,
  approverOrganisation: line,
  approverName: line,
  approvalOrder: line,
  approvalDate: line,
});
/** The МОЦ annual report's query. */
export type MocAnnualQuery = z.infer<typeof mocAnnualQuerySchema>;

/** The regional analytical report's query: the year, the region (the federal operator's choice), the goals text. */
export const regionalReportQuerySchema = z.object({
  year,
  regionId: z.coerce.number().int().positive().optional(),
  goalsText: z.string().max(6000).optional(),
});
/** The regional analytical report's query. */
export type RegionalReportQuery = z.infer<typeof regionalReportQuerySchema>;

/** The reports page's query. */
export const reportCatalogQuerySchema = z.object({
  year,
  regionId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
});

const downloadSchema = z.object({ format: z.enum(["docx", "xlsx"]), url: z.string() });

/** A document of the reports page: what it is, what it holds for the chosen year, and its downloads. */
export const reportDocumentSchema = z.object({
  key: z.enum(["moc_annual", "regional"]),
  title: z.string(),
  description: z.string(),
  preview: z.array(z.string()),
  downloads: z.array(downloadSchema),
});
/** A document of the reports page. */
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** The reports page's answer. */
export const reportCatalogSchema = z.object({
  year: z.number(),
  /** The municipalities the user may choose (a МОЦ: its own only). */
  municipalities: z.array(z.object({ id: z.number(), name: z.string() })),
  municipalityId: z.number().nullable(),
  approvalDefaults: z.object({
    approverPosition: z.string(),
    approverOrganisation: z.string(),
    approverName: z.string(),
    approvalOrder: z.string(),
    approvalDate: z.string(),
  }),
  goalsDefault: z.string(),
  documents: z.array(reportDocumentSchema),
  /** Documents Opora already makes elsewhere (the plans' order and execution report). */
  existing: z.array(z.object({ title: z.string(), description: z.string(), link: z.string() })),
});
/** The reports page's answer. */
export type ReportCatalog = z.infer<typeof reportCatalogSchema>;
