import { describe, expect, it } from "vitest";
import {
  blockChanges,
  DEFAULT_DEFICIT_SCALE,
  deficitBlocks,
  levelOf,
  mismatchedEnrolments,
  priorityOf,
  readDeficitScale,
  recommendCourses,
  SELF_ASSESSMENT_STATEMENTS,
  schoolYearOf,
  scoreSelfAssessment,
} from ".";

const scale = DEFAULT_DEFICIT_SCALE;

describe("deficit levels", () => {
  it("reads the default bounds: below 50 a deficit, 50–69 partial, 70 and above mastered", () => {
    expect([49.9, 50, 69, 70, 100].map((s) => levelOf(s, "subject", scale))).toEqual([
      "deficit",
      "partial",
      "partial",
      "mastered",
      "mastered",
    ]);
  });

  it("takes a block's own bounds where the region set them", () => {
    const own = readDeficitScale({
      deficitBelow: 50,
      masteredFrom: 70,
      byBlock: { digital: { deficitBelow: 60, masteredFrom: 80 } },
    });
    expect(levelOf(55, "digital", own)).toBe("deficit");
    expect(levelOf(55, "subject", own)).toBe("partial");
  });

  it("falls back to the default for a stored scale it cannot read", () => {
    expect(readDeficitScale({ deficitBelow: 80, masteredFrom: 20 })).toEqual(DEFAULT_DEFICIT_SCALE);
  });

  it("lists the deficit blocks weakest first", () => {
    expect(deficitBlocks({ subject: 45, assessment: 30, digital: 60 }, scale)).toEqual([
      "assessment",
      "subject",
    ]);
  });
});

describe("the self-assessment", () => {
  it("scores a block as the mean of (answer − 1) / 4, in points", () => {
    const answers = Object.fromEntries(SELF_ASSESSMENT_STATEMENTS.map((s) => [s.id, 5]));
    expect(scoreSelfAssessment(answers).subject).toBe(100);
    expect(scoreSelfAssessment({ subject_1: 1, subject_2: 3, subject_3: 5 })).toEqual({ subject: 50 });
    expect(scoreSelfAssessment({ assessment_1: 2, assessment_2: 2 })).toEqual({ assessment: 25 });
  });

  it("leaves out a block with no answer", () => {
    expect(scoreSelfAssessment({})).toEqual({});
  });

  it("has statements for every block", () => {
    expect(new Set(SELF_ASSESSMENT_STATEMENTS.map((s) => s.block)).size).toBe(6);
  });
});

describe("the priority group", () => {
  const base = { position: "teacher" as const, failingSubjects: [] };

  it("marks a mathematics teacher where 10% or more failed the ОГЭ minimum", () => {
    const verdict = priorityOf({
      ...base,
      subjects: ["Математика"],
      results: [{ code: "oge_math_below_min_share", year: 2025, share: 0.125 }],
    });
    expect(verdict.isPriority).toBe(true);
    expect(verdict.reason).toContain("12,5% учащихся школы не преодолели минимальный порог ОГЭ (2025 г.");
  });

  it("does not mark one whose subject results are below the bound", () => {
    const verdict = priorityOf({
      ...base,
      subjects: ["математика"],
      results: [{ code: "ege_math_below_min_share", year: 2025, share: 0.05 }],
      failingSubjects: [{ subject: "математика", sentence: "старое" }],
    });
    expect(verdict).toEqual({ isPriority: false, reason: null });
  });

  it("falls back to the school's failing subjects where there are no subject results", () => {
    const verdict = priorityOf({
      ...base,
      subjects: ["физика", "русский язык"],
      results: [{ code: "oge_math_below_min_share", year: 2025, share: 0.5 }],
      failingSubjects: [{ subject: "Русский язык", sentence: "средний балл ЕГЭ ниже границы." }],
    });
    expect(verdict.isPriority).toBe(true);
    expect(verdict.reason).toBe(
      "Преподаёт предмет «русский язык», по которому школа отнесена к ШНРО: средний балл ЕГЭ ниже границы.",
    );
  });

  it("does not mark a teacher of a subject nobody measured", () => {
    expect(priorityOf({ ...base, subjects: ["история"], results: [] }).isPriority).toBe(false);
  });
});

