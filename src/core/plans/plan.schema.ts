import { z } from "zod";
import { deadlineSchema, readDeadline } from "./deadline";
import { type PlanPeriod, planPeriodSchema } from "./plan-period";

/** Levels of the hierarchy that write plans. */
export const PLAN_LEVELS = ["school", "municipal", "regional"] as const;
/** Level of a plan. */
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** Russian names of the plan levels. */
export const PLAN_LEVEL_LABELS: Record<PlanLevel, string> = {
  school: "Школа",
  municipal: "Муниципалитет",
  regional: "Регион",
};

/**
 * Kinds of plans: a school's programme of transition to effective functioning or of quality
 * improvement, a school's anti-risk programme (one per confirmed risk, project 500+), a municipal
 * road map or complex of measures, the regional road map.
 */
export const PLAN_KINDS = [
  "transition_programme",
  "quality_programme",
  "anti_risk_programme",
  "municipal_road_map",
  "municipal_measures",
  "regional_road_map",
] as const;
/** Kind of a plan. */
export type PlanKind = (typeof PLAN_KINDS)[number];

/** The level each kind of plan belongs to. */
export const PLAN_KIND_LEVEL: Record<PlanKind, PlanLevel> = {
  transition_programme: "school",
  quality_programme: "school",
  anti_risk_programme: "school",
  municipal_road_map: "municipal",
  municipal_measures: "municipal",
  regional_road_map: "regional",
};

/** Russian names of the kinds of plans. */
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  transition_programme: "Программа перехода в эффективный режим функционирования",
  quality_programme: "Программа повышения качества образования",
  anti_risk_programme: "Антирисковая программа",
  municipal_road_map: "Муниципальная дорожная карта",
  municipal_measures: "Муниципальный комплекс мер",
  regional_road_map: "Региональная дорожная карта",
};

/** States of an activity's execution. */
export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
/** State of an activity. */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Russian names of the activity states. */
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Запланировано",
  in_progress: "Выполняется",
  done: "Выполнено",
  cancelled: "Отменено",
};

const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "Код: строчные латинские буквы, цифры и подчёркивание");
const idSchema = z.string().trim().min(1, "Нет идентификатора").max(64);

/**
 * The implementation indicator («показатель реализации»): free text as printed, and optionally a
 * catalogue indicator with its baseline, its target and the year the target is for.
 */
export const implementationIndicatorSchema = z.strictObject({
  text: z.string().trim().max(1000).default(""),
  code: codeSchema.nullable().default(null),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  year: z.int().min(1990).max(2100).nullable().default(null),
});
/** The implementation indicator of an activity. */
export type ImplementationIndicator = z.infer<typeof implementationIndicatorSchema>;

const activityFields = {
  id: idSchema,
  /** The number as printed («1.1.», «3.7.»); may be empty, as in the seeds. */
  number: z.string().trim().max(20).default(""),
  title: z.string().trim().min(1, "Укажите наименование мероприятия").max(2000),
  /** People or organisations responsible, each as free text. */
  owners: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  status: z.enum(ACTIVITY_STATUSES).default("planned"),
  indicator: implementationIndicatorSchema.default({
    text: "",
    code: null,
    baseline: null,
    target: null,
    year: null,
  }),
  /** Codes of the causes (risk factors) the activity addresses. */
  causeCodes: z.array(codeSchema).default([]),
  /** Codes of the library measures the activity implements. */
  measureCodes: z.array(codeSchema).default([]),
};

/** An activity of a plan, its deadline kept as written and as read. */
export const activitySchema = z.strictObject({ ...activityFields, deadline: deadlineSchema });
/** An activity of a plan. */
export type Activity = z.infer<typeof activitySchema>;

/** An activity as an editor sends it: the deadline as text only. */
export const activityInputSchema = z.strictObject({
  ...activityFields,
  deadlineText: z.string().max(500, "Срок не длиннее 500 символов").default(""),
});
/** An activity as an editor sends it. */
export type ActivityInput = z.input<typeof activityInputSchema>;

const sectionFields = {
  id: idSchema,
  /** The number as printed («I.», «II.»); empty when the plan does not number its sections. */
  number: z.string().trim().max(20).default(""),
  title: z.string().trim().min(1, "Укажите название раздела").max(1000),
};

const planFields = {
  level: z.enum(PLAN_LEVELS),
  kind: z.enum(PLAN_KINDS),
  title: z.string().trim().min(3, "Укажите название плана").max(1000),
  period: planPeriodSchema,
  /** The risk an anti-risk programme addresses; null for every other kind. */
  riskFactorCode: codeSchema.nullable().default(null),
};

type PlanShape = {
  level: PlanLevel;
  kind: PlanKind;
  riskFactorCode: string | null;
  sections: { id: string; activities: { id: string }[] }[];
};

function checkPlan(plan: PlanShape, ctx: z.RefinementCtx): void {
  if (PLAN_KIND_LEVEL[plan.kind] !== plan.level) {
    ctx.addIssue({
      code: "custom",
      path: ["kind"],
      message: `«${PLAN_KIND_LABELS[plan.kind]}» — не план этого уровня`,
    });
  }
  if ((plan.kind === "anti_risk_programme") !== (plan.riskFactorCode !== null)) {
    const message =
      plan.kind === "anti_risk_programme"
        ? "Укажите риск антирисковой программы"
        : "Риск указывают только у антирисковой программы";
    ctx.addIssue({ code: "custom", path: ["riskFactorCode"], message });
  }
  const seen = new Set<string>();
  plan.sections.forEach((section, s) => {
    const ids = [section.id, ...section.activities.map((activity) => activity.id)];
    for (const id of ids) {
      if (seen.has(id))
        ctx.addIssue({ code: "custom", path: ["sections", s], message: `Идентификатор «${id}» повторяется` });
      seen.add(id);
    }
  });
}

/** A plan: level, kind, title, period, sections → activities. Its state and version live beside it. */
export const planSchema = z
  .strictObject({
    ...planFields,
    sections: z.array(z.strictObject({ ...sectionFields, activities: z.array(activitySchema) })),
  })
  .superRefine(checkPlan);
/** A plan (a school programme, a municipal or regional road map). */
export type Plan = z.infer<typeof planSchema>;
/** A section of a plan. */
export type PlanSection = Plan["sections"][number];

/** A plan as an editor sends it: deadlines as text, read on save. */
export const planInputSchema = z
  .strictObject({
    ...planFields,
    sections: z.array(z.strictObject({ ...sectionFields, activities: z.array(activityInputSchema) })),
  })
  .superRefine(checkPlan);
/** A plan as an editor sends it. */
export type PlanInput = z.infer<typeof planInputSchema>;

/** The plan of an edit, each deadline read against the plan's period. */
export function planFromInput(input: PlanInput): Plan {
  return {
    ...input,
    sections: input.sections.map((section) => ({
      ...section,
      activities: section.activities.map(({ deadlineText, ...activity }) => ({
        ...activity,
        deadline: readDeadline(deadlineText, input.period),
      })),
    })),
  };
}

/** The same plan with every deadline read again, e.g. after its period changed. */
export function rereadDeadlines(plan: Plan, period: PlanPeriod = plan.period): Plan {
  return {
    ...plan,
    period,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => ({
        ...activity,
        deadline: readDeadline(activity.deadline.text, period),
      })),
    })),
  };
}

/** Every activity of a plan with its section, in order. */
export function listActivities(plan: Plan): { section: PlanSection; activity: Activity }[] {
  return plan.sections.flatMap((section) => section.activities.map((activity) => ({ section, activity })));
}
