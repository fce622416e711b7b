import { z } from "zod";
import { readDeadline } from "./deadline";
import { PLAN_KIND_LEVEL, PLAN_KINDS, type Plan } from "./plan.schema";
import { type PlanPeriod, planPeriodSchema } from "./plan-period";

/** An activity of a template, as printed in its source. */
export const templateActivitySchema = z.strictObject({
  number: z.string().max(20),
  title: z.string().trim().min(1).max(2000),
  deadlineText: z.string().max(500),
  owners: z.array(z.string().trim().min(1).max(300)),
  indicatorText: z.string().max(1000),
  /** What the source's execution report says was done («Информация», «Содержание»), where it has one. */
  reportedText: z.string().max(8000).optional(),
});
/** An activity of a template. */
export type TemplateActivity = z.infer<typeof templateActivitySchema>;

/** A section of a template. */
export const templateSectionSchema = z.strictObject({
  number: z.string().max(20),
  title: z.string().trim().min(1).max(1000),
  activities: z.array(templateActivitySchema).min(1),
});
/** A section of a template. */
export type TemplateSection = z.infer<typeof templateSectionSchema>;

/**
 * A plan template: a real plan from the seeds (a municipal or regional road map, a МОЦ plan of
 * measures) a user starts from. `period` is the source's own; `source` says where it comes from;
 * `notes` say where the text departs from the print or keeps its oddities.
 */
export const planTemplateSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().trim().min(3).max(1000),
  kind: z.enum(PLAN_KINDS),
  source: z.string().trim().min(3).max(1000),
  period: planPeriodSchema,
  sections: z.array(templateSectionSchema).min(1),
  notes: z.array(z.string().trim().min(3).max(1000)),
});
/** A plan template. */
export type PlanTemplate = z.infer<typeof planTemplateSchema>;

/**
 * A draft plan from a template for a period (the template's own by default): sections «s1», «s2» …,
 * activities «s1-a1» …, deadlines read against the period, every activity planned and unlinked
 * (causes, measures and indicator codes are the author's to fill).
 */
export function planFromTemplate(template: PlanTemplate, period: PlanPeriod = template.period): Plan {
  return {
    level: PLAN_KIND_LEVEL[template.kind],
    kind: template.kind,
    title: template.title,
    period,
    riskFactorCode: null,
    sections: template.sections.map((section, s) => ({
      id: `s${s + 1}`,
      number: section.number,
      title: section.title,
      activities: section.activities.map((activity, a) => ({
        id: `s${s + 1}-a${a + 1}`,
        number: activity.number,
        title: activity.title,
        owners: [...activity.owners],
        deadline: readDeadline(activity.deadlineText, period),
        status: "planned",
        indicator: { text: activity.indicatorText, code: null, baseline: null, target: null, year: null },
        causeCodes: [],
        measureCodes: [],
      })),
    })),
  };
}
