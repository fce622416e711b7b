/**
 * Requests of the plans API, shared by the server (validation, OpenAPI) and the web forms. Every
 * message is Russian; the plan content itself is src/core/plans planInputSchema.
 */
import { z } from "zod";
import {
  ACTIVITY_STATUSES,
  checkInSchema,
  isoDateSchema,
  PLAN_ACTIONS,
  PLAN_KINDS,
  PLAN_LEVELS,
  PLAN_STATUSES,
  planPeriodSchema,
  reviewCommentsSchema,
} from "../core/plans";
import { planOrderSchema } from "./plans-api";

const idSchema = z.coerce.number().int().positive();
const yearSchema = z.coerce.number().int().min(2000).max(2100);
const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "Код: строчные латинские буквы, цифры и подчёркивание");

/** Query of the plans list; `today` fixes the day overdue activities are counted on (tests, reports). */
export const planListQuerySchema = z.object({
  level: z.enum(PLAN_LEVELS).optional(),
  year: yearSchema.optional(),
  municipalityId: idSchema.optional(),
  schoolId: idSchema.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  regionId: idSchema.optional(),
  today: isoDateSchema.optional(),
});
/** Query of the plans list. */
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

/** The kinds of school programmes. */
export const SCHOOL_PLAN_KINDS = [
  "transition_programme",
  "quality_programme",
  "anti_risk_programme",
] as const;

/** A blank plan of a kind: its owner place is the school or municipality named, or the actor's own. */
const blankPlanSchema = z.object({
  source: z.literal("blank"),
  kind: z.enum(PLAN_KINDS),
  title: z.string().trim().min(3, "Укажите название плана").max(1000),
  period: planPeriodSchema,
  schoolId: idSchema.optional(),
  municipalityId: idSchema.optional(),
  riskFactorCode: codeSchema.nullable().default(null),
});

/** A plan from a template (seed 004's road map, seed 001's regional one, the МОЦ plans), for a period. */
const templatePlanSchema = z.object({
  source: z.literal("template"),
  templateKey: z.string().min(1).max(100),
  period: planPeriodSchema.optional(),
  title: z.string().trim().min(3).max(1000).optional(),
  municipalityId: idSchema.optional(),
});

/**
 * A school programme built from the school's confirmed causes of a year and the measures chosen for
 * each (all recommended ones when `measureCodes` is left out); an anti-risk programme has one cause.
 */
const programmePlanSchema = z.object({
  source: z.literal("programme"),
  kind: z.enum(SCHOOL_PLAN_KINDS),
  schoolId: idSchema,
  year: yearSchema,
  period: planPeriodSchema.optional(),
  title: z.string().trim().min(3).max(1000).optional(),
  causes: z
    .array(z.object({ factorCode: codeSchema, measureCodes: z.array(codeSchema).max(50).optional() }))
    .min(1, "Выберите хотя бы одну подтверждённую причину")
    .max(30),
});

/** Body of creating a plan: blank, from a template, or a school programme from confirmed causes. */
export const createPlanInputSchema = z.discriminatedUnion("source", [
  blankPlanSchema,
  templatePlanSchema,
  programmePlanSchema,
]);
/** Body of creating a plan. */
export type CreatePlanInput = z.infer<typeof createPlanInputSchema>;

/** Body of a transition: submit, return (with comments), approve, lock, revise (with a reason). */
export const planTransitionInputSchema = z.object({
  action: z.enum(PLAN_ACTIONS),
  comments: reviewCommentsSchema.optional(),
  reason: z.string().trim().max(2000).optional(),
});
/** Body of a transition. */
export type PlanTransitionInput = z.infer<typeof planTransitionInputSchema>;

/** Body of a comment: on the whole plan (activityId null) or on one activity. */
export const planCommentInputSchema = z.object({
  activityId: z.string().min(1).max(64).nullable().default(null),
  body: z.string().trim().min(1, "Напишите комментарий").max(4000, "Не длиннее 4000 символов"),
});
/** Body of a comment. */
export type PlanCommentInput = z.infer<typeof planCommentInputSchema>;

/** Body of setting an activity's execution status. */
export const activityStateInputSchema = z.object({ status: z.enum(ACTIVITY_STATUSES) });

/** Body of a check-in: the activity is in the path. */
export const checkInInputSchema = checkInSchema.omit({ activityId: true });
/** Body of a check-in. */
export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** Body of setting an activity's assignees (mentors, specialists, МОЦ staff): the whole set. */
export const assigneesInputSchema = z.object({
  userIds: z.array(z.number().int().positive()).max(30, "Не больше 30 исполнителей"),
});

/** Body of editing a municipal road map's order: the fields to change. */
export const planOrderInputSchema = planOrderSchema.partial();
/** Body of editing a road map's order. */
export type PlanOrderInput = z.infer<typeof planOrderInputSchema>;

/** Query of the overdue activities. */
export const overdueQuerySchema = z.object({
  municipalityId: idSchema.optional(),
  regionId: idSchema.optional(),
  today: isoDateSchema.optional(),
});

/**
 * Query of a school's programme options (confirmed causes with recommended measures); without a year,
 * the latest school year with confirmed causes.
 */
export const programmeOptionsQuerySchema = z.object({ schoolId: idSchema, year: yearSchema.optional() });
