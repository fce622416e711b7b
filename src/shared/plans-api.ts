/**
 * Shapes of the plans API (school programmes, municipal and regional road maps), shared by the
 * server (response schemas, OpenAPI) and the web client (types). Requests are in plans-input.ts.
 */
import { z } from "zod";
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS } from "../core/indicators/indicator.schema";
import {
  ACTIVITY_STATUSES,
  isoDateSchema,
  PLAN_ACTIONS,
  PLAN_KINDS,
  PLAN_LEVELS,
  PLAN_STATUSES,
  planPeriodSchema,
  planSchema,
} from "../core/plans";
import { roleSchema } from "./roles";

/** The side a user takes on a plan: its author, its reviewer, a reader, or none. */
export const PLAN_VIEWER_SIDES = ["author", "reviewer", "reader", "none"] as const;

/** Where a plan belongs: its region, and its municipality or school with their names. */
export const planPlaceSchema = z.object({
  regionId: z.number(),
  regionName: z.string(),
  municipalityId: z.number().nullable(),
  municipalityName: z.string().nullable(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  schoolCode: z.string().nullable(),
});
/** Where a plan belongs. */
export type PlanPlace = z.infer<typeof planPlaceSchema>;

/** How far a plan's execution has come (src/core/plans planCompletion). */
export const planCompletionSchema = z.object({
  total: z.number(),
  planned: z.number(),
  inProgress: z.number(),
  done: z.number(),
  cancelled: z.number(),
  share: z.number().nullable(),
});

/** A plan in lists: its current version's title, state and figures. */
export const planListItemSchema = z.object({
  id: z.number(),
  level: z.enum(PLAN_LEVELS),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  year: z.number(),
  period: planPeriodSchema,
  place: planPlaceSchema,
  status: z.enum(PLAN_STATUSES),
  version: z.number(),
  activityCount: z.number(),
  completionShare: z.number().nullable(),
  overdueCount: z.number(),
  qualityWarningCount: z.number(),
  updatedAt: z.string(),
});
/** A plan in lists. */
export type PlanListItem = z.infer<typeof planListItemSchema>;

/** The plans list. */
export const planListSchema = z.object({ items: z.array(planListItemSchema) });
/** The plans list. */
export type PlanList = z.infer<typeof planListSchema>;

/** A plan-quality finding (src/core/plans checkPlanQuality): a Russian sentence. */
export const planIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(["warning", "notice"]),
  activityId: z.string().nullable(),
  causeCode: z.string().nullable(),
  message: z.string(),
});
/** A plan-quality finding. */
export type PlanIssueView = z.infer<typeof planIssueSchema>;

/** An overdue activity with its sentence. */
export const overdueActivitySchema = z.object({
  activityId: z.string(),
  number: z.string(),
  title: z.string(),
  end: z.string(),
  sentence: z.string(),
});

