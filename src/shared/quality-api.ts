import { z } from "zod";

/*
 * Report-quality control API shapes (issue 13, 5), shared by the server and the web pages: the МОЦ
 * reports (sections of text and recommendations tied to indicators and causes) and the flags.
 */

const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);

/** A section of a МОЦ report: a heading and its text. */
export const mocReportSectionSchema = z.object({
  title: text(300).default(""),
  text: text(100_000),
});
/** A section of a МОЦ report. */
export type MocReportSection = z.infer<typeof mocReportSectionSchema>;

/** A recommendation of a МОЦ report, tied to catalogue indicators (codes) and confirmed causes (ids). */
export const mocReportRecommendationSchema = z.object({
  text: text(2000).min(1, "Введите текст рекомендации"),
  indicatorCodes: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  causeIds: z.array(z.number().int().positive()).max(20).default([]),
});
/** A recommendation of a МОЦ report. */
export type MocReportRecommendation = z.infer<typeof mocReportRecommendationSchema>;

/** A new МОЦ report: of the actor's municipality, for a school year. */
export const mocReportCreateSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: text(300).min(1, "Введите название отчёта").optional(),
  sections: z.array(mocReportSectionSchema).max(50).default([]),
  recommendations: z.array(mocReportRecommendationSchema).max(100).default([]),
});
/** A new МОЦ report. */
export type MocReportCreate = z.infer<typeof mocReportCreateSchema>;

/** A change of a МОЦ report. */
export const mocReportPatchSchema = z.object({
  title: text(300).min(1, "Введите название отчёта").optional(),
  sections: z.array(mocReportSectionSchema).max(50).optional(),
  recommendations: z.array(mocReportRecommendationSchema).max(100).optional(),
});
/** A change of a МОЦ report. */
export type MocReportPatch = z.infer<typeof mocReportPatchSchema>;

/** The query of the lists: a school year, and a region for a federal operator. */
export const qualityQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.coerce.number().int().positive().optional(),
  threshold: z.coerce.number().min(0.05).max(1).optional(),
});

/** Where a text stands in its source and its text there. */
export const textSpanSchema = z.object({ start: z.number(), end: z.number(), text: z.string() });

/** A compared text as a flag names it; the МОЦ report id when it is one. */
export const comparedTextRefSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  label: z.string(),
  mocReportId: z.number().nullable(),
  /** False when the reader may not read this text: its label and passages are then withheld. */
  isVisible: z.boolean(),
});

/** A near-duplicate pair with the shared passages side by side. */
export const similarPairSchema = z.object({
  a: comparedTextRefSchema,
  b: comparedTextRefSchema,
  score: z.number(),
  jaccard: z.number(),
  passages: z.array(z.object({ a: textSpanSchema, b: textSpanSchema.nullable(), words: z.number() })),
});
/** A near-duplicate pair. */
export type SimilarPairView = z.infer<typeof similarPairSchema>;

/** The kinds of flag wired in this module: (a), (c) and (e) of issue 13, 5. */
export const QUALITY_FLAG_KINDS = [
  "duplicate",
  "missing_indicators",
  "unlinked_recommendation",
  "repeated_deficiency",
  "no_comparison",
] as const;

/** One report-quality flag: its kind, its Russian sentence, the МОЦ reports it concerns. */
export const qualityFlagSchema = z.object({
  kind: z.enum(QUALITY_FLAG_KINDS),
  sentence: z.string(),
  mocReportIds: z.array(z.number()),
  pair: similarPairSchema.nullable(),
});
/** A report-quality flag. */
export type QualityFlag = z.infer<typeof qualityFlagSchema>;

/** The flags of a region's year. */
export const qualityFlagsSchema = z.object({
  regionId: z.number(),
  year: z.number(),
  threshold: z.number(),
  sources: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number() })),
  flags: z.array(qualityFlagSchema),
});
/** The flags of a region's year. */
export type QualityFlags = z.infer<typeof qualityFlagsSchema>;

/** A МОЦ report in a list. */
export const mocReportItemSchema = z.object({
  id: z.number(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  year: z.number(),
  title: z.string(),
  sectionCount: z.number(),
  recommendationCount: z.number(),
  sourceFileName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string(),
  canEdit: z.boolean(),
});
/** A МОЦ report in a list. */
export type MocReportItem = z.infer<typeof mocReportItemSchema>;

/** The МОЦ reports of a year. */
export const mocReportListSchema = z.object({
  items: z.array(mocReportItemSchema),
  /** True when the actor may write a report of its municipality for the year and has none yet. */
  canCreate: z.boolean(),
});
/** The МОЦ reports of a year. */
export type MocReportList = z.infer<typeof mocReportListSchema>;

/** Something a recommendation may be tied to: a catalogue indicator or a confirmed cause. */
export const linkOptionSchema = z.object({ value: z.string(), label: z.string() });

/** A МОЦ report with its text, its recommendations, its flags and what its recommendations may be tied to. */
export const mocReportDetailSchema = mocReportItemSchema.extend({
  sections: z.array(mocReportSectionSchema),
  recommendations: z.array(
    mocReportRecommendationSchema.extend({
      indicatorLabels: z.array(z.string()),
      causeLabels: z.array(z.string()),
    }),
  ),
  flags: z.array(qualityFlagSchema),
  options: z.object({ indicators: z.array(linkOptionSchema), causes: z.array(linkOptionSchema) }),
});
/** A МОЦ report in full. */
export type MocReportDetail = z.infer<typeof mocReportDetailSchema>;
