/**
 * Shapes of the teachers API (issue 12, points 4, 5): the registry of a school's teachers, their
 * diagnoses of professional deficits, the region's deficit scale, the priority group and the
 * individual plan (ИОМ). Shared by the server (zod schemas of routes) and the web client (types).
 */
import { z } from "zod";
import {
  blockScoresSchema,
  deficitScaleSchema,
  PROFESSIONAL_BLOCKS,
  selfAssessmentAnswersSchema,
} from "../core/teachers";

const blockSchema = z.enum(PROFESSIONAL_BLOCKS);
const levelSchema = z.enum(["deficit", "partial", "mastered"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Дата — в виде ГГГГ-ММ-ДД");

/** Positions of the registry. */
export const TEACHER_POSITIONS = ["teacher", "director", "deputy"] as const;
/** Qualification categories. */
export const TEACHER_CATEGORIES = ["none", "first", "highest"] as const;

/** A teacher as written by the registry form and the import. */
export const teacherInputSchema = z.object({
  fullName: z.string().trim().min(3, "Укажите фамилию, имя и отчество").max(200),
  position: z.enum(TEACHER_POSITIONS).default("teacher"),
  subjects: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  category: z.enum(TEACHER_CATEGORIES).default("none"),
  experienceYears: z.number().int().min(0, "Стаж — от 0 лет").max(70, "Стаж — не больше 70 лет").default(0),
});
/** Input of a new teacher. */
export type TeacherInput = z.infer<typeof teacherInputSchema>;

/** A change of a teacher (isActive false deactivates). */
export const teacherPatchSchema = teacherInputSchema.partial().extend({ isActive: z.boolean().optional() });
/** A change of a teacher. */
export type TeacherPatch = z.infer<typeof teacherPatchSchema>;

/** A diagnosis: imported test scores, or the answers of the self-assessment. */
export const assessmentInputSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("test"), assessedOn: isoDate, scores: blockScoresSchema }),
  z.object({ source: z.literal("self"), assessedOn: isoDate, answers: selfAssessmentAnswersSchema }),
]);
/** A diagnosis as entered. */
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

/** A diagnosis with its levels. */
export const assessmentSchema = z.object({
  id: z.number(),
  assessedOn: z.string(),
  year: z.number(),
  source: z.enum(["test", "self"]),
  scores: blockScoresSchema,
  levels: z.partialRecord(blockSchema, levelSchema),
  deficits: z.array(blockSchema),
});
/** A diagnosis with its levels. */
export type Assessment = z.infer<typeof assessmentSchema>;

/** A teacher in the school's list. */
export const teacherItemSchema = z.object({
  id: z.number(),
  schoolId: z.number(),
  fullName: z.string(),
  position: z.enum(TEACHER_POSITIONS),
  subjects: z.array(z.string()),
  category: z.enum(TEACHER_CATEGORIES),
  experienceYears: z.number(),
  isActive: z.boolean(),
  latest: assessmentSchema.nullable(),
  isPriority: z.boolean(),
  priorityReason: z.string().nullable(),
});
/** A teacher in the school's list. */
export type TeacherItem = z.infer<typeof teacherItemSchema>;

const schoolRefSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
});

/** A school's teachers, with what the user may do. */
export const teacherListSchema = z.object({
  school: schoolRefSchema,
  year: z.number(),
  items: z.array(teacherItemSchema),
  permissions: z.object({ canWrite: z.boolean() }),
});
/** A school's teachers. */
export type TeacherList = z.infer<typeof teacherListSchema>;

/** The teacher's card: the registry entry, every diagnosis (oldest first), the priority verdict. */
export const teacherCardSchema = z.object({
  teacher: teacherItemSchema,
  school: schoolRefSchema,
  assessments: z.array(assessmentSchema),
  permissions: z.object({ canWrite: z.boolean() }),
});
/** The teacher's card. */
export type TeacherCard = z.infer<typeof teacherCardSchema>;

/** An activity of an ИОМ. */
export const planItemSchema = z.object({
  text: z.string().trim().min(1, "Опишите мероприятие").max(500),
  deadline: isoDate.nullable().default(null),
  isDone: z.boolean().default(false),
});
/** An activity of an ИОМ. */
export type PlanItem = z.infer<typeof planItemSchema>;

/** What the people write of an ИОМ: its note and activities. */
export const individualPlanInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  note: z.string().max(2000).default(""),
  items: z.array(planItemSchema).max(50).default([]),
});
/** What the people write of an ИОМ. */
export type IndividualPlanInput = z.infer<typeof individualPlanInputSchema>;

/** The ИОМ as the card shows it: deficits → courses → mentor → activities → re-assessment, and the flags. */
export const individualPlanSchema = z.object({
  teacherId: z.number(),
  year: z.number(),
  isSaved: z.boolean(),
  note: z.string(),
  diagnosis: assessmentSchema.nullable(),
  deficits: z.array(z.object({ block: blockSchema, label: z.string(), score: z.number() })),
  courses: z.array(
    z.object({
      courseId: z.number(),
      title: z.string(),
      hours: z.number(),
      blocks: z.array(blockSchema),
      reason: z.string(),
      enrolment: z.enum(["enrolled", "completed", "dropped"]).nullable(),
    }),
  ),
  mentor: z.object({ pairId: z.number(), fullName: z.string(), reason: z.string() }).nullable(),
  items: z.array(planItemSchema.extend({ id: z.number() })),
  reassessment: z
    .object({
      before: assessmentSchema,
      after: assessmentSchema,
      changes: z.array(
        z.object({
          block: blockSchema,
          before: z.number(),
          after: z.number(),
          delta: z.number(),
          levelBefore: levelSchema,
          levelAfter: levelSchema,
        }),
      ),
    })
    .nullable(),
  mismatches: z.array(
    z.object({ enrolmentId: z.number(), courseId: z.number(), title: z.string(), reason: z.string() }),
  ),
  permissions: z.object({ canWrite: z.boolean() }),
});
/** The ИОМ. */
export type IndividualPlan = z.infer<typeof individualPlanSchema>;

/** The region's deficit scale. */
export const deficitScaleAnswerSchema = z.object({
  regionId: z.number(),
  scale: deficitScaleSchema,
  isDefault: z.boolean(),
  permissions: z.object({ canEdit: z.boolean() }),
});
/** The region's deficit scale. */
export type DeficitScaleAnswer = z.infer<typeof deficitScaleAnswerSchema>;

/** The self-assessment questionnaire. */
export const questionnaireSchema = z.object({
  statements: z.array(z.object({ id: z.string(), block: blockSchema, text: z.string() })),
  answers: z.array(z.string()),
});

/** The answer of a teachers import: what it did or would do, or the problems, each with its row and column. */
export const teacherImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  created: z.number(),
  updated: z.number(),
  assessments: z.number(),
  errors: z.array(
    z.object({ row: z.number().optional(), column: z.string().optional(), message: z.string() }),
  ),
});
/** The answer of a teachers import. */
export type TeacherImportResult = z.infer<typeof teacherImportResultSchema>;
