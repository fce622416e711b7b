import { z } from "zod";

const indicatorCodeSchema = z.string().trim().min(1).max(100).describe("Код показателя каталога");

/** Comparison operator of a threshold: the condition is `value op threshold`. */
export const comparisonOpSchema = z.enum([">=", ">", "<=", "<"]);
/** Comparison operator of a threshold. */
export type ComparisonOp = z.infer<typeof comparisonOpSchema>;

const yearWindowSchema = z.strictObject({ kind: z.literal("year") });

const kOfNWindowSchema = z
  .strictObject({ kind: z.literal("k_of_n"), k: z.int().min(1).max(10), n: z.int().min(1).max(10) })
  .refine((window) => window.k <= window.n, { message: "k не может быть больше n", path: ["k"] });

const meanOfNWindowSchema = z.strictObject({ kind: z.literal("mean_of_n"), n: z.int().min(1).max(10) });

const trendWindowSchema = z.strictObject({
  kind: z.literal("trend"),
  n: z.int().min(2).max(10),
  /** Least worsening per year, in the indicator's units; default 0 (any worsening). */
  minSlope: z.number().min(0).optional(),
});

/** Years a criterion looks at; see {@link ruleSetSchema} for each kind. */
export const criterionWindowSchema = z.discriminatedUnion("kind", [
  yearWindowSchema,
  kOfNWindowSchema,
  meanOfNWindowSchema,
  trendWindowSchema,
]);
/** Years a criterion looks at. */
export type CriterionWindow = z.infer<typeof criterionWindowSchema>;

const multiWindowSchema = z.discriminatedUnion("kind", [yearWindowSchema, kOfNWindowSchema]);

const criterionBase = {
  id: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(300).optional(),
};

const thresholdCriterionSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("threshold"),
  indicatorCode: indicatorCodeSchema,
  op: comparisonOpSchema,
  value: z.number(),
  window: criterionWindowSchema.default({ kind: "year" }),
});

const bottomPercentCriterionSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("bottom_percent"),
  indicatorCode: indicatorCodeSchema,
  percent: z.number().gt(0).max(100),
  window: criterionWindowSchema.default({ kind: "year" }),
});

const belowMeanSdCriterionSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("below_mean_sd"),
  indicatorCode: indicatorCodeSchema,
  sd: z.number().gt(0).max(10),
  window: criterionWindowSchema.default({ kind: "year" }),
});

const multiThresholdCriterionSchema = z.strictObject({
  ...criterionBase,
  kind: z.literal("multi_threshold"),
  indicatorCodes: z.array(indicatorCodeSchema).min(1).max(50),
  op: comparisonOpSchema,
  value: z.number(),
  minCount: z.int().min(1),
  orSameTwoYears: z.boolean().default(false),
  window: multiWindowSchema.default({ kind: "year" }),
});

/** One criterion of a rule set; see {@link ruleSetSchema}. */
export const criterionSchema = z.discriminatedUnion("kind", [
  thresholdCriterionSchema,
  bottomPercentCriterionSchema,
  belowMeanSdCriterionSchema,
  multiThresholdCriterionSchema,
]);
/** One criterion of a rule set (windows filled with their defaults). */
export type Criterion = z.infer<typeof criterionSchema>;
/** A criterion over one indicator (every kind but multi_threshold). */
export type SingleIndicatorCriterion = Exclude<Criterion, { kind: "multi_threshold" }>;
/** The multi_threshold criterion (the Rosobrnadzor risk indicator). */
export type MultiThresholdCriterion = Extract<Criterion, { kind: "multi_threshold" }>;

/** How criteria verdicts combine into a school's status. */
export const combineSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("all") }),
  z.strictObject({ kind: z.literal("any") }),
  z.strictObject({ kind: z.literal("at_least"), k: z.int().min(1) }),
]);
/** How criteria verdicts combine. */
export type Combine = z.infer<typeof combineSchema>;

/** What a rule set identifies: ШНРО, ШФНСУ, or a named risk flag. */
export const ruleSetCategorySchema = z.enum(["shnro", "shfnsu", "risk"]);
/** What a rule set identifies. */
export type RuleSetCategory = z.infer<typeof ruleSetCategorySchema>;

