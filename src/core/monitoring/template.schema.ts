import { z } from "zod";

/**
 * The rules Opora computes a school's yes/no from (what it already holds for the programme year):
 * events by level, partnerships, courses, teachers' individual routes (ИОМ), the programme's plan and
 * the municipality's road map.
 */
export const COMPUTED_RULES = [
  "municipal_road_map",
  "programme_plan",
  "partners_social",
  "partners_school",
  "partners_parents",
  "partners_none",
  "courses_growth",
  "courses_stable",
  "events_federal",
  "events_regional",
  "events_municipal",
  "events_school_organised",
  "events_none",
  "individual_routes",
  "individual_routes_none",
] as const;
/** A rule Opora computes an indicator by. */
export type ComputedRule = (typeof COMPUTED_RULES)[number];

/** What a percent is taken of: the programme schools of the year, all the region's schools, its municipalities. */
export const INDICATOR_BASES = ["programme", "region", "municipalities"] as const;
/** The base of an indicator's percent. */
export type IndicatorBase = (typeof INDICATOR_BASES)[number];

/** Where an indicator's value comes from. */
export const indicatorSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("computed"), rule: z.enum(COMPUTED_RULES) }),
  z.object({ kind: z.literal("reported"), valueType: z.enum(["boolean", "number"]) }),
]);
/** Where an indicator's value comes from. */
export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;

const code = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, "Код вида «1» или «1.1»");

/** An indicator of the template (показатель): «Доля ОО, …». */
export const templateIndicatorSchema = z.object({
  code,
  criterion: code,
  wording: z.string().trim().min(3).max(500),
  base: z.enum(INDICATOR_BASES),
  source: indicatorSourceSchema,
});
/** An indicator of the template. */
export type TemplateIndicator = z.infer<typeof templateIndicatorSchema>;

/** A criterion of the template (критерий), a group of indicators. */
export const templateCriterionSchema = z.object({
  code,
  title: z.string().trim().min(3).max(300),
});
/** A criterion of the template. */
export type TemplateCriterion = z.infer<typeof templateCriterionSchema>;

/**
 * The monitoring template: criteria and indicators (seed 003, Table 1). Codes are unique, each
 * indicator's criterion exists and its code begins with the criterion's.
 */
export const monitoringTemplateSchema = z
  .object({
    criteria: z.array(templateCriterionSchema).min(1).max(30),
    indicators: z.array(templateIndicatorSchema).min(1).max(200),
  })
  .superRefine((t, ctx) => {
    const criteria = new Set<string>();
    t.criteria.forEach((c, i) => {
      if (criteria.has(c.code))
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "code"],
          message: `Код критерия ${c.code} повторяется`,
        });
      criteria.add(c.code);
    });
    const seen = new Set<string>();
    t.indicators.forEach((ind, i) => {
      if (seen.has(ind.code))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "code"],
          message: `Код показателя ${ind.code} повторяется`,
        });
      seen.add(ind.code);
      if (!criteria.has(ind.criterion) || !ind.code.startsWith(`${ind.criterion}.`))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "criterion"],
          message: `Показатель ${ind.code}: нет критерия ${ind.criterion}`,
        });
    });
  });
/** The monitoring template. */
export type MonitoringTemplate = z.infer<typeof monitoringTemplateSchema>;

/** Stages of the monitoring: entry (входной, March) and final (итоговый, October–November). */
export const MONITORING_STAGES = ["entry", "final"] as const;
/** A stage of the monitoring. */
export type MonitoringStage = (typeof MONITORING_STAGES)[number];

/** Russian names of the stages. */
export const MONITORING_STAGE_LABELS: Record<MonitoringStage, string> = {
  entry: "Входной мониторинг (март)",
  final: "Итоговый мониторинг (октябрь–ноябрь)",
};

/** Russian names of the bases. */
export const INDICATOR_BASE_LABELS: Record<IndicatorBase, string> = {
  programme: "от числа ОО программы года",
  region: "от числа ОО региона",
  municipalities: "от числа муниципальных образований",
};
