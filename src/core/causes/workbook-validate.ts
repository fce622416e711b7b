import type { z } from "zod";
import { readAnswer } from "./answer-reading";
import { shortenText } from "./ru-text";
import { type Question, type Workbook, type WorkbookAnswers, workbookSchema } from "./workbook.schema";

/** A problem in a workbook edit: where (as a Russian location) and what. */
export type WorkbookIssue = { path: string; message: string };

/** The outcome of checking a workbook edit. */
export type WorkbookCheck = { ok: true; workbook: Workbook } | { ok: false; issues: WorkbookIssue[] };

/** A problem in a set of answers, naming the question. */
export type AnswerIssue = { questionCode: string; number: string | null; message: string };

/** The outcome of checking a set of answers. */
export type AnswersCheck = { ok: boolean; issues: AnswerIssue[] };

/** «Раздел 2, вопрос 2.4, вариант 3» for a zod path inside a workbook. */
function locate(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  const [, section, , question, , option] = path;
  if (path[0] === "sections" && typeof section === "number") {
    parts.push(`раздел ${section + 1}`);
    if (typeof question === "number") parts.push(`вопрос ${section + 1}.${question + 1}`);
    if (path[4] === "options" && typeof option === "number") parts.push(`вариант ${option + 1}`);
  }
  const text = parts.length > 0 ? parts.join(", ") : "тетрадь";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function zodIssues(error: z.ZodError): WorkbookIssue[] {
  return error.issues.map((issue) => ({ path: locate(issue.path), message: issue.message }));
}

function questionChecks(question: Question, where: string, known: ReadonlySet<string>): WorkbookIssue[] {
  const issues: WorkbookIssue[] = [];
  const add = (message: string) => issues.push({ path: where, message });
  const factorSeen = new Set<string>();
  for (const code of question.factorCodes) {
    if (!known.has(code)) add(`неизвестный фактор риска «${code}»`);
    if (factorSeen.has(code)) add(`фактор «${code}» указан дважды`);
    factorSeen.add(code);
  }
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    const seen = new Set<string>();
    for (const option of question.options) {
      if (seen.has(option.code)) add(`код варианта «${option.code}» повторяется`);
      seen.add(option.code);
    }
  }
  if (question.type === "scale") {
    if (question.min >= question.max) add("минимум шкалы должен быть меньше максимума");
    for (const label of question.labels) {
      if (label.value < question.min || label.value > question.max) {
        add(
          `подпись «${label.label}» стоит у значения ${label.value} вне шкалы ${question.min}–${question.max}`,
        );
      }
    }
  }
  if (question.type === "number" && question.min !== undefined && question.max !== undefined) {
    if (question.min >= question.max) add("наименьшее допустимое число должно быть меньше наибольшего");
  }
  return issues;
}

/**
 * Checks a workbook edit: the format (zod), unique section codes, question codes unique across the
 * workbook (answers are keyed by them), every factor code in `knownFactorCodes`, option codes unique
 * within a question, a scale whose labels lie on it. Messages are Russian and name the place.
 */
export function validateWorkbook(input: unknown, knownFactorCodes: readonly string[]): WorkbookCheck {
  const parsed = workbookSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const workbook = parsed.data;
  const known = new Set(knownFactorCodes);
  const issues: WorkbookIssue[] = [];
  const sectionCodes = new Set<string>();
  const questionPlaces = new Map<string, string>();
  workbook.sections.forEach((section, s) => {
    if (sectionCodes.has(section.code)) {
      issues.push({ path: `Раздел ${s + 1}`, message: `код раздела «${section.code}» повторяется` });
    }
    sectionCodes.add(section.code);
    section.questions.forEach((question, q) => {
      const where = `Вопрос ${s + 1}.${q + 1}`;
      const earlier = questionPlaces.get(question.code);
      if (earlier) issues.push({ path: where, message: `код «${question.code}» уже занят: ${earlier}` });
      else questionPlaces.set(question.code, `вопрос ${s + 1}.${q + 1}`);
      issues.push(...questionChecks(question, where, known));
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, workbook };
}

/**
 * Checks a school's answers against the workbook version they were given under: the version
 * matches, every answered question exists, every answer fits its question; with `requireAll`
 * (on submission), every required question is answered. A draft may be incomplete.
 */
export function validateAnswers(input: {
  workbook: Workbook;
  answers: WorkbookAnswers;
  requireAll: boolean;
}): AnswersCheck {
  const { workbook, answers, requireAll } = input;
  if (answers.workbookCode !== workbook.code || answers.version !== workbook.version) {
    const message = `Ответы даны к версии ${answers.version} тетради, а проверяются по версии ${workbook.version}`;
    return { ok: false, issues: [{ questionCode: "", number: null, message }] };
  }
  const issues: AnswerIssue[] = [];
  const known = new Set<string>();
  workbook.sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      known.add(question.code);
      const number = `${s + 1}.${q + 1}`;
      const name = `Вопрос ${number} «${shortenText(question.text, 100)}»`;
      const reading = readAnswer(question, answers.answers[question.code]);
      if (reading.status === "invalid") {
        issues.push({ questionCode: question.code, number, message: `${name}: ${reading.message}` });
      } else if (reading.status === "missing" && requireAll && question.required) {
        issues.push({ questionCode: question.code, number, message: `${name}: нет ответа` });
      }
    });
  });
  for (const code of Object.keys(answers.answers)) {
    if (!known.has(code)) {
      const message = `Вопроса «${code}» нет в версии ${workbook.version} тетради`;
      issues.push({ questionCode: code, number: null, message });
    }
  }
  return { ok: issues.length === 0, issues };
}
