import { z } from "zod";
import { thresholdSchema, worseWhenSchema } from "./threshold";

const codeSchema = z
  .string({ error: "Укажите код" })
  .regex(/^[a-z][a-z0-9_]*$/, "Код: строчные латинские буквы, цифры и подчёркивание")
  .max(64, "Код не длиннее 64 символов");
const riskSchema = z.number().min(0, "Риск — число от 0 до 1").max(1, "Риск — число от 0 до 1");
const textSchema = z.string({ error: "Укажите текст" }).trim().min(1, "Текст не может быть пустым").max(1000);
/** A finding: what an answer says, worded as a statement («Учителя не проходили курсы за три года»). */
const findingSchema = z.string().trim().min(3).max(300).optional();

const questionBase = {
  code: codeSchema,
  text: textSchema,
  hint: z.string().trim().max(1000).optional(),
  /** Factor codes the answer speaks to; its contribution counts for each of them. */
  factorCodes: z.array(codeSchema).min(1, "Свяжите вопрос хотя бы с одним фактором риска"),
  /** A required question must be answered before the workbook is submitted. */
  required: z.boolean().default(true),
};

/** A labelled point of a scale («1 — почти никогда»). */
export const scaleLabelSchema = z.strictObject({ value: z.int(), label: z.string().trim().min(1).max(200) });

/**
 * A scale answer (e.g. 1–5): contribution (v − min) / (max − min) when `worseWhen` is "higher",
 * (max − v) / (max − min) when "lower".
 */
export const scaleQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("scale"),
  min: z.int(),
  max: z.int(),
  labels: z.array(scaleLabelSchema).default([]),
  worseWhen: worseWhenSchema,
});

/** A yes/no answer: contribution `riskIfYes` or `riskIfNo`. */
export const yesNoQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("yes_no"),
  riskIfYes: riskSchema,
  riskIfNo: riskSchema,
  findingIfYes: findingSchema,
  findingIfNo: findingSchema,
});

/** An option of a single-choice question: its contribution is `risk`. */
export const choiceOptionSchema = z.strictObject({
  code: codeSchema,
  label: textSchema,
  risk: riskSchema,
  finding: findingSchema,
});

/** A single-choice answer: the chosen option's `risk`. */
export const singleChoiceQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("single_choice"),
  options: z.array(choiceOptionSchema).min(2, "У вопроса с выбором должно быть не меньше двух вариантов"),
});

/** An option of a multiple-choice question: `weight` −1…1 is added to the question's base risk. */
export const multipleOptionSchema = z.strictObject({
  code: codeSchema,
  label: textSchema,
  weight: z.number().min(-1, "Вес варианта — от −1 до 1").max(1, "Вес варианта — от −1 до 1"),
});

/**
 * A multiple-choice answer: contribution `baseRisk` + the weights of the chosen options, clipped to
 * 0–1. A list of problems has base 0 and positive weights; a list of good practices has base 1 and
 * negative weights, so that each practice present lowers the risk. Choosing nothing is an answer
 * (the base risk), not a missing one.
 */
export const multipleChoiceQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("multiple_choice"),
  baseRisk: riskSchema,
  options: z.array(multipleOptionSchema).min(2, "У вопроса с выбором должно быть не меньше двух вариантов"),
});

/** A number answer, scored by thresholds (see thresholdSchema); `min`/`max` bound what may be entered. */
export const numberQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("number"),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  isInteger: z.boolean().default(false),
  /** Unit shown after the number: «чел.», «ч», «%». */
  unit: z.string().trim().max(20).optional(),
  scoring: thresholdSchema,
});

/** A free-text answer: gives no score, only shown beside the factor. */
export const textQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal("text"),
  maxLength: z.int().min(1).max(10000).default(2000),
});

/** A question of the workbook, one of six types. */
export const questionSchema = z.discriminatedUnion("type", [
  scaleQuestionSchema,
  yesNoQuestionSchema,
  singleChoiceQuestionSchema,
  multipleChoiceQuestionSchema,
  numberQuestionSchema,
  textQuestionSchema,
]);
/** A question of the workbook. */
export type Question = z.infer<typeof questionSchema>;
/** The type of a question. */
export type QuestionType = Question["type"];

/** A section of the workbook. */
export const workbookSectionSchema = z.strictObject({
  code: codeSchema,
  title: textSchema,
  questions: z.array(questionSchema).min(1, "В разделе должен быть хотя бы один вопрос"),
});
/** A section of the workbook. */
export type WorkbookSection = z.infer<typeof workbookSectionSchema>;

/**
 * The workbook «Рабочая тетрадь по выявлению причин неуспешности»: a versioned questionnaire of
 * sections and questions. `code` names the workbook across versions; answers keep the version they
 * were given under. Questions are numbered by position («2.4» — section 2, question 4).
 */
export const workbookSchema = z.strictObject({
  code: codeSchema,
  version: z.int().min(1),
  title: textSchema,
  description: z.string().trim().max(4000).optional(),
  sections: z.array(workbookSectionSchema).min(1, "В тетради должен быть хотя бы один раздел"),
});
/** A workbook version (defaults filled). */
export type Workbook = z.infer<typeof workbookSchema>;
/** A workbook as written (defaults may be omitted). */
export type WorkbookInput = z.input<typeof workbookSchema>;

/**
 * One answer: a number (scale, number), a boolean (yes/no), an option code (single choice), option
 * codes (multiple choice) or a text. Null, like an absent key, means not answered.
 */
export const answerValueSchema = z.union([
  z.number().finite(),
  z.boolean(),
  z.string().max(10000),
  z.array(z.string().max(64)).max(100),
  z.null(),
]);
/** One answer. */
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** A school's answers to a workbook version, by question code. */
export const workbookAnswersSchema = z.strictObject({
  workbookCode: codeSchema,
  version: z.int().min(1),
  answers: z.record(z.string(), answerValueSchema),
});
/** A school's answers to a workbook version. */
export type WorkbookAnswers = z.infer<typeof workbookAnswersSchema>;

/** Number of each question by code: «2.4» for the fourth question of the second section. */
export function numberQuestions(workbook: Workbook): Map<string, string> {
  const numbers = new Map<string, string>();
  workbook.sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      numbers.set(question.code, `${s + 1}.${q + 1}`);
    });
  });
  return numbers;
}

/** Every question of the workbook with its number, in order. */
export function listQuestions(workbook: Workbook): { number: string; question: Question }[] {
  return workbook.sections.flatMap((section, s) =>
    section.questions.map((question, q) => ({ number: `${s + 1}.${q + 1}`, question })),
  );
}

/** A section as written in a data file or an editor (defaults may be omitted). */
export type WorkbookSectionInput = z.input<typeof workbookSectionSchema>;