/** One version of a plan in its history. */
export const planVersionMetaSchema = z.object({
  id: z.number(),
  version: z.number(),
  status: z.enum(PLAN_STATUSES),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
/** One version of a plan in its history. */
export type PlanVersionMeta = z.infer<typeof planVersionMetaSchema>;

/** A review comment or the author's answer, on the whole plan (activityId null) or on an activity. */
export const planCommentSchema = z.object({
  id: z.number(),
  version: z.number(),
  activityId: z.string().nullable(),
  side: z.enum(["author", "reviewer"]),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
/** A review comment. */
export type PlanComment = z.infer<typeof planCommentSchema>;

/** A step of the review: who moved which version from what state to what. */
export const planEventSchema = z.object({
  id: z.number(),
  version: z.number(),
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  message: z.string(),
  actorName: z.string(),
  at: z.string(),
});

/** A check-in on an activity as stored. */
export const planCheckInSchema = z.object({
  id: z.number(),
  activityId: z.string(),
  date: z.string(),
  text: z.string(),
  evidenceText: z.string(),
  evidenceUrl: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
/** A check-in on an activity as stored. */
export type PlanCheckInView = z.infer<typeof planCheckInSchema>;

/** A user who may be (or is) assigned to an activity. */
export const planUserSchema = z.object({ userId: z.number(), fullName: z.string(), role: roleSchema });
/** A user who may be assigned to an activity. */
export type PlanUser = z.infer<typeof planUserSchema>;

/** The order approving a municipal road map: its details as the DOCX prints them. */
export const planOrderSchema = z.object({
  headerLines: z.array(z.string().trim().min(1).max(300)).min(1).max(6),
  number: z.string().trim().min(1, "Укажите номер приказа").max(50),
  date: isoDateSchema,
  place: z.string().trim().min(1, "Укажите место издания").max(200),
  title: z.string().trim().min(3, "Укажите заголовок приказа").max(1000),
  preamble: z.string().trim().min(3, "Укажите основание приказа").max(4000),
  signerPosition: z.string().trim().min(1, "Укажите должность подписывающего").max(300),
  signerName: z.string().trim().min(1, "Укажите имя подписывающего").max(200),
  authorityLines: z.array(z.string().trim().min(1).max(300)).min(1).max(6),
});
/** The order approving a municipal road map. */
export type PlanOrder = z.infer<typeof planOrderSchema>;

/** A code of the catalogue (a cause or a measure) with its title. */
export const codeTitleSchema = z.object({ code: z.string(), title: z.string() });

/** A catalogue indicator as plans name it: code, name, unit, direction. */
export const indicatorMetaSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
});

/** What the viewer may do with the plan now (the server checks again). */
export const planPermissionsSchema = z.object({
  canEdit: z.boolean(),
  canComment: z.boolean(),
  canRecordExecution: z.boolean(),
  canAssign: z.boolean(),
  canEditOrder: z.boolean(),
  /** The activities the viewer may add check-ins to (all of them for the author and reviewer). */
  checkInActivityIds: z.array(z.string()),
});

/**
 * A plan as its page shows it: the current version's content with execution merged in (activity
 * states), check-ins, comments, events, assignees, quality, overdue activities and completion, and
 * the viewer's side, actions and permissions.
 */
export const planDetailSchema = z.object({
  id: z.number(),
  level: z.enum(PLAN_LEVELS),
  kind: z.enum(PLAN_KINDS),
  year: z.number(),
  place: planPlaceSchema,
  current: planVersionMetaSchema,
  versions: z.array(planVersionMetaSchema),
  content: planSchema,
  checkIns: z.array(planCheckInSchema),
  comments: z.array(planCommentSchema),
  events: z.array(planEventSchema),
  assignees: z.array(planUserSchema.extend({ activityId: z.string() })),
  assigneeCandidates: z.array(planUserSchema),
  quality: z.array(planIssueSchema),
  overdue: z.array(overdueActivitySchema),
  completion: planCompletionSchema,
  confirmedCauses: z.array(codeTitleSchema),
  causeTitles: z.array(codeTitleSchema),
  measureTitles: z.array(codeTitleSchema),
  /** The catalogue indicators the activities name, with their units (to print baselines and targets). */
  indicators: z.array(indicatorMetaSchema),
  /** For the editor (empty unless the viewer may edit): the region's factors and measures to link, its indicators. */
  linkOptions: z.object({
    causes: z.array(codeTitleSchema),
    measures: z.array(codeTitleSchema),
    indicators: z.array(indicatorMetaSchema),
  }),
  order: planOrderSchema.nullable(),
  /** Suggested details for a road map's order form: the stored ones over defaults from the place. */
  orderDraft: planOrderSchema.partial().nullable(),
  today: z.string(),
  side: z.enum(PLAN_VIEWER_SIDES),
  sides: z.array(z.enum(["author", "reviewer"])),
  actions: z.array(z.enum(PLAN_ACTIONS)),
  permissions: planPermissionsSchema,
});
/** A plan as its page shows it. */
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** An old (or any) version of a plan, as it was written. */
export const planVersionViewSchema = z.object({
  planId: z.number(),
  meta: planVersionMetaSchema,
  content: planSchema,
});

/** A template a plan can start from. */
export const planTemplateSummarySchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(PLAN_KINDS),
  level: z.enum(PLAN_LEVELS),
  source: z.string(),
  period: planPeriodSchema,
  sectionCount: z.number(),
  activityCount: z.number(),
  notes: z.array(z.string()),
});

/** The templates list. */
export const planTemplateListSchema = z.array(planTemplateSummarySchema);

/** An overdue activity of an approved plan, for the МОЦ and region pages. */
export const overdueItemSchema = overdueActivitySchema.extend({
  planId: z.number(),
  planTitle: z.string(),
  kind: z.enum(PLAN_KINDS),
  place: planPlaceSchema,
  status: z.enum(ACTIVITY_STATUSES),
});
/** An overdue activity of an approved plan. */
export type OverdueItem = z.infer<typeof overdueItemSchema>;

/** Overdue activities in the actor's scope on a day. */
export const overdueListSchema = z.object({ today: z.string(), items: z.array(overdueItemSchema) });
/** Overdue activities in the actor's scope. */
export type OverdueList = z.infer<typeof overdueListSchema>;

/** A confirmed cause of a school with the measures the library recommends for it (the programme builder). */
export const programmeOptionsSchema = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  year: z.number(),
  /** The school years with confirmed causes, latest first. */
  years: z.array(z.number()),
  causes: z.array(
    codeTitleSchema.extend({
      note: z.string(),
      measures: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          description: z.string(),
          deadlineText: z.string(),
          indicatorCodes: z.array(z.string()),
        }),
      ),
    }),
  ),
});
/** A school's confirmed causes with recommended measures. */
export type ProgrammeOptions = z.infer<typeof programmeOptionsSchema>;
