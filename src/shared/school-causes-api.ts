import { z } from "zod";
import { factorGroupSchema } from "../core/causes/factor.schema";
import { answerValueSchema, workbookSchema } from "../core/causes/workbook.schema";
import { regionIdField } from "./causes-api";
import { yearSchema } from "./data-collection";

/*
 * API shapes of a school's causes (issue 11): its workbook answers, the МОЦ's examination, the risk
 * profile, the confirmed causes; and the registry of causes of a region or municipality.
 */

/** The school year a request is about (`?year=2025` is 2024/25). */
export const yearQuerySchema = z.object({ year: yearSchema });

/** The school a causes answer is about. */
export const causesSchoolSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
});

/** States of a school's workbook answers. */
export const responseStatusSchema = z.enum(["draft", "submitted"]);

/** A school's workbook of a year: the version to answer, the answers given so far, what may be done. */
export const schoolWorkbookSchema = z.object({
  school: causesSchoolSchema,
  year: z.number(),
  workbook: z.object({
    versionId: z.number(),
    version: z.number(),
    /** The region's current version: answers keep theirs when a newer one appears. */
    currentVersion: z.number(),
    definition: workbookSchema,
  }),
  response: z
    .object({
      id: z.number(),
      status: responseStatusSchema,
      answers: z.record(z.string(), answerValueSchema),
      submittedAt: z.string().nullable(),
      updatedAt: z.string(),
      updatedByName: z.string(),
    })
    .nullable(),
  progress: z.object({ answered: z.number(), total: z.number(), requiredMissing: z.number() }),
  permissions: z.object({ canEdit: z.boolean() }),
});
/** A school's workbook of a year. */
export type SchoolWorkbook = z.infer<typeof schoolWorkbookSchema>;

/** Answers to save as a draft, by question code; each is checked against its question by the server. */
export const answersSaveSchema = z.object({
  answers: z.record(z.string().max(64), z.unknown()),
});

const examinationText = (what: string) =>
  z.string().trim().max(10000, `${what}: не длиннее 10 000 символов`).default("");

/** The МОЦ's complex examination of a school (комплексное обследование), as entered. */
export const examinationInputSchema = z.object({
  examinedOn: z.iso.date({ error: "Дата обследования: укажите дату в виде ГГГГ-ММ-ДД" }),
  participants: examinationText("Участники"),
  documentCheck: examinationText("Проверка документов"),
  interviews: examinationText("Собеседования"),
  assessmentAnalysis: examinationText("Анализ оценочных процедур"),
  findings: examinationText("Выводы"),
});
/** The examination as entered. */
export type ExaminationInput = z.infer<typeof examinationInputSchema>;

/** A school's examination of a year, if recorded, and whether the actor may record it. */
export const schoolExaminationSchema = z.object({
  school: causesSchoolSchema,
  year: z.number(),
  examination: examinationInputSchema
    .extend({ recordedByName: z.string(), updatedAt: z.string() })
    .nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});
/** A school's examination of a year. */
export type SchoolExamination = z.infer<typeof schoolExaminationSchema>;

/** A factor's risk level. */
export const riskLevelSchema = z.enum(["high", "medium", "low", "no_data"]);
const evidenceLevelSchema = z.enum(["high", "medium", "low"]);

/** One piece of evidence of a factor: an answer or an indicator value, with its Russian sentence. */
export const evidenceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("answer"),
    questionCode: z.string(),
    questionNumber: z.string(),
    answerText: z.string(),
    contribution: z.number(),
    level: evidenceLevelSchema,
    sentence: z.string(),
  }),
  z.object({
    kind: z.literal("indicator"),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    year: z.number(),
    value: z.number(),
    contribution: z.number(),
    level: evidenceLevelSchema,
    sentence: z.string(),
  }),
]);

/** One factor of a school's risk profile. */
export const factorRiskSchema = z.object({
  factorCode: z.string(),
  title: z.string(),
  group: factorGroupSchema,
  level: riskLevelSchema,
  score: z.number().nullable(),
  isRaised: z.boolean(),
  evidence: z.array(evidenceSchema),
  notes: z.array(
    z.object({
      questionCode: z.string(),
      questionNumber: z.string(),
      question: z.string(),
      text: z.string(),
    }),
  ),
  summary: z.string(),
  isConfirmed: z.boolean(),
});
/** One factor of a school's risk profile. */
export type FactorRiskItem = z.infer<typeof factorRiskSchema>;