const course = (id: number, title: string, hours: number, blocks: string[], subjects: string[] = []) => ({
  id,
  title,
  hours,
  blocks,
  subjects,
});

describe("the ИОМ's recommended courses", () => {
  const courses = [
    course(1, "Оценивание на уроке", 36, ["assessment"]),
    course(2, "Цифровая школа", 24, ["digital"]),
    course(3, "Подготовка к ОГЭ по математике", 72, ["subject", "assessment"], ["математика"]),
    course(4, "Русский язык: трудные темы", 36, ["subject"], ["русский язык"]),
  ];

  it("matches course blocks to deficits and subjects, with the reason", () => {
    const out = recommendCourses({
      scores: { assessment: 42, subject: 48, digital: 80 },
      scale,
      subjects: ["математика"],
      courses,
    });
    expect(out.map((r) => r.courseId)).toEqual([3, 1]);
    expect(out[1]?.reason).toBe(
      "Курс «Оценивание на уроке» (36 ч) адресован дефициту «Оценка образовательных результатов» (балл 42).",
    );
    expect(out[0]?.reason).toContain(
      "дефицитам «Оценка образовательных результатов» (балл 42) и «Предметная компетентность» (балл 48); курс по предмету учителя",
    );
  });

  it("recommends nothing without a deficit", () => {
    expect(recommendCourses({ scores: { assessment: 70 }, scale, subjects: [], courses })).toEqual([]);
  });
});

describe("the mismatch flag", () => {
  const enrol = (
    id: number,
    c: ReturnType<typeof course>,
    status: "enrolled" | "completed" | "dropped" = "enrolled",
  ) => ({
    enrolmentId: id,
    course: c,
    status,
  });

  it("flags a course that meets none of the deficits", () => {
    const flags = mismatchedEnrolments({
      scores: { assessment: 40, digital: 90 },
      scale,
      enrolments: [
        enrol(1, course(2, "Цифровая школа", 24, ["digital"])),
        enrol(2, course(1, "Оценивание", 36, ["assessment"])),
      ],
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.reason).toBe(
      "Направлен на курс «Цифровая школа» (24 ч) без учёта выявленных дефицитов: курс адресован блокам «Цифровая компетентность», а дефициты — «Оценка образовательных результатов» (балл 40).",
    );
  });

  it("flags a course taken with no diagnosis, not a dropped one nor one of a teacher with no deficit", () => {
    const c = course(2, "Цифровая школа", 24, ["digital"]);
    expect(mismatchedEnrolments({ scores: null, scale, enrolments: [enrol(1, c)] })[0]?.reason).toContain(
      "диагностика дефицитов не проводилась",
    );
    expect(mismatchedEnrolments({ scores: null, scale, enrolments: [enrol(1, c, "dropped")] })).toEqual([]);
    expect(mismatchedEnrolments({ scores: { digital: 20 }, scale, enrolments: [enrol(1, c)] })).toEqual([]);
    expect(mismatchedEnrolments({ scores: { subject: 90 }, scale, enrolments: [enrol(1, c)] })).toEqual([]);
  });
});

describe("the re-assessment", () => {
  it("shows the change of every block assessed twice", () => {
    expect(blockChanges({ assessment: 42, digital: 30 }, { assessment: 71, subject: 60 }, scale)).toEqual([
      {
        block: "assessment",
        before: 42,
        after: 71,
        delta: 29,
        levelBefore: "deficit",
        levelAfter: "mastered",
      },
    ]);
  });

  it("puts September into the next school year", () => {
    expect([schoolYearOf("2024-09-01"), schoolYearOf("2025-05-31")]).toEqual([2025, 2025]);
  });
});