/**
 * A rule set: the zod schema of the JSON file the CLI reads and of the rule-set editor.
 * Unknown keys are rejected, so a misspelt key is an error rather than silently ignored.
 *
 * - `name`, `description?`: shown to users, in Russian.
 * - `category`: "shnro" (ШНРО), "shfnsu" (ШФНСУ) or "risk"; `riskFlag?` names the flag a risk rule
 *   set raises (defaults to `name`; allowed only with category "risk").
 * - `combine`: `{kind:"all"}` (every criterion met), `{kind:"any"}` (at least one) or
 *   `{kind:"at_least", k}` (k or more). A criterion with no data never counts as met, so under
 *   "all" a school missing any criterion's data is not flagged; a school with no data for every
 *   criterion is "insufficient_data".
 * - `minStudents?`: schools with fewer students, or with an unknown number, are
 *   "insufficient_data", never flagged, and are left out of the region distributions.
 * - `criteria`: each has a unique `id`, an optional `label` and a `window` (default `{kind:"year"}`):
 *   - `threshold` `{indicatorCode, op: ">="|">"|"<="|"<", value}`: `value op threshold`;
 *   - `bottom_percent` `{indicatorCode, percent}`: among the worst ⌈n·percent/100⌉ of the n eligible
 *     schools with a value (worst by the indicator's direction; ties with the boundary included);
 *   - `below_mean_sd` `{indicatorCode, sd}`: worse than the region mean by at least `sd` population
 *     standard deviations (direction-aware);
 *   - `multi_threshold` `{indicatorCodes, op, value, minCount, orSameTwoYears}`: in a year, at least
 *     `minCount` of the indicators satisfy `value op threshold`, or (when `orSameTwoYears`) one of
 *     them does in this year and the year before. Windows "year" and "k_of_n" only.
 * - windows, all ending at the run year:
 *   - `{kind:"year"}`: the run year only;
 *   - `{kind:"k_of_n", k, n}`: the condition holds in at least k of the last n years; years without
 *     data count as not met; fewer than k years with data is "no_data";
 *   - `{kind:"mean_of_n", n}`: the mean of the years with data among the last n (at least ⌈n/2⌉),
 *     compared with the threshold or with the region distribution of such means;
 *   - `{kind:"trend", n, minSlope?}`: the condition holds in the run year and the least-squares
 *     slope over the last n years (at least min(n, 3) of them with data) worsens by more than 0
 *     and at least `minSlope` units a year.
 *   Position criteria (bottom_percent, below_mean_sd) are evaluated each year against that year's
 *   region distribution.
 * Values within 1e-9 of a threshold count as equal to it.
 */
export const ruleSetSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    category: ruleSetCategorySchema,
    riskFlag: z.string().trim().min(1).max(100).optional(),
    combine: combineSchema,
    minStudents: z.int().min(0).optional(),
    criteria: z.array(criterionSchema).min(1).max(100),
  })
  .superRefine((ruleSet, context) => {
    const seen = new Set<string>();
    ruleSet.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        context.addIssue({
          code: "custom",
          message: `Повторяется id критерия: ${criterion.id}`,
          path: ["criteria", index, "id"],
        });
      }
      seen.add(criterion.id);
      if (criterion.kind === "multi_threshold" && criterion.minCount > criterion.indicatorCodes.length) {
        context.addIssue({
          code: "custom",
          message: "minCount больше числа показателей",
          path: ["criteria", index, "minCount"],
        });
      }
    });
    if (ruleSet.combine.kind === "at_least" && ruleSet.combine.k > ruleSet.criteria.length) {
      context.addIssue({ code: "custom", message: "k больше числа критериев", path: ["combine", "k"] });
    }
    if (ruleSet.riskFlag !== undefined && ruleSet.category !== "risk") {
      context.addIssue({
        code: "custom",
        message: "riskFlag допустим только для category = risk",
        path: ["riskFlag"],
      });
    }
  });

/** A validated rule set, windows and flags filled with their defaults. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** A rule set as written in a JSON file (windows and orSameTwoYears may be omitted). */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
