/**
 * Shapes of the identification API, shared by the server (request and response schemas) and the
 * web client (types). Pure zod, no I/O.
 */
import { z } from "zod";
import { ruleSetCategorySchema, ruleSetSchema } from "./rule-set.schema";

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** School categories as stored in a run. */
export const schoolCategoryNameSchema = z.enum(["shnro", "shfnsu", "both", "none", "insufficient_data"]);

/** A rule set in lists: its current version's name and category. */
export const ruleSetSummarySchema = z.object({
  id: z.number(),
  presetKey: z.string().nullable(),
  isActive: z.boolean(),
  versionId: z.number(),
  version: z.number(),
  name: z.string(),
  category: ruleSetCategorySchema,
  updatedAt: z.string(),
});
/** A rule set in lists. */
export type RuleSetSummary = z.infer<typeof ruleSetSummarySchema>;

/** A rule set with its current definition and the list of its versions. */
export const ruleSetDetailSchema = ruleSetSummarySchema.extend({
  definition: ruleSetSchema,
  versions: z.array(
    z.object({ id: z.number(), version: z.number(), name: z.string(), createdAt: z.string() }),
  ),
  permissions: z.object({ canEdit: z.boolean() }),
});
/** A rule set with its definition and versions. */
export type RuleSetDetail = z.infer<typeof ruleSetDetailSchema>;

/** Body of creating a rule set or saving a new version of it. */
export const ruleSetInputSchema = z.object({
  definition: ruleSetSchema,
  regionId: z.number().int().positive().optional(),
});

/** Body of the live preview: a definition (saved or not) and a year. */
export const previewInputSchema = z.object({
  definition: ruleSetSchema,
  year: yearSchema,
  regionId: z.number().int().positive().optional(),
});

/** How many schools each criterion of a rule set catches, and the rule set as a whole. */
export const previewSchema = z.object({
  year: z.number(),
  schools: z.number(),
  flagged: z.number(),
  notFlagged: z.number(),
  insufficientData: z.number(),
  criteria: z.array(
    z.object({ criterionId: z.string(), met: z.number(), notMet: z.number(), noData: z.number() }),
  ),
});
/** Live preview counts. */
export type PreviewCounts = z.infer<typeof previewSchema>;

/** Body of a run: rule sets (default: every active one) and the year. */
export const runInputSchema = z.object({
  ruleSetIds: z.array(z.number().int().positive()).min(1).max(50).optional(),
  year: yearSchema,
  regionId: z.number().int().positive().optional(),
});

/** A rule set version as a run used it. */
export const runRuleSetSchema = z.object({
  ruleSetId: z.number(),
  versionId: z.number(),
  version: z.number(),
  name: z.string(),
  category: ruleSetCategorySchema,
  riskFlag: z.string().nullable(),
});
/** A rule set version as a run used it. */
export type RunRuleSet = z.infer<typeof runRuleSetSchema>;

/** Counts of schools by category, with the rural share among ШНРО and ШФНСУ. */
export const categoryCountsSchema = z.object({
  schools: z.number(),
  shnro: z.number(),
  shfnsu: z.number(),
  both: z.number(),
  none: z.number(),
  insufficientData: z.number(),
  /** ШНРО, ШФНСУ or both. */
  flagged: z.number(),
  flaggedRural: z.number(),
  /** Rural share among the flagged schools; null when none is flagged. */
  ruralShare: z.number().nullable(),
  /** Schools with at least one risk flag. */
  withRiskFlags: z.number(),
});
/** Counts of schools by category. */
export type CategoryCounts = z.infer<typeof categoryCountsSchema>;

/** A run as listed: what it used, who ran and approved it, and the counts the reader may see. */
export const runSchema = z.object({
  id: z.number(),
  regionId: z.number(),
  year: z.number(),
  status: z.enum(["done", "approved"]),
  ruleSets: z.array(runRuleSetSchema),
  schoolCount: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  /** The last withdrawal of the run's approval: when, by whom and why (null when never withdrawn). */
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  counts: categoryCountsSchema,
  permissions: z.object({ canApprove: z.boolean(), canWithdraw: z.boolean() }),
});
/** A run as listed. */
export type Run = z.infer<typeof runSchema>;

/** Longest reason of a withdrawal. */
export const MAX_WITHDRAWAL_REASON = 2000;

/** Body of withdrawing a run's approval: the reason, required (kept in the run and the audit log). */
export const withdrawInputSchema = z.object({
  reason: z
    .string({ error: "Укажите причину отзыва" })
    .trim()
    .min(1, { error: "Укажите причину отзыва" })
    .max(MAX_WITHDRAWAL_REASON, { error: `Причина — не длиннее ${MAX_WITHDRAWAL_REASON} символов` }),
});

/** One criterion's result in a stored run. */
export const criterionResultSchema = z.object({
  criterionId: z.string(),
  indicatorCode: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  yearsUsed: z.array(z.number()),
  verdict: z.enum(["met", "not_met", "no_data"]),
  sentence: z.string().nullable(),
});

