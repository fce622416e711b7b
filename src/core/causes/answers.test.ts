import { describe, expect, it } from "vitest";
import { questionSubject, readAnswer } from "./answer-reading";
import { PRELOADED_WORKBOOK } from "./workbook.data";
import { listQuestions, type Question, type WorkbookAnswers } from "./workbook.schema";
import { validateAnswers } from "./workbook-validate";

function question(code: string): Question {
  const found = listQuestions(PRELOADED_WORKBOOK).find((item) => item.question.code === code);
  if (!found) throw new Error(code);
  return found.question;
}

function answers(values: WorkbookAnswers["answers"]): WorkbookAnswers {
  return { workbookCode: "causes_workbook", version: 1, answers: values };
}

describe("reading an answer", () => {
  it("scores a 1–5 scale linearly in its direction", () => {
    // fatigue: worse when higher; 4 of 5 → (4 − 1) / 4 = 0,75
    expect(readAnswer(question("fatigue"), 4)).toEqual({
      status: "scored",
      contribution: 0.75,
      answerText: "4 из 5",
      finding: null,
    });
    // interest in learning: worse when lower; 2 of 5 → (5 − 2) / 4 = 0,75; 3 carries its label
    expect(readAnswer(question("interest_in_learning"), 2)).toMatchObject({ contribution: 0.75 });
    expect(readAnswer(question("interest_in_learning"), 3)).toMatchObject({
      contribution: 0.5,
      answerText: "3 из 5 («средний»)",
    });
  });

  it("scores yes/no and single choice by their stated risks, with the finding", () => {
    expect(readAnswer(question("psychologist"), false)).toEqual({
      status: "scored",
      contribution: 0.7,
      answerText: "нет",
      finding: "В школе нет педагога-психолога",
    });
    expect(readAnswer(question("courses_three_years"), "most")).toMatchObject({ contribution: 0.3 });
  });

  it("adds multiple-choice weights to the base risk and clips to 0–1", () => {
    // workload: base 0 + 0,3 (reporting) + 0,3 (substitutions) = 0,6
    expect(readAnswer(question("workload_sources"), ["reporting", "substitutions"])).toMatchObject({
      contribution: 0.6,
      answerText: "большой объём отчётности; постоянные замещения уроков",
    });
    // practices: base 1 − 0,25 − 0,25 = 0,5; all five practices: 1 − 1,05 → 0
    expect(readAnswer(question("methodical_forms"), ["shmo", "open_lessons"])).toMatchObject({
      contribution: 0.5,
    });
    const all = ["shmo", "open_lessons", "subject_weeks", "seminars", "rmo"];
    expect(readAnswer(question("methodical_forms"), all)).toMatchObject({ contribution: 0 });
    // choosing nothing is an answer: the base risk
    expect(readAnswer(question("methodical_forms"), [])).toMatchObject({
      contribution: 1,
      answerText: "ничего не отмечено",
    });
  });

  it("scores numbers by thresholds, on both sides", () => {
    const hours = question("weekly_hours"); // medium 24, high 30, worse when higher
    expect([20, 24, 29.5, 30].map((v) => readAnswer(hours, v))).toMatchObject([
      { contribution: 0 },
      { contribution: 0.5, answerText: "24 ч" },
      { contribution: 0.5, answerText: "29,5 ч" },
      { contribution: 1 },
    ]);
    const events = question("methodical_events"); // medium 1, high 0, worse when lower
    expect([0, 1, 2].map((v) => readAnswer(events, v))).toMatchObject([
      { contribution: 1 },
      { contribution: 0.5 },
      { contribution: 0 },
    ]);
  });

  it("treats absent, null and blank as missing, and keeps text unscored", () => {
    expect(readAnswer(question("fatigue"), undefined)).toEqual({ status: "missing" });
    expect(readAnswer(question("fatigue"), null)).toEqual({ status: "missing" });
    expect(readAnswer(question("parent_work"), "   ")).toEqual({ status: "missing" });
    expect(readAnswer(question("parent_work"), " Собрания в форме круглого стола ")).toEqual({
      status: "text",
      text: "Собрания в форме круглого стола",
    });
  });

  it("says what is wrong with an answer that does not fit", () => {
    expect(readAnswer(question("fatigue"), 6)).toEqual({
      status: "invalid",
      message: "укажите целое число от 1 до 5",
    });
    expect(readAnswer(question("fatigue"), 2.5)).toMatchObject({ status: "invalid" });
    expect(readAnswer(question("psychologist"), "нет")).toMatchObject({ message: "ответьте «да» или «нет»" });
    expect(readAnswer(question("truancy"), "sometimes")).toMatchObject({
      message: "нет варианта «sometimes»",
    });
    expect(readAnswer(question("workload_sources"), ["reporting", "reporting"])).toMatchObject({
      message: "вариант «большой объём отчётности» отмечен дважды",
    });
    expect(readAnswer(question("teacher_vacancies"), 1.5)).toMatchObject({ message: "введите целое число" });
    expect(readAnswer(question("teacher_vacancies"), -1)).toMatchObject({
      message: "число не может быть меньше 0",
    });
  });

  it("takes the first sentence of a question as the subject", () => {
    expect(questionSubject("Что увеличивает нагрузку учителей? Отметьте всё, что есть в школе.")).toBe(
      "Что увеличивает нагрузку учителей",
    );
    expect(questionSubject("Оцените интерес большинства обучающихся к учёбе.")).toBe(
      "Оцените интерес большинства обучающихся к учёбе",
    );
  });
});

describe("validating a set of answers", () => {
  it("accepts a partial draft", () => {
    expect(
      validateAnswers({ workbook: PRELOADED_WORKBOOK, answers: answers({ fatigue: 3 }), requireAll: false }),
    ).toEqual({
      ok: true,
      issues: [],
    });
  });

  it("names the question of each bad answer, in Russian", () => {
    const check = validateAnswers({
      workbook: PRELOADED_WORKBOOK,
      answers: answers({ courses_three_years: "half", no_such_question: true }),
      requireAll: false,
    });
    expect(check).toEqual({
      ok: false,
      issues: [
        {
          questionCode: "courses_three_years",
          number: "2.4",
          message:
            "Вопрос 2.4 «Какая часть учителей прошла курсы повышения квалификации за последние три года?»: нет варианта «half»",
        },
        {
          questionCode: "no_such_question",
          number: null,
          message: "Вопроса «no_such_question» нет в версии 1 тетради",
        },
      ],
    });
  });

  it("on submission needs every required question, but not the optional text ones", () => {
    const check = validateAnswers({ workbook: PRELOADED_WORKBOOK, answers: answers({}), requireAll: true });
    const required = listQuestions(PRELOADED_WORKBOOK).filter(({ question }) => question.required);
    expect(check.issues).toHaveLength(required.length);
    expect(check.issues.map((issue) => issue.questionCode)).not.toContain("parent_work");
    expect(check.issues[0]?.message).toBe(
      "Вопрос 1.1 «Утверждено ли в школе положение о внутренней системе оценки качества образования (ВСОКО)?»: нет ответа",
    );
  });

  it("refuses answers given under another version", () => {
    const check = validateAnswers({
      workbook: PRELOADED_WORKBOOK,
      answers: { workbookCode: "causes_workbook", version: 2, answers: {} },
      requireAll: false,
    });
    expect(check.ok).toBe(false);
    expect(check.issues[0]?.message).toBe("Ответы даны к версии 2 тетради, а проверяются по версии 1");
  });
});
