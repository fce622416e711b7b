import { z } from "zod";
import { type BlockScores, PROFESSIONAL_BLOCKS, type ProfessionalBlock } from "./blocks";

/** A statement of the self-assessment questionnaire: the teacher says how true it is of them. */
export type SelfAssessmentStatement = { id: string; block: ProfessionalBlock; text: string };

/**
 * The self-assessment questionnaire: three statements a block, worded after the labour functions of
 * the teacher's professional standard as the federal recommendations group them.
 */
export const SELF_ASSESSMENT_STATEMENTS: readonly SelfAssessmentStatement[] = [
  {
    id: "subject_1",
    block: "subject",
    text: "Я свободно владею содержанием своего предмета в объёме программы",
  },
  { id: "subject_2", block: "subject", text: "Я решаю задачи ОГЭ и ЕГЭ по своему предмету любой сложности" },
  { id: "subject_3", block: "subject", text: "Я слежу за новым в науке, которую представляет мой предмет" },
  { id: "methodical_1", block: "methodical", text: "Я строю урок по целям ФГОС и планирую результаты" },
  {
    id: "methodical_2",
    block: "methodical",
    text: "Я подбираю приёмы для детей с разным уровнем подготовки",
  },
  {
    id: "methodical_3",
    block: "methodical",
    text: "Я разрабатываю рабочую программу и тематическое планирование",
  },
  {
    id: "psychological_1",
    block: "psychological",
    text: "Я учитываю возрастные и индивидуальные особенности учеников",
  },
  {
    id: "psychological_2",
    block: "psychological",
    text: "Я умею работать с классом, где есть дети с трудностями в обучении",
  },
  { id: "psychological_3", block: "psychological", text: "Я поддерживаю учебную мотивацию слабых учеников" },
  {
    id: "assessment_1",
    block: "assessment",
    text: "Я составляю проверочные работы по критериям и спецификации",
  },
  {
    id: "assessment_2",
    block: "assessment",
    text: "Я разбираю результаты ВПР, ОГЭ, ЕГЭ и меняю по ним своё преподавание",
  },
  { id: "assessment_3", block: "assessment", text: "Я применяю формирующее оценивание на уроке" },
  {
    id: "digital_1",
    block: "digital",
    text: "Я использую цифровые образовательные ресурсы и платформы на уроке",
  },
  { id: "digital_2", block: "digital", text: "Я провожу дистанционные занятия и консультации" },
  { id: "digital_3", block: "digital", text: "Я безопасно работаю с данными учеников в электронном журнале" },
  { id: "normative_1", block: "normative", text: "Я знаю требования ФГОС и федеральных рабочих программ" },
  {
    id: "normative_2",
    block: "normative",
    text: "Я знаю права и обязанности участников образовательных отношений",
  },
  {
    id: "normative_3",
    block: "normative",
    text: "Я соблюдаю требования к оценочным процедурам и их графику",
  },
];

/** Answers on the Likert scale: 1 — совсем не про меня … 5 — полностью про меня. */
export const LIKERT_LABELS = [
  "совсем не про меня",
  "скорее нет",
  "отчасти",
  "скорее да",
  "полностью про меня",
] as const;

/** The answers of a self-assessment: statement id → 1..5. */
export const selfAssessmentAnswersSchema = z.record(
  z.string(),
  z.number().int("Ответ — целое число от 1 до 5").min(1, "Ответ — от 1 до 5").max(5, "Ответ — от 1 до 5"),
);
/** The answers of a self-assessment. */
export type SelfAssessmentAnswers = z.infer<typeof selfAssessmentAnswersSchema>;

/**
 * The block scores of a self-assessment. Formula: each answer a (1..5) counts (a − 1) / 4 of the way
 * from 0 to 100, and a block's score is the mean over its answered statements, rounded to a whole
 * point: all «5» give 100, all «1» give 0, all «3» give 50. A block with no answered statement is
 * left out (not assessed). Unknown statement ids are ignored.
 */
export function scoreSelfAssessment(answers: SelfAssessmentAnswers): BlockScores {
  const scores: BlockScores = {};
  for (const block of PROFESSIONAL_BLOCKS) {
    const given = SELF_ASSESSMENT_STATEMENTS.filter((s) => s.block === block)
      .map((s) => answers[s.id])
      .filter((a): a is number => a !== undefined);
    if (given.length === 0) continue;
    const mean = given.reduce((sum, a) => sum + (a - 1) / 4, 0) / given.length;
    scores[block] = Math.round(mean * 100);
  }
  return scores;
}
