/**
 * Shapes of the analytics API (contextual model and clusters), shared by the server (validation,
 * OpenAPI), the web client and the CLI.
 */
import { z } from "zod";
import { QUADRANTS } from "./quadrants";

const code = z.string().trim().min(1).max(100);

/** A list of indicator codes: an array, or one comma-separated string (as in a query string). */
const codeList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(code).min(1, "Выберите хотя бы один показатель").max(40));

const year = z.coerce.number().int().min(2000).max(2100);
const regionId = z.coerce.number().int().positive().optional();

/** Request of the contextual model. */
export const contextModelQuerySchema = z.object({
  outcome: code,
  context: codeList,
  year,
  /** Only a federal operator names the region; everyone else works in their own. */
  regionId,
  /** k of the «below expected» rule: residual worse than −k·σ. */
  k: z.coerce.number().min(0.1).max(5).optional(),
});
export type ContextModelQuery = z.infer<typeof contextModelQuerySchema>;

const indicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  direction: z.enum(["higher_better", "lower_better"]),
});

const excludedSchema = z.object({
  schoolId: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  missing: z.array(z.string()),
});

const quadrantSchema = z.enum(QUADRANTS);

/** The contextual model as the API returns it. */
export const contextModelResponseSchema = z.object({
  regionId: z.number(),
  year: z.number(),
  /** Set when the rows are limited to one municipality (a МОЦ); the model is always fitted on the whole region. */
  municipalityId: z.number().nullable(),
  model: z.object({
    outcome: indicatorSchema,
    context: z.array(indicatorSchema),
    n: z.number(),
    df: z.number(),
    coefficients: z.array(
      z.object({
        code: z.string().nullable(),
        name: z.string(),
        estimate: z.number(),
        standardError: z.number(),
        tValue: z.number(),
        pValue: z.number(),
        expectedSign: z.union([z.literal(1), z.literal(-1)]).nullable(),
        isSignAsExpected: z.boolean().nullable(),
      }),
    ),
    r2: z.number(),
    adjustedR2: z.number(),
    residualSd: z.number(),
    options: z.object({
      level: z.number(),
      residualSdMultiplier: z.number(),
      hardContextShare: z.number(),
      lowResultShare: z.number(),
      highResultShare: z.number(),
    }),
    boundaries: z.object({ hardContext: z.number(), lowResult: z.number(), highResult: z.number() }),
    rule: z.string(),
    quadrantCounts: z.record(quadrantSchema, z.number()),
  }),
  schools: z.array(
    z.object({
      schoolId: z.number(),
      code: z.string(),
      name: z.string(),
      municipalityId: z.number(),
      isRural: z.boolean(),
      actual: z.number(),
      context: z.array(z.number()),
      expected: z.number(),
      low: z.number(),
      high: z.number(),
      residual: z.number(),
      standardizedResidual: z.number(),
      isHardContext: z.boolean(),
      isLowResult: z.boolean(),
      isHighResult: z.boolean(),
      isBelowExpected: z.boolean(),
      quadrant: quadrantSchema,
    }),
  ),
  excluded: z.array(excludedSchema),
});
export type ContextModelResponse = z.infer<typeof contextModelResponseSchema>;

/** Request of the clustering. */
export const clustersQuerySchema = z.object({
  indicators: codeList,
  year,
  regionId,
  /** The number of clusters; absent: chosen by silhouette over 2..8. */
  k: z.coerce.number().int().min(2).max(20).optional(),
});
export type ClustersQuery = z.infer<typeof clustersQuerySchema>;

/** The clustering as the API returns it. */
export const clustersResponseSchema = z.object({
  regionId: z.number(),
  year: z.number(),
  municipalityId: z.number().nullable(),
  /** The year of the identification run the ШНРО/ШФНСУ shares come from; null when there is none. */
  categoriesSource: z.string().nullable(),
  k: z.number(),
  kChosenBy: z.enum(["silhouette", "user"]),
  silhouette: z.number(),
  silhouetteByK: z.array(z.object({ k: z.number(), silhouette: z.number() })),
  silhouetteSampleSize: z.number(),
  seed: z.number(),
  indicators: z.array(indicatorSchema),
  scales: z.array(z.object({ code: z.string(), mean: z.number(), sd: z.number() })),
  profiles: z.array(
    z.object({
      cluster: z.number(),
      size: z.number(),
      share: z.number(),
      means: z.record(z.string(), z.number()),
      zMeans: z.record(z.string(), z.number()),
      shnroShare: z.number().nullable(),
      shfnsuShare: z.number().nullable(),
      ruralShare: z.number(),
    }),
  ),
  schools: z.array(
    z.object({
      schoolId: z.number(),
      code: z.string(),
      name: z.string(),
      municipalityId: z.number(),
      isRural: z.boolean(),
      cluster: z.number(),
    }),
  ),
  excluded: z.array(excludedSchema),
});
export type ClustersResponse = z.infer<typeof clustersResponseSchema>;

/** What the analytics pages offer to choose from: the region's school indicators and the years with data. */
export const analyticsOptionsSchema = z.object({
  regionId: z.number(),
  indicators: z.array(
    indicatorSchema.extend({ unit: z.string(), group: z.string(), valueCount: z.number() }),
  ),
  years: z.array(z.number()),
  /** The latest year with data for at least half as many schools as the best year; null without data. */
  defaultYear: z.number().nullable(),
});
export type AnalyticsOptions = z.infer<typeof analyticsOptionsSchema>;
