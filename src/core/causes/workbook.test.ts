import { describe, expect, it } from "vitest";
import { FACTOR_CODES } from "./factors.data";
import { PRELOADED_WORKBOOK } from "./workbook.data";
import { listQuestions, numberQuestions, type WorkbookInput } from "./workbook.schema";
import { validateWorkbook } from "./workbook-validate";

const SMALL: WorkbookInput = {
  code: "test",
  version: 1,
  title: "Тетрадь",
  sections: [
    {
      code: "a",
      title: "Раздел А",
      questions: [
        {
          code: "q1",
          type: "yes_no",
          text: "Есть ли ВСОКО?",
          factorCodes: ["undeveloped_vsoko"],
          riskIfYes: 0,
          riskIfNo: 1,
        },
        {
          code: "q2",
          type: "single_choice",
          text: "Как часто?",
          factorCodes: ["undeveloped_vsoko"],
          options: [
            { code: "often", label: "часто", risk: 0 },
            { code: "rarely", label: "редко", risk: 1 },
          ],
        },
      ],
    },
    {
      code: "b",
      title: "Раздел Б",
      questions: [
        {
          code: "q3",
          type: "scale",
          text: "Оцените",
          factorCodes: ["teacher_burnout"],
          min: 1,
          max: 5,
          worseWhen: "higher",
        },
      ],
    },
  ],
};

function edited(change: (workbook: WorkbookInput) => void): WorkbookInput {
  const copy: WorkbookInput = structuredClone(SMALL);
  change(copy);
  return copy;
}

describe("preloaded workbook", () => {
  it("passes its own checks and has 30–40 questions", () => {
    expect(validateWorkbook(PRELOADED_WORKBOOK, FACTOR_CODES)).toMatchObject({ ok: true });
    const count = listQuestions(PRELOADED_WORKBOOK).length;
    expect(count).toBeGreaterThanOrEqual(30);
    expect(count).toBeLessThanOrEqual(40);
  });

  it("asks about every factor of the catalogue with a scored question", () => {
    const scored = listQuestions(PRELOADED_WORKBOOK).filter(({ question }) => question.type !== "text");
    const covered = new Set(scored.flatMap(({ question }) => question.factorCodes));
    expect(FACTOR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("numbers questions by section and position: 2.4 is the question about courses", () => {
    const numbers = numberQuestions(PRELOADED_WORKBOOK);
    expect(numbers.get("vsoko_regulation")).toBe("1.1");
    expect(numbers.get("courses_three_years")).toBe("2.4");
  });
});

describe("workbook edit checks", () => {
  it("accepts a small valid workbook and fills defaults", () => {
    const check = validateWorkbook(SMALL, FACTOR_CODES);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.workbook.sections[0]?.questions[0]?.required).toBe(true);
  });

  it("refuses a question code used twice, naming both places", () => {
    const check = validateWorkbook(
      edited((workbook) => {
        const question = workbook.sections[1]?.questions[0];
        if (question) question.code = "q1";
      }),
      FACTOR_CODES,
    );
    expect(check).toEqual({
      ok: false,
      issues: [{ path: "Вопрос 2.1", message: "код «q1» уже занят: вопрос 1.1" }],
    });
  });

  it("refuses an unknown factor and a repeated section code", () => {
    const check = validateWorkbook(
      edited((workbook) => {
        const second = workbook.sections[1];
        if (second) second.code = "a";
        const question = workbook.sections[0]?.questions[1];
        if (question) question.factorCodes = ["undeveloped_vsoko", "no_such_factor"];
      }),
      FACTOR_CODES,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.issues).toEqual([
        { path: "Вопрос 1.2", message: "неизвестный фактор риска «no_such_factor»" },
        { path: "Раздел 2", message: "код раздела «a» повторяется" },
      ]);
    }
  });

  it("refuses a choice with one option and names where, in Russian", () => {
    const check = validateWorkbook(
      edited((workbook) => {
        const question = workbook.sections[0]?.questions[1];
        if (question?.type === "single_choice") question.options = question.options.slice(0, 1);
      }),
      FACTOR_CODES,
    );
    expect(check).toEqual({
      ok: false,
      issues: [
        { path: "Раздел 1, вопрос 1.2", message: "У вопроса с выбором должно быть не меньше двух вариантов" },
      ],
    });
  });

  it("refuses a question tied to no factor (a format error, found before the other checks)", () => {
    const check = validateWorkbook(
      edited((workbook) => {
        const first = workbook.sections[0]?.questions[0];
        if (first) first.factorCodes = [];
      }),
      FACTOR_CODES,
    );
    expect(check).toEqual({
      ok: false,
      issues: [{ path: "Раздел 1, вопрос 1.1", message: "Свяжите вопрос хотя бы с одним фактором риска" }],
    });
  });

  it("refuses repeated option codes and a scale upside down", () => {
    const check = validateWorkbook(
      edited((workbook) => {
        const second = workbook.sections[0]?.questions[1];
        if (second?.type === "single_choice") {
          second.options = [
            { code: "often", label: "часто", risk: 0 },
            { code: "often", label: "очень часто", risk: 0 },
          ];
        }
        const scale = workbook.sections[1]?.questions[0];
        if (scale?.type === "scale") {
          scale.min = 5;
          scale.max = 1;
        }
      }),
      FACTOR_CODES,
    );
    expect(check).toEqual({
      ok: false,
      issues: [
        { path: "Вопрос 1.2", message: "код варианта «often» повторяется" },
        { path: "Вопрос 2.1", message: "минимум шкалы должен быть меньше максимума" },
      ],
    });
  });
});
