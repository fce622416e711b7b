import {
  type AnswerValue,
  answerValueSchema,
  listQuestions,
  numberQuestions,
  readAnswer,
  shortenText,
  validateAnswers,
  type Workbook,
  type WorkbookAnswers,
} from "../../../core/causes";
import type { SchoolWorkbook } from "../../../shared/school-causes-api";
import type { Db } from "../../platform/db";
import { AppError, type FieldIssue } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { changedBy, requireCausesSchool, schoolRef } from "./causes-access";
import { findResponse, insertResponse, type ResponseRow, updateResponse } from "./response.repo";
import { findWorkbookVersionById, type WorkbookVersionRow } from "./workbook.repo";
import { requireCurrentWorkbook } from "./workbook.service";

/** A school's workbook of a year, as the actor names it. */
export type SchoolYearTarget = { db: Db; actor: Actor; schoolId: number; year: number };

/**
 * The workbook version a school answers in a year: the one its answers were given under, or the
 * region's current version when it has not started.
 */
export async function responseVersion(
  db: Db,
  regionId: number,
  response: ResponseRow | undefined,
): Promise<WorkbookVersionRow> {
  if (!response) return requireCurrentWorkbook(db, regionId);
  const version = await findWorkbookVersionById(db, regionId, response.versionId);
  if (!version) throw new AppError("not_found", "Версия рабочей тетради не найдена");
  return version;
}

function progress(workbook: Workbook, answers: Readonly<Record<string, AnswerValue>>) {
  let answered = 0;
  let requiredMissing = 0;
  const questions = listQuestions(workbook);
  for (const { question } of questions) {
    const status = readAnswer(question, answers[question.code]).status;
    if (status === "scored" || status === "text") answered++;
    else if (question.required) requiredMissing++;
  }
  return { answered, total: questions.length, requiredMissing };
}

/**
 * A school's workbook of a year: the version it answers (kept for answers already given), the
 * answers, the progress, and whether the actor may fill it. Everyone who reads the school reads it.
 */
export async function getSchoolWorkbook({
  db,
  actor,
  schoolId,
  year,
}: SchoolYearTarget): Promise<SchoolWorkbook> {
  const school = await requireCausesSchool(db, actor, schoolId, "school.read");
  const response = await findResponse(db, schoolId, year);
  const version = await responseVersion(db, school.regionId, response);
  const current = await requireCurrentWorkbook(db, school.regionId);
  return {
    school: schoolRef(school),
    year,
    workbook: {
      versionId: version.id,
      version: version.version,
      currentVersion: current.version,
      definition: version.definition,
    },
    response: response
      ? {
          id: response.id,
          status: response.status,
          answers: response.answers,
          submittedAt: response.submittedAt?.toISOString() ?? null,
          updatedAt: response.updatedAt.toISOString(),
          updatedByName: response.updatedByName,
        }
      : null,
    progress: progress(version.definition, response?.answers ?? {}),
    permissions: { canEdit: can(actor, "workbook.fill") },
  };
}

/** Reads the posted answers; a value of no answer type is named by its question. */
function readPosted(workbook: Workbook, posted: Record<string, unknown>) {
  const numbers = numberQuestions(workbook);
  const texts = new Map(listQuestions(workbook).map(({ question }) => [question.code, question.text]));
  const answers: Record<string, AnswerValue> = {};
  const issues: FieldIssue[] = [];
  for (const [code, raw] of Object.entries(posted)) {
    const parsed = answerValueSchema.safeParse(raw);
    if (!parsed.success) {
      const number = numbers.get(code);
      const name = number
        ? `Вопрос ${number} «${shortenText(texts.get(code) ?? "", 100)}»`
        : `Вопрос «${code}»`;
      issues.push({
        path: `answers.${code}`,
        message: `${name}: ответ не число, не «да»/«нет», не текст и не список вариантов`,
      });
      continue;
    }
    if (parsed.data !== null) answers[code] = parsed.data;
  }
  return { answers, issues };
}