/** A school's risk profile of a year, from its answers and its indicator values, with the confirmed set. */
export const riskProfileSchema = z.object({
  school: causesSchoolSchema,
  year: z.number(),
  /** The years whose indicator values count (the latest of each indicator is used). */
  valueYears: z.array(z.number()),
  workbook: z.object({ version: z.number(), status: responseStatusSchema, updatedAt: z.string() }).nullable(),
  factors: z.array(factorRiskSchema),
  counts: z.record(riskLevelSchema, z.number()),
});
/** A school's risk profile of a year. */
export type RiskProfileView = z.infer<typeof riskProfileSchema>;

/** A cause the МОЦ confirmed for a school and year: who and when. */
export const confirmedCauseSchema = z.object({
  factorCode: z.string(),
  title: z.string(),
  isRetired: z.boolean(),
  note: z.string(),
  confirmedByName: z.string(),
  confirmedAt: z.string(),
});
/** A confirmed cause. */
export type ConfirmedCause = z.infer<typeof confirmedCauseSchema>;

/** A school's confirmed causes of a year, beside the profile level of every factor that may be confirmed. */
export const schoolCausesSchema = z.object({
  school: causesSchoolSchema,
  year: z.number(),
  causes: z.array(confirmedCauseSchema),
  candidates: z.array(
    z.object({
      factorCode: z.string(),
      title: z.string(),
      group: factorGroupSchema,
      level: riskLevelSchema,
      summary: z.string(),
    }),
  ),
  permissions: z.object({ canEdit: z.boolean() }),
});
/** A school's confirmed causes of a year. */
export type SchoolCauses = z.infer<typeof schoolCausesSchema>;

/** The set of confirmed causes to keep: factor codes, each with an optional note. */
export const causesSaveSchema = z.object({
  causes: z
    .array(
      z.object({
        factorCode: z.string().max(64),
        note: z.string().trim().max(2000, "Комментарий — не длиннее 2000 символов").default(""),
      }),
    )
    .max(200),
});
/** The set of confirmed causes to keep. */
export type CausesSave = z.infer<typeof causesSaveSchema>;

/** Query of the registry of causes. */
export const registryQuerySchema = z.object({
  year: yearSchema,
  municipalityId: z.coerce.number().int().positive().optional(),
  regionId: regionIdField,
});
/** Query of the registry of causes. */
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

const registryRowSchema = z.object({
  factorCode: z.string(),
  title: z.string(),
  schools: z.number(),
  share: z.number().nullable(),
  previousSchools: z.number().nullable(),
  change: z.number().nullable(),
  trend: z.enum(["new", "gone", "up", "down", "same", "no_previous"]),
  schoolList: z.array(z.object({ schoolId: z.number(), schoolName: z.string() })),
});

const registryScopeSchema = z.object({
  municipalityId: z.number().nullable(),
  name: z.string(),
  programmeSchools: z.number(),
  previousProgrammeSchools: z.number().nullable(),
  schoolsWithCauses: z.number(),
  rows: z.array(registryRowSchema),
});
/** One scope of the registry (the territory, or a municipality). */
export type RegistryScopeView = z.infer<typeof registryScopeSchema>;

/** The registry of causes of a year: the territory the actor asked for and its municipalities. */
export const causeRegistrySchema = z.object({
  year: z.number(),
  previousYear: z.number(),
  /** The region's name, or the municipality's when the registry is of one. */
  territory: z.string(),
  municipalityId: z.number().nullable(),
  region: registryScopeSchema,
  municipalities: z.array(registryScopeSchema),
  /** The municipalities the actor may filter by. */
  municipalityOptions: z.array(z.object({ id: z.number(), name: z.string() })),
});
/** The registry of causes of a year. */
export type CauseRegistryView = z.infer<typeof causeRegistrySchema>;
