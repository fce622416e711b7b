import { z } from "zod";
import {
  courseFormatSchema,
  enrolmentStatusSchema,
  eventKindSchema,
  eventLevelSchema,
} from "../core/events/kinds";
import { professionalBlockSchema } from "../core/teachers/blocks";

/*
 * Courses and events API shapes (issue 12, point 3), shared by the server (routes, OpenAPI) and the
 * web pages: the region's course catalogue, enrolments and completion, events with their schools and
 * numbers, and the results of their XLSX imports.
 */

const regionIdField = z.coerce.number().int().positive().optional();
const isoDate = z.iso.date({ error: "Дата в формате ГГГГ-ММ-ДД" });
/**
 * The patch of an input schema: every field optional and without its default, so that a field left
 * out of an edit stays as it was (zod's partial() would fill in the defaults).
 */
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.object(shape) as unknown as ReturnType<z.ZodObject<T>["partial"]>;
}

const text = (max: number, what: string) => z.string().trim().max(max, `${what}: не длиннее ${max} знаков`);

/** A course as it is written. */
export const courseInputSchema = z.object({
  title: text(300, "Название").min(1, "Укажите название курса"),
  hours: z
    .number({ error: "Часы: укажите число" })
    .int("Часы: целое число")
    .positive("Часы: больше нуля")
    .max(3000, "Часы: не больше 3000"),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  provider: text(300, "Организатор").default(""),
  format: courseFormatSchema.default("in_person"),
  blocks: z.array(professionalBlockSchema).max(6).default([]),
  subjects: z.array(text(100, "Предмет").min(1)).max(30).default([]),
  description: text(4000, "Описание").default(""),
});
/** A course as it is written. */
export type CourseInput = z.infer<typeof courseInputSchema>;

/** A new course (a federal operator cannot write, so regionId is only for symmetry with reads). */
export const courseCreateSchema = courseInputSchema.extend({ regionId: regionIdField });
/** An edit of a course: any of its fields. */
export const coursePatchSchema = patchOf(courseInputSchema);
/** An edit of a course. */
export type CoursePatch = z.infer<typeof coursePatchSchema>;

/** Filters of the catalogue. */
export const courseQuerySchema = z.object({
  regionId: regionIdField,
  q: z.string().trim().max(200).optional(),
  format: courseFormatSchema.optional(),
  block: professionalBlockSchema.optional(),
  subject: z.string().trim().max(100).optional(),
  /** School year (the year it ends) the course starts in. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
/** Filters of the catalogue. */
export type CourseQuery = z.infer<typeof courseQuerySchema>;

/** A course of the catalogue with the enrolments the actor may see, counted. */
export const courseItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  hours: z.number(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  provider: z.string(),
  format: courseFormatSchema,
  blocks: z.array(professionalBlockSchema),
  subjects: z.array(z.string()),
  description: z.string(),
  enrolled: z.number(),
  completed: z.number(),
  dropped: z.number(),
  updatedAt: z.string(),
});
/** A course of the catalogue. */
export type CourseItem = z.infer<typeof courseItemSchema>;

/** What the actor may do with courses. */
export const coursePermissionsSchema = z.object({ canManage: z.boolean(), canEnrol: z.boolean() });

/** The catalogue. */
export const courseListSchema = z.object({
  items: z.array(courseItemSchema),
  permissions: coursePermissionsSchema,
});
/** The catalogue. */
export type CourseList = z.infer<typeof courseListSchema>;

/** One enrolment with its teacher and school. */
export const enrolmentItemSchema = z.object({
  id: z.number(),
  courseId: z.number(),
  courseTitle: z.string(),
  hours: z.number(),
  teacherId: z.number(),
  teacherName: z.string(),
  position: z.enum(["teacher", "director", "deputy"]),
  schoolId: z.number(),
  schoolCode: z.string(),
  schoolName: z.string(),
  municipalityName: z.string(),
  status: enrolmentStatusSchema,
  enrolledOn: z.string(),
  completedOn: z.string().nullable(),
});
/** One enrolment. */
export type EnrolmentItem = z.infer<typeof enrolmentItemSchema>;

/** A course's card: the course and the enrolments the actor may see. */
export const courseDetailSchema = z.object({
  course: courseItemSchema,
  enrolments: z.array(enrolmentItemSchema),
  permissions: coursePermissionsSchema,
});
/** A course's card. */
export type CourseDetail = z.infer<typeof courseDetailSchema>;

/** Enrolling teachers (rows of the teacher registry) in a course. */
export const enrolSchema = z.object({
  teacherIds: z.array(z.number().int().positive()).min(1, "Выберите педагогов").max(500),
  enrolledOn: isoDate,
});

/** Marking an enrolment completed (with a date), dropped, or back to enrolled. */
export const enrolmentPatchSchema = z.object({
  status: enrolmentStatusSchema,
  completedOn: isoDate.nullable().optional(),
});
/** A change of an enrolment. */
export type EnrolmentPatch = z.infer<typeof enrolmentPatchSchema>;

/** A school's enrolments. */
export const enrolmentListSchema = z.object({
  items: z.array(enrolmentItemSchema),
  permissions: coursePermissionsSchema,
});

/** A teacher who may be enrolled: in the actor's scope, not yet in the course. */
export const candidateListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      fullName: z.string(),
      position: z.enum(["teacher", "director", "deputy"]),
      subjects: z.array(z.string()),
      schoolId: z.number(),
      schoolCode: z.string(),
      schoolName: z.string(),
    }),
  ),
});

