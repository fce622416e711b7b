import { describe, expect, it } from "vitest";
import { type IndicatorMeta, schoolResults, targetVerdict } from "./results";

const CATALOGUE: IndicatorMeta[] = [
  {
    code: "good_marks_share",
    name: "Доля на «4» и «5»",
    unit: "share",
    direction: "higher_better",
    group: "results",
  },
  {
    code: "ege_math_below_min_share",
    name: "Доля ниже минимума ЕГЭ по математике",
    unit: "share",
    direction: "lower_better",
    group: "assessment",
  },
  {
    code: "ege_rus_mean",
    name: "Средний балл ЕГЭ по русскому",
    unit: "score",
    direction: "higher_better",
    group: "assessment",
  },
  {
    code: "olympiad_winners_share",
    name: "Доля призёров олимпиады",
    unit: "share",
    direction: "higher_better",
    group: "olympiad",
  },
  {
    code: "teacher_vacancies",
    name: "Вакансии",
    unit: "count",
    direction: "lower_better",
    group: "staffing",
  },
];

describe("schoolResults", () => {
  it("compares each target with the value of its year in the indicator's direction", () => {
    const result = schoolResults({
      year: 2026,
      catalogue: CATALOGUE,
      targets: [
        { code: "good_marks_share", text: "", baseline: 0.3, target: 0.35, year: 2026 },
        { code: "ege_math_below_min_share", text: "", baseline: 0.3, target: 0.2, year: null },
        { code: "teacher_vacancies", text: "", baseline: 3, target: 1, year: 2026 },
      ],
      values: [
        { code: "good_marks_share", year: 2026, value: 0.36 },
        { code: "ege_math_below_min_share", year: 2026, value: 0.25 },
      ],
    });
    expect(result.targets.map((t) => [t.actual, t.isReached])).toEqual([
      [0.36, true],
      [0.25, false],
      [null, null],
    ]);
    expect(result.targets[0]?.name).toBe("Доля на «4» и «5»");
    expect(result.targetVerdict).toBe("some");
  });

  it("reads dynamics as rising against falling indicators of the kind, ignoring small changes", () => {
    const result = schoolResults({
      year: 2026,
      catalogue: CATALOGUE,
      targets: [],
      values: [
        // good marks up 5 points: improved
        { code: "good_marks_share", year: 2025, value: 0.3 },
        { code: "good_marks_share", year: 2026, value: 0.35 },
        // below the minimum down from 0.3 to 0.2: improved (lower is better)
        { code: "ege_math_below_min_share", year: 2025, value: 0.3 },
        { code: "ege_math_below_min_share", year: 2026, value: 0.2 },
        // mean 60 → 60.5: within 2 %, unchanged
        { code: "ege_rus_mean", year: 2025, value: 60 },
        { code: "ege_rus_mean", year: 2026, value: 60.5 },
        // olympiad winners down
        { code: "olympiad_winners_share", year: 2025, value: 0.1 },
        { code: "olympiad_winners_share", year: 2026, value: 0.05 },
      ],
    });
    expect(result.changes.subject).toEqual({ improved: 2, declined: 0, compared: 3 });
    expect(result.dynamics).toEqual({ subject: "improved", personal: "no_data", olympiad: "declined" });
    expect(result.targetVerdict).toBe("no_targets");
  });

  it("says «unchanged» when as many indicators rose as fell, «no_data» without both years", () => {
    const result = schoolResults({
      year: 2026,
      catalogue: CATALOGUE,
      targets: [],
      values: [
        { code: "good_marks_share", year: 2025, value: 0.3 },
        { code: "good_marks_share", year: 2026, value: 0.4 },
        { code: "ege_math_below_min_share", year: 2025, value: 0.1 },
        { code: "ege_math_below_min_share", year: 2026, value: 0.3 },
        { code: "olympiad_winners_share", year: 2026, value: 0.3 },
      ],
    });
    expect(result.dynamics.subject).toBe("unchanged");
    expect(result.dynamics.olympiad).toBe("no_data");
  });

  it("takes a lower target than the baseline as «lower is better» for an indicator not in the catalogue", () => {
    const result = schoolResults({
      year: 2026,
      catalogue: [],
      targets: [{ code: "x_share", text: "", baseline: 0.5, target: 0.4, year: 2026 }],
      values: [{ code: "x_share", year: 2026, value: 0.38 }],
    });
    expect(result.targets[0]?.isReached).toBe(true);
    expect(result.targetVerdict).toBe("all");
  });
});

describe("targetVerdict", () => {
  it("is all, some, none, no data or no targets", () => {
    expect(targetVerdict([{ isReached: true }, { isReached: true }])).toBe("all");
    expect(targetVerdict([{ isReached: true }, { isReached: null }])).toBe("some");
    expect(targetVerdict([{ isReached: false }, { isReached: null }])).toBe("none");
    expect(targetVerdict([{ isReached: null }])).toBe("no_data");
    expect(targetVerdict([])).toBe("no_targets");
  });
});
