import { describe, expect, it } from "vitest";
import { combineCategories, compareRuns } from "./categories";
import type { RuleSetCategory } from "./rule-set.schema";
import type { RuleSetEvaluation, SchoolStatus } from "./types";

function evaluation(name: string, category: RuleSetCategory, statuses: SchoolStatus[]): RuleSetEvaluation {
  return {
    ruleSetName: name,
    category,
    riskFlag: category === "risk" ? `флаг ${name}` : null,
    year: 2023,
    schools: statuses.map((status, i) => ({
      schoolId: i + 1,
      code: `S${i + 1}`,
      status,
      reason: status === "insufficient_data" ? "no_data" : null,
      metCount: status === "flagged" ? 1 : 0,
      criteria: [],
    })),
  };
}

describe("combineCategories", () => {
  it("gives ШНРО, ШФНСУ, both, none and insufficient data, with risk flags on the side", () => {
    const categories = combineCategories([
      evaluation("А", "shnro", [
        "flagged",
        "flagged",
        "not_flagged",
        "not_flagged",
        "insufficient_data",
        "insufficient_data",
      ]),
      evaluation("Б", "shfnsu", [
        "not_flagged",
        "flagged",
        "flagged",
        "not_flagged",
        "not_flagged",
        "flagged",
      ]),
      evaluation("Р", "risk", [
        "flagged",
        "not_flagged",
        "not_flagged",
        "flagged",
        "insufficient_data",
        "not_flagged",
      ]),
    ]);
    expect(categories.map((c) => [c.code, c.category, c.riskFlags, c.flaggedBy])).toEqual([
      ["S1", "shnro", ["флаг Р"], ["А", "Р"]],
      ["S2", "both", [], ["А", "Б"]],
      ["S3", "shfnsu", [], ["Б"]],
      ["S4", "none", ["флаг Р"], ["Р"]],
      ["S5", "insufficient_data", [], []],
      ["S6", "shfnsu", [], ["Б"]],
    ]);
  });

  it("does not let a risk rule set's missing data make a school undecided", () => {
    const [c] = combineCategories([
      evaluation("А", "shnro", ["not_flagged"]),
      evaluation("Р", "risk", ["insufficient_data"]),
    ]);
    expect(c?.category).toBe("none");
  });
});

describe("compareRuns", () => {
  it("splits schools into entered, left and stayed, by code", () => {
    const before = [
      { schoolId: 1, code: "A", category: "shnro" as const },
      { schoolId: 2, code: "B", category: "both" as const },
      { schoolId: 3, code: "C", category: "none" as const },
      { schoolId: 4, code: "D", category: "shfnsu" as const },
    ];
    const after = [
      { schoolId: 1, code: "A", category: "shfnsu" as const },
      { schoolId: 2, code: "B", category: "insufficient_data" as const },
      { schoolId: 3, code: "C", category: "shnro" as const },
      { schoolId: 5, code: "E", category: "both" as const },
    ];
    const comparison = compareRuns(before, after);
    expect(comparison.entered.map((s) => [s.code, s.before, s.after])).toEqual([
      ["C", "none", "shnro"],
      ["E", null, "both"],
    ]);
    expect(comparison.left.map((s) => [s.code, s.before, s.after])).toEqual([
      ["B", "both", "insufficient_data"],
      ["D", "shfnsu", null],
    ]);
    expect(comparison.stayed.map((s) => [s.code, s.before, s.after])).toEqual([["A", "shnro", "shfnsu"]]);
  });
});