/** An event as it is written. */
export const eventInputSchema = z.object({
  kind: eventKindSchema,
  level: eventLevelSchema,
  heldOn: isoDate,
  topic: text(500, "Тема").min(1, "Укажите тему"),
  organiser: text(300, "Организатор").default(""),
  /** The municipality whose МОЦ keeps it; a МОЦ's own is taken when it writes, null for the region's. */
  municipalityId: z.number().int().positive().nullable().optional(),
  schoolIds: z.array(z.number().int().positive()).max(2000).default([]),
  teachersCount: z.number().int().min(0).max(1_000_000).default(0),
  headsCount: z.number().int().min(0).max(1_000_000).default(0),
  studentsCount: z.number().int().min(0).max(1_000_000).default(0),
  municipalitiesCount: z.number().int().min(0).max(1000).default(0),
  description: text(4000, "Описание").default(""),
});
/** An event as it is written. */
export type EventInput = z.infer<typeof eventInputSchema>;

/** A new event. */
export const eventCreateSchema = eventInputSchema.extend({ regionId: regionIdField });
/** An edit of an event. */
export const eventPatchSchema = patchOf(eventInputSchema);
/** An edit of an event. */
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** Filters of the events list. */
export const eventQuerySchema = z.object({
  regionId: regionIdField,
  /** School year (the year it ends). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: eventLevelSchema.optional(),
  kind: eventKindSchema.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
});
/** Filters of the events list. */
export type EventQuery = z.infer<typeof eventQuerySchema>;

/** An event with the schools the actor may see and its numbers in words. */
export const eventItemSchema = z.object({
  id: z.number(),
  kind: eventKindSchema,
  level: eventLevelSchema,
  heldOn: z.string(),
  topic: z.string(),
  organiser: z.string(),
  municipalityId: z.number().nullable(),
  municipalityName: z.string().nullable(),
  teachersCount: z.number(),
  headsCount: z.number(),
  studentsCount: z.number(),
  municipalitiesCount: z.number(),
  /** «73 педагога из 7 районов». */
  participants: z.string(),
  description: z.string(),
  /** Every participating school, counted. */
  schoolCount: z.number(),
  /** The participating schools the actor may see. */
  schools: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
/** An event. */
export type EventItem = z.infer<typeof eventItemSchema>;

/** The events list with a chart of events by level and month. */
export const eventListSchema = z.object({
  items: z.array(eventItemSchema),
  byLevelAndMonth: z.record(eventLevelSchema, z.array(z.number())),
  permissions: z.object({ canManage: z.boolean(), levels: z.array(eventLevelSchema) }),
});
/** The events list. */
export type EventList = z.infer<typeof eventListSchema>;

/** One problem of an imported file, with its row and column. */
export const tableIssueSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

/** The result of an import (or its dry run): counts, or the problems and nothing written. */
export const tableImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(tableIssueSchema),
  errorCount: z.number(),
  /** Field → the header of the column it was read from. */
  mapping: z.record(z.string(), z.string()),
});
/** The result of an import. */
export type TableImportResult = z.infer<typeof tableImportResultSchema>;

/** The query of an import: a dry run unless told, and an optional mapping (JSON: field → header). */
export const tableImportQuerySchema = z.object({
  regionId: regionIdField,
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  mapping: z.string().max(4000).optional(),
});