function refuseAnswers(issues: FieldIssue[]): AppError {
  const more = issues.length > 1 ? ` (и ещё ${issues.length - 1})` : "";
  return new AppError("invalid_input", `Ответы не сохранены: ${issues[0]?.message ?? ""}${more}`, issues);
}

function answersOf(workbook: Workbook, answers: WorkbookAnswers["answers"]): WorkbookAnswers {
  return { workbookCode: workbook.code, version: workbook.version, answers };
}

/**
 * Saves a school's answers of a year as a draft (`workbook.fill`: its director or its МОЦ), under the
 * version they were started in; each answer is checked against its question and every problem is
 * named by its question's number. Answers that were submitted become a draft again, to be sent anew.
 */
export async function saveSchoolAnswers({
  db,
  actor,
  schoolId,
  year,
  answers: posted,
}: SchoolYearTarget & { answers: Record<string, unknown> }): Promise<SchoolWorkbook> {
  const school = await requireCausesSchool(db, actor, schoolId, "workbook.fill");
  const response = await findResponse(db, schoolId, year);
  const version = await responseVersion(db, school.regionId, response);
  const read = readPosted(version.definition, posted);
  const check = validateAnswers({
    workbook: version.definition,
    answers: answersOf(version.definition, read.answers),
    requireAll: false,
  });
  const issues = [
    ...read.issues,
    ...check.issues.map((issue) => ({ path: `answers.${issue.questionCode}`, message: issue.message })),
  ];
  if (issues.length > 0) throw refuseAnswers(issues);
  await db.transaction(async (tx) => {
    const by = changedBy(actor);
    const id = response
      ? response.id
      : await insertResponse(tx, { schoolId, year, versionId: version.id, answers: read.answers }, by);
    if (id === undefined) {
      throw new AppError(
        "conflict",
        "Ответы этой школы только что сохранил другой пользователь: обновите страницу",
      );
    }
    if (response)
      await updateResponse(tx, id, { answers: read.answers, status: "draft", submittedAt: null }, by);
    await recordAudit(tx, {
      actor,
      action: response ? "update" : "create",
      entity: "workbook_response",
      entityId: id,
      before: response ? { answers: response.answers, status: response.status } : null,
      after: { schoolId, year, version: version.version, answers: read.answers, status: "draft" },
      regionId: school.regionId,
    });
  });
  return getSchoolWorkbook({ db, actor, schoolId, year });
}

/**
 * Sends a school's answers of a year (`workbook.fill`): every required question must be answered;
 * the refusal lists each missing or wrong answer by its question's number.
 */
export async function submitSchoolAnswers({
  db,
  actor,
  schoolId,
  year,
}: SchoolYearTarget): Promise<SchoolWorkbook> {
  const school = await requireCausesSchool(db, actor, schoolId, "workbook.fill");
  const response = await findResponse(db, schoolId, year);
  if (response?.status === "submitted") throw new AppError("conflict", "Рабочая тетрадь уже отправлена");
  const version = await responseVersion(db, school.regionId, response);
  const check = validateAnswers({
    workbook: version.definition,
    answers: answersOf(version.definition, response?.answers ?? {}),
    requireAll: true,
  });
  if (!check.ok || !response) {
    const issues = check.issues.map((issue) => ({
      path: `answers.${issue.questionCode}`,
      message: issue.message,
    }));
    const more = issues.length > 1 ? ` (и ещё ${issues.length - 1})` : "";
    throw new AppError(
      "invalid_input",
      `Тетрадь не отправлена: ${issues[0]?.message ?? "нет ответов"}${more}`,
      issues,
    );
  }
  await db.transaction(async (tx) => {
    await updateResponse(
      tx,
      response.id,
      { answers: response.answers, status: "submitted", submittedAt: new Date() },
      changedBy(actor),
    );
    await recordAudit(tx, {
      actor,
      action: "submit",
      entity: "workbook_response",
      entityId: response.id,
      before: { status: response.status },
      after: { schoolId, year, version: version.version, status: "submitted" },
      regionId: school.regionId,
    });
  });
  return getSchoolWorkbook({ db, actor, schoolId, year });
}
