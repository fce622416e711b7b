import { z } from "zod";

/* Import API shapes, shared by the server (routes, services, CLI) and the web import page. */

/**
 * Where an import's column mapping came from: sent with the request (the import page's form, an API
 * call), a mapping file of the command line (`--mapping`), remembered for the same header by the
 * last real import that succeeded with it (who ran it, when), or guessed from the column names.
 */
export const mappingSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("given") }),
  z.object({ kind: z.literal("file"), file: z.string() }),
  z.object({ kind: z.literal("remembered"), by: z.string().nullable(), at: z.string() }),
  z.object({ kind: z.literal("guessed") }),
]);
export type MappingSource = z.infer<typeof mappingSourceSchema>;

/** The server's answer to an upload: the columns, first rows and proposed mapping. */
export const inspectionSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  format: z.string(),
  sheet: z.string().nullable(),
  header: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  mapping: z.unknown(),
  remembered: z.boolean(),
  /** Where the proposed mapping comes from (remembered: by whom and when). */
  mappingSource: mappingSourceSchema,
  unmappedColumns: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Inspection = z.infer<typeof inspectionSchema>;

/** One error of an import: row and column where known. */
export const importIssueSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** A value a dry run would create (oldValue null) or change. */
export const importChangeSchema = z.object({
  row: z.number(),
  level: z.enum(["school", "municipality"]),
  code: z.string(),
  name: z.string(),
  indicatorCode: z.string(),
  year: z.number(),
  oldValue: z.number().nullable(),
  newValue: z.number(),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** The outcome of an import (or of its dry run) that its job leaves in its result. */
export const summarySchema = z.object({
  jobId: z.number(),
  dryRun: z.boolean(),
  /** Data rows read from the file. */
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** The first errors (MAX_LISTED_ERRORS), by row; nothing was written when there are any. */
  errors: z.array(importIssueSchema),
  /** How many errors there were in all. */
  errorCount: z.number(),
  /** A dry run without errors: the first new or changed values (their total is created + updated). */
  changes: z.array(importChangeSchema).optional(),
  /** The mapping the import used, once it was chosen, and where it came from. */
  mapping: z.unknown().optional(),
  mappingSource: mappingSourceSchema.optional(),
  /** Header columns the mapping leaves out: their cells were not read. */
  ignoredColumns: z.array(z.string()).optional(),
});
export type ImportSummary = z.infer<typeof summarySchema>;
