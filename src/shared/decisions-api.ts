import { z } from "zod";
import {
  DECISION_KINDS,
  DECISION_STATUSES,
  DYNAMICS,
  RESULT_KINDS,
  TARGET_VERDICTS,
} from "../core/decisions";
import { regionIdField } from "./causes-api";
import { yearSchema } from "./data-collection";

/*
 * API shapes of the programme's results, the exit decisions and the programme funnel (issue 13,
 * items 3, 4 and 7): per programme school of a year, its targets, verdicts and decision.
 */

/** Which programme schools: a programme year (`year=2026` is 2025/26), optionally one municipality. */
export const decisionsQuerySchema = z.object({
  year: yearSchema.optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  regionId: regionIdField,
});
/** The query of the decisions page and the funnel. */
export type DecisionsQuery = z.infer<typeof decisionsQuerySchema>;

const dynamicsSchema = z.enum(DYNAMICS);

/** A target indicator of a school's programme with its actual value. */
export const targetResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  text: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  year: z.number().nullable(),
  actual: z.number().nullable(),
  isReached: z.boolean().nullable(),
});

/** A decision as the page shows it. */
export const decisionItemSchema = z.object({
  id: z.number(),
  kind: z.enum(DECISION_KINDS),
  reasons: z.string(),
  status: z.enum(DECISION_STATUSES),
  message: z.string(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
/** A decision. */
export type DecisionItem = z.infer<typeof decisionItemSchema>;

/** One programme school of the year: results, verdicts, decision. */
export const decisionRowSchema = z.object({
  schoolId: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  targets: z.array(targetResultSchema),
  targetVerdict: z.enum(TARGET_VERDICTS),
  dynamics: z.object(
    Object.fromEntries(RESULT_KINDS.map((kind) => [kind, dynamicsSchema])) as Record<
      (typeof RESULT_KINDS)[number],
      typeof dynamicsSchema
    >,
  ),
  decision: decisionItemSchema.nullable(),
  /** No decision, or one returned to the МОЦ: «вывод отсутствует». */
  isWithoutDecision: z.boolean(),
});
/** One programme school of the year. */
export type DecisionRow = z.infer<typeof decisionRowSchema>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<T[number], z.ZodNumber>);

/** The decisions page: a territory's programme schools of a year, the counts and sentences. */
export const decisionsPageSchema = z.object({
  year: z.number(),
  territory: z.string(),
  municipalityId: z.number().nullable(),
  municipalityOptions: z.array(z.object({ id: z.number(), name: z.string() })),
  schools: z.array(decisionRowSchema),
  summary: z.object({
    schools: z.number(),
    dynamics: z.object({
      subject: countsOf(DYNAMICS),
      personal: countsOf(DYNAMICS),
      olympiad: countsOf(DYNAMICS),
    }),
    targets: countsOf(TARGET_VERDICTS),
    decisions: countsOf(DECISION_KINDS),
    approved: z.number(),
    withoutDecision: z.number(),
  }),
  sentences: z.array(z.string()),
  canPropose: z.boolean(),
  canApprove: z.boolean(),
});
/** The decisions page. */
export type DecisionsPage = z.infer<typeof decisionsPageSchema>;

/** The МОЦ proposes (or changes) the decision on a programme school of a year. */
export const decisionProposeSchema = z.object({
  schoolId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(DECISION_KINDS),
  reasons: z
    .string()
    .trim()
    .min(1, "Укажите основания решения")
    .max(4000, "Основания не длиннее 4000 символов"),
});
/** The body of a proposal. */
export type DecisionPropose = z.infer<typeof decisionProposeSchema>;

/** The region returns a decision with a message. */
export const decisionReturnSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, "Напишите, что доработать")
    .max(2000, "Сообщение не длиннее 2000 символов"),
});

/** The stages of the programme funnel, in order. */
export const FUNNEL_STAGES = ["identified", "causes", "plan", "supported", "monitored", "decided"] as const;
/** A stage of the funnel. */
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const stageCounts = countsOf(FUNNEL_STAGES);

/** The programme funnel of a year: per municipality and per school. */
export const funnelSchema = z.object({
  year: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  territory: z.string(),
  municipalityId: z.number().nullable(),
  municipalityOptions: z.array(z.object({ id: z.number(), name: z.string() })),
  totals: stageCounts,
  municipalities: z.array(z.object({ municipalityId: z.number(), name: z.string(), counts: stageCounts })),
  schools: z.array(
    z.object({
      schoolId: z.number(),
      code: z.string(),
      name: z.string(),
      municipalityName: z.string(),
      stages: z.object(
        Object.fromEntries(FUNNEL_STAGES.map((s) => [s, z.boolean()])) as Record<FunnelStage, z.ZodBoolean>,
      ),
    }),
  ),
});
/** The programme funnel of a year. */
export type Funnel = z.infer<typeof funnelSchema>;
