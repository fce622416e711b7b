/** Shapes of the monitoring API (issue 13): templates, school monitoring reports, Table 2. */
import { z } from "zod";
import {
  COMPUTED_RULES,
  INDICATOR_BASES,
  MONITORING_STAGES,
  monitoringTemplateSchema,
  REPORT_ACTIONS,
  REPORT_STATUSES,
} from "../core/monitoring";

const year = z.coerce.number().int().min(2000).max(2100);
const id = z.coerce.number().int().positive();

/** A template version in the list of a region's versions. */
export const templateVersionSchema = z.object({
  id: z.number(),
  version: z.number(),
  note: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});

/** The region's current template with its versions and the sentence of every computed rule. */
export const templateViewSchema = z.object({
  regionId: z.number(),
  current: templateVersionSchema,
  content: monitoringTemplateSchema,
  versions: z.array(templateVersionSchema),
  rules: z.record(z.enum(COMPUTED_RULES), z.string()),
  canEdit: z.boolean(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

/** A new version of the region's template. */
export const templateSaveSchema = z.object({
  regionId: id.optional(),
  content: monitoringTemplateSchema,
  note: z.string().trim().max(500).default(""),
});
export type TemplateSave = z.infer<typeof templateSaveSchema>;

/** The region query of the template. */
export const templateQuerySchema = z.object({ regionId: id.optional() });

/** Path of one report: school, programme year, stage. */
export const reportParamsSchema = z.object({ id, year, stage: z.enum(MONITORING_STAGES) });

const value = z.union([z.boolean(), z.number().min(0).max(1_000_000), z.null()]);

/** One indicator as the report shows it. */
export const reportIndicatorSchema = z.object({
  code: z.string(),
  criterion: z.string(),
  wording: z.string(),
  base: z.enum(INDICATOR_BASES),
  source: z.enum(["computed", "reported"]),
  valueType: z.enum(["boolean", "number"]),
  rule: z.string().nullable(),
  value,
  comment: z.string(),
  mocComment: z.string(),
});

/** A step of a report's workflow. */
export const reportEventSchema = z.object({
  fromStatus: z.string(),
  toStatus: z.string(),
  message: z.string(),
  actorName: z.string(),
  at: z.string(),
});

/** A school's monitoring report for a year and stage (not yet stored: id null, draft). */
export const reportViewSchema = z.object({
  id: z.number().nullable(),
  schoolId: z.number(),
  schoolName: z.string(),
  municipalityName: z.string(),
  year: z.number(),
  stage: z.enum(MONITORING_STAGES),
  status: z.enum(REPORT_STATUSES),
  isProgrammeSchool: z.boolean(),
  templateVersion: z.number(),
  criteria: z.array(z.object({ code: z.string(), title: z.string() })),
  indicators: z.array(reportIndicatorSchema),
  narrative: z.string(),
  mocComment: z.string(),
  returnMessage: z.string(),
  updatedByName: z.string(),
  events: z.array(reportEventSchema),
  permissions: z.object({ canEdit: z.boolean(), canSubmit: z.boolean(), canReview: z.boolean() }),
});
export type ReportView = z.infer<typeof reportViewSchema>;

/** What the school saves: reported values with comments and the narrative. */
export const reportSaveSchema = z.object({
  entries: z
    .record(z.string().max(10), z.object({ value, comment: z.string().trim().max(2000).default("") }))
    .default({}),
  narrative: z.string().max(50_000).default(""),
});
export type ReportSave = z.infer<typeof reportSaveSchema>;

/** The МОЦ's comments: on the report and optionally per indicator. */
export const reportReviewSchema = z.object({
  mocComment: z.string().trim().max(10_000),
  indicatorComments: z.record(z.string().max(10), z.string().trim().max(2000)).default({}),
});
export type ReportReview = z.infer<typeof reportReviewSchema>;

/** An action on a report. */
export const reportTransitionSchema = z.object({
  action: z.enum(REPORT_ACTIONS),
  message: z.string().max(2000).default(""),
});
export type ReportTransitionInput = z.infer<typeof reportTransitionSchema>;

/** The list query of reports. */
export const reportListQuerySchema = z.object({
  year: year.optional(),
  stage: z.enum(MONITORING_STAGES).default("final"),
  regionId: id.optional(),
  municipalityId: id.optional(),
});

/** The programme schools of a year and stage with the state of their reports. */
export const reportListSchema = z.object({
  regionId: z.number(),
  year: z.number(),
  stage: z.enum(MONITORING_STAGES),
  years: z.array(z.number()),
  items: z.array(
    z.object({
      schoolId: z.number(),
      schoolCode: z.string(),
      schoolName: z.string(),
      municipalityName: z.string(),
      reportId: z.number().nullable(),
      status: z.enum([...REPORT_STATUSES, "none"]),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type ReportList = z.infer<typeof reportListSchema>;

/** The Table 2 query: two or more years, a region for a federal operator, optionally a municipality. */
export const table2QuerySchema = z.object({
  years: z
    .string()
    .transform((s) => [...new Set(s.split(",").map((y) => Number(y.trim())))].sort((a, b) => a - b))
    .pipe(z.array(z.number().int().min(2000).max(2100)).min(2, "Выберите два года или больше").max(10)),
  regionId: id.optional(),
  municipalityId: id.optional(),
});

const cell = z.object({ count: z.number(), base: z.number(), percent: z.number().nullable() });

/** Table 2 as the API sends it. */
export const table2Schema = z.object({
  regionId: z.number(),
  regionName: z.string(),
  municipalityName: z.string().nullable(),
  years: z.array(z.number()),
  bases: z.array(
    z.object({ year: z.number(), programme: z.number(), region: z.number(), municipalities: z.number() }),
  ),
  reportsCounted: z.array(z.object({ year: z.number(), reports: z.number() })),
  rows: z.array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("criterion"), code: z.string(), title: z.string() }),
      z.object({
        kind: z.literal("indicator"),
        code: z.string(),
        criterion: z.string(),
        wording: z.string(),
        base: z.enum(INDICATOR_BASES),
        baseLabel: z.string(),
        cells: z.array(cell),
        changes: z.array(
          z.object({
            from: z.number(),
            to: z.number(),
            count: z.number(),
            percentPoints: z.number().nullable(),
          }),
        ),
      }),
    ]),
  ),
  criterionMeans: z.array(
    z.object({ code: z.string(), title: z.string(), means: z.array(z.number().nullable()) }),
  ),
});
export type Table2View = z.infer<typeof table2Schema>;
