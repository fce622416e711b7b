/**
 * Shapes of the support API (issue 12, points 1–2): the МОЦ log and the specialists' requests, shared
 * by the server (validation, OpenAPI) and the web client (types, forms).
 */
import { z } from "zod";
import { isoDateSchema } from "../core/plans/iso-date";
import {
  CHILD_AGE_BANDS,
  COUNT_GROUPS,
  countRowSchema,
  LOG_AUDIENCES,
  LOG_FORMATS,
  LOG_KINDS,
  logEntryInputSchema,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  REQUEST_STATUSES,
  REQUEST_TARGETS,
  SESSION_KINDS,
  SPECIALIST_KINDS,
} from "../core/support";

export { CHILD_AGE_BANDS, COUNT_GROUPS };

const schoolRefSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
});

/** A school as support answers name it. */
export type SupportSchoolRef = z.infer<typeof schoolRefSchema>;

/** The body of a new log entry (the same rules as the form and the import). */
export const logEntryCreateSchema = logEntryInputSchema;

/** The body of a log entry's edit: the whole entry again. */
export const logEntryUpdateSchema = logEntryInputSchema;

/** Filters of the log list. */
export const logQuerySchema = z.object({
  schoolId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  kind: z.enum(LOG_KINDS).optional(),
  audience: z.enum(LOG_AUDIENCES).optional(),
  format: z.enum(LOG_FORMATS).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Filters of the log list. */
export type LogQuery = z.infer<typeof logQuerySchema>;

/** One entry of the МОЦ log as the list shows it. */
export const logEntrySchema = z.object({
  id: z.number(),
  school: schoolRefSchema,
  kind: z.enum(LOG_KINDS),
  audience: z.enum(LOG_AUDIENCES).nullable(),
  format: z.enum(LOG_FORMATS),
  heldOn: z.string(),
  topic: z.string(),
  staffId: z.number().nullable(),
  givenBy: z.string(),
  peopleCount: z.number(),
  findings: z.string(),
  canEdit: z.boolean(),
});

/** One entry of the МОЦ log. */
export type LogEntry = z.infer<typeof logEntrySchema>;

/** The log list: entries (newest first), totals of the filtered set, what the user may do. */
export const logListSchema = z.object({
  items: z.array(logEntrySchema),
  total: z.number(),
  totals: z.object({
    entries: z.number(),
    people: z.number(),
    byKind: z.record(z.string(), z.number()),
    byAudience: z.record(z.string(), z.number()),
  }),
  permissions: z.object({ canWrite: z.boolean() }),
});

/** The log list. */
export type LogList = z.infer<typeof logListSchema>;

/** The body of a new specialist request. */
export const requestCreateSchema = z.object({
  schoolId: z.number().int().positive(),
  specialistKind: z.enum(SPECIALIST_KINDS),
  target: z.enum(REQUEST_TARGETS),
  reason: z
    .string()
    .trim()
    .min(1, "Опишите, что нужно")
    .max(MAX_REASON_LENGTH, `Не длиннее ${MAX_REASON_LENGTH} знаков`),
});

/** The body of an assignment: the specialist and the date. */
export const requestAssignSchema = z.object({
  specialistId: z.number().int().positive(),
  scheduledOn: isoDateSchema,
});

/** The body of a specialist's record of work. */
export const sessionCreateSchema = z.object({
  kind: z.enum(SESSION_KINDS),
  heldOn: isoDateSchema,
  counts: z.array(countRowSchema).min(1, "Укажите хотя бы одну группу").max(20),
  note: z.string().trim().max(MAX_NOTE_LENGTH).default(""),
});

/** Filters of the request list. */
export const requestQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(["true", "false"]).optional(),
  today: isoDateSchema.optional(),
});

const durationsSchema = z.object({
  waiting: z.number().nullable(),
  assigned: z.number().nullable(),
  inWork: z.number().nullable(),
  total: z.number().nullable(),
});

/** One specialist request as lists show it. */
export const requestItemSchema = z.object({
  id: z.number(),
  school: schoolRefSchema,
  specialistKind: z.enum(SPECIALIST_KINDS),
  target: z.enum(REQUEST_TARGETS),
  reason: z.string(),
  status: z.enum(REQUEST_STATUSES),
  specialist: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  scheduledOn: z.string().nullable(),
  filedOn: z.string(),
  createdAt: z.string(),
  assignedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  durations: durationsSchema,
  overdue: z.object({ reason: z.enum(["unassigned", "past_date"]), sentence: z.string() }).nullable(),
  reached: z.object({ children: z.number(), teachers: z.number(), parents: z.number() }),
  permissions: z.object({ canAssign: z.boolean(), canRecord: z.boolean(), canComplete: z.boolean() }),
});

/** One specialist request. */
export type RequestItem = z.infer<typeof requestItemSchema>;

/** A specialist's record on a request. */
export const sessionSchema = z.object({
  id: z.number(),
  kind: z.enum(SESSION_KINDS),
  heldOn: z.string(),
  counts: z.array(countRowSchema),
  total: z.number(),
  note: z.string(),
});

/** A request with its records. */
export const requestDetailSchema = requestItemSchema.extend({ sessions: z.array(sessionSchema) });

/** A request with its records. */
export type RequestDetail = z.infer<typeof requestDetailSchema>;

/** The request list. */
export const requestListSchema = z.object({
  items: z.array(requestItemSchema),
  overdueCount: z.number(),
  /** N of the overdue rule: days a new request may wait for a specialist. */
  newOverdueDays: z.number(),
  permissions: z.object({ canFile: z.boolean(), canAssign: z.boolean() }),
});

/** The request list. */
export type RequestList = z.infer<typeof requestListSchema>;

/** The specialists who may be assigned to a request: role specialist, assigned to its school. */
export const specialistOptionsSchema = z.object({
  items: z.array(z.object({ id: z.number(), fullName: z.string(), login: z.string() })),
});