/** One rule set's result for one school in a stored run. */
export const ruleSetResultSchema = z.object({
  ruleSetId: z.number(),
  versionId: z.number(),
  name: z.string(),
  category: ruleSetCategorySchema,
  status: z.enum(["flagged", "not_flagged", "insufficient_data"]),
  reason: z.enum(["small_school", "no_data"]).nullable(),
  criteria: z.array(criterionResultSchema),
});
/** One rule set's result for one school. */
export type RuleSetResult = z.infer<typeof ruleSetResultSchema>;

/** One school's stored result. */
export const runResultSchema = z.object({
  schoolId: z.number(),
  schoolCode: z.string(),
  schoolName: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  isRural: z.boolean(),
  category: schoolCategoryNameSchema,
  riskFlags: z.array(z.string()),
  reasons: z.array(z.string()),
  details: z.array(ruleSetResultSchema),
});
/** One school's stored result. */
export type RunResult = z.infer<typeof runResultSchema>;

/**
 * Which schools of a run to list by category: `identified` (the default) — ШНРО, ШФНСУ, both or any
 * risk flag; `flagged` — ШНРО, ШФНСУ or both; `all` — every school; or one stored category.
 */
export const resultsCategoryFilterSchema = z.union([
  schoolCategoryNameSchema,
  z.enum(["identified", "flagged", "all"]),
]);
/** A category filter of a run's results. */
export type ResultsCategoryFilter = z.infer<typeof resultsCategoryFilterSchema>;

/** Largest page of a run's results. */
export const MAX_RESULTS_PAGE_SIZE = 200;

/**
 * Filter and page of a run's results: municipality, category (default: the identified schools),
 * risk flag (one by name, or any with `anyRiskFlag`), search by school name or code; 1-based page.
 */
export const resultsQuerySchema = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
  category: resultsCategoryFilterSchema.default("identified"),
  riskFlag: z.string().trim().min(1).max(300).optional(),
  anyRiskFlag: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_RESULTS_PAGE_SIZE).default(50),
});
/** Filter and page of a run's results, as the server reads them. */
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

/** One page of a run's results and how many schools match the filter in all. */
export const runResultsPageSchema = z.object({
  items: z.array(runResultSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
/** One page of a run's results. */
export type RunResultsPage = z.infer<typeof runResultsPageSchema>;

/** Region and municipality summary of a run. */
export const runSummarySchema = z.object({
  runId: z.number(),
  year: z.number(),
  total: categoryCountsSchema,
  municipalities: z.array(
    categoryCountsSchema.extend({ municipalityId: z.number(), municipalityName: z.string() }),
  ),
});
/** Region and municipality summary of a run. */
export type RunSummary = z.infer<typeof runSummarySchema>;

const comparedSchoolSchema = z.object({
  schoolId: z.number(),
  code: z.string(),
  name: z.string(),
  before: schoolCategoryNameSchema.nullable(),
  after: schoolCategoryNameSchema.nullable(),
});

/** Schools that entered, left and stayed between two runs. */
export const runComparisonSchema = z.object({
  beforeRunId: z.number(),
  afterRunId: z.number(),
  entered: z.array(comparedSchoolSchema),
  left: z.array(comparedSchoolSchema),
  stayed: z.array(comparedSchoolSchema),
  /**
   * Issue 13: the decisions of the programme year the earlier run opened (its year + 1) on the schools
   * that left or stayed — kind and state; a school missing here has no decision («вывод отсутствует»).
   */
  decisionYear: z.number().optional(),
  decisions: z
    .array(
      z.object({
        schoolId: z.number(),
        kind: z.enum(["leaves", "continues", "closed", "reorganised"]),
        status: z.enum(["proposed", "approved", "returned"]),
      }),
    )
    .optional(),
});
/** A comparison of two runs. */
export type RunComparisonResponse = z.infer<typeof runComparisonSchema>;

/** A school's categories over the years (one entry per visible run), newest first. */
export const schoolHistorySchema = z.array(
  z.object({
    runId: z.number(),
    year: z.number(),
    runStatus: z.enum(["done", "approved"]),
    runAt: z.string(),
    category: schoolCategoryNameSchema,
    riskFlags: z.array(z.string()),
    reasons: z.array(z.string()),
    details: z.array(ruleSetResultSchema),
  }),
);
/** A school's categories over the years. */
export type SchoolHistory = z.infer<typeof schoolHistorySchema>;

/** Russian names of the categories. */
export const CATEGORY_LABELS: Record<z.infer<typeof schoolCategoryNameSchema>, string> = {
  shnro: "ШНРО",
  shfnsu: "ШФНСУ",
  both: "ШНРО и ШФНСУ",
  none: "Не выявлена",
  insufficient_data: "Недостаточно данных",
};
