import { z } from "zod";
import { factorGroupSchema, factorSourceSchema, riskFactorSchema } from "../core/causes/factor.schema";
import { workbookSchema } from "../core/causes/workbook.schema";
import { measureSchema } from "../core/plans/measure.schema";

/*
 * Causes API shapes (issue 11), shared by the server (routes, OpenAPI) and the web pages: the region's
 * factor catalogue, the workbook of causes and its versions, the measure library. A school's answers,
 * examination, risk profile, confirmed causes and the registry are in school-causes-api.ts.
 */

/** The region a request works in: a federal operator names it, everyone else works in their own. */
export const regionIdField = z.coerce.number().int().positive().optional();

/** A factor of the region's catalogue as the API gives it. */
export const factorItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  group: factorGroupSchema,
  sources: z.array(factorSourceSchema),
  aliases: z.array(z.string()),
  position: z.number(),
  isRetired: z.boolean(),
  updatedAt: z.string(),
});
/** A factor of the region's catalogue. */
export type FactorItem = z.infer<typeof factorItemSchema>;

/** The region's factor catalogue with what the actor may do with it. */
export const factorListSchema = z.object({
  items: z.array(factorItemSchema),
  permissions: z.object({ canManage: z.boolean() }),
});
/** The region's factor catalogue. */
export type FactorList = z.infer<typeof factorListSchema>;

/** A new factor: its definition in the core format (code, title, description, group, sources, aliases). */
export const factorCreateSchema = z.object({ definition: riskFactorSchema, regionId: regionIdField });

const factorShape = riskFactorSchema.shape;

/** An edit of a factor: any of its texts, its place in the list, retiring it (or bringing it back). */
export const factorPatchSchema = z.object({
  title: factorShape.title.optional(),
  description: factorShape.description.optional(),
  group: factorShape.group.optional(),
  sources: factorShape.sources.optional(),
  aliases: z.array(z.string().trim().min(3).max(300)).optional(),
  position: z.number().int().min(0).max(10000).optional(),
  isRetired: z.boolean().optional(),
  regionId: regionIdField,
});
/** An edit of a factor. */
export type FactorPatch = z.infer<typeof factorPatchSchema>;

/** One version of the region's workbook, for the list of versions. */
export const workbookVersionSummarySchema = z.object({
  id: z.number(),
  version: z.number(),
  title: z.string(),
  note: z.string(),
  questionCount: z.number(),
  /** Schools' answers given under this version (any year). */
  responseCount: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
/** One version of the region's workbook. */
export type WorkbookVersionSummary = z.infer<typeof workbookVersionSummarySchema>;

/** The current version of the region's workbook with its definition. */
export const currentWorkbookSchema = workbookVersionSummarySchema.extend({
  definition: workbookSchema,
  permissions: z.object({ canManage: z.boolean() }),
});
/** The current version of the region's workbook. */
export type CurrentWorkbook = z.infer<typeof currentWorkbookSchema>;

/**
 * A new version of the workbook from an edit. The definition is checked by the server (validateWorkbook),
 * which names the section and question of each problem; its code and version number are the server's.
 */
export const workbookUpdateSchema = z.object({
  definition: z.unknown(),
  note: z.string().trim().max(500, "Причина изменения — не длиннее 500 символов").default(""),
  regionId: regionIdField,
});

/** A measure of the region's library with the names of its factors and indicators. */
export const measureItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  definition: measureSchema,
  isRetired: z.boolean(),
  updatedAt: z.string(),
  factors: z.array(z.object({ code: z.string(), title: z.string() })),
  /** The catalogue indicators the measure should move; the name is the code when the region lacks it. */
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
});
/** A measure of the region's library. */
export type MeasureItem = z.infer<typeof measureItemSchema>;

/** The region's measure library, optionally for one factor. */
export const measureListSchema = z.object({
  items: z.array(measureItemSchema),
  permissions: z.object({ canManage: z.boolean() }),
});
/** The region's measure library. */
export type MeasureList = z.infer<typeof measureListSchema>;

/** Query of the measure library: the measures addressing one factor, or all. */
export const measureQuerySchema = z.object({
  factor: z.string().max(64).optional(),
  regionId: regionIdField,
});

/** A new measure. */
export const measureCreateSchema = z.object({ definition: measureSchema, regionId: regionIdField });

/** An edit of a measure (its code stays), retiring it or bringing it back. */
export const measurePatchSchema = z.object({
  definition: measureSchema.optional(),
  isRetired: z.boolean().optional(),
  regionId: regionIdField,
});
/** An edit of a measure. */
export type MeasurePatch = z.infer<typeof measurePatchSchema>;
