import { describe, expect, it } from "vitest";
import type { IndicatorMeta } from "../../../core/identification";
import { ruleSetSchema } from "../../../core/identification";
import { buildRunSnapshot, categoryCounts, type RunnableRuleSet } from "./run-snapshot";

const INDICATORS: IndicatorMeta[] = [
  { code: "fail", name: "Доля ниже порога", unit: "share", direction: "lower_better" },
  { code: "risk", name: "Доля на учёте", unit: "share", direction: "lower_better" },
];

function runnable(id: number, input: unknown): RunnableRuleSet {
  const definition = ruleSetSchema.parse(input);
  return {
    ruleSetId: id,
    versionId: id * 10,
    version: 1,
    name: definition.name,
    category: definition.category,
    riskFlag: null,
    definition,
  };
}

describe("buildRunSnapshot", () => {
  it("keeps every criterion, and takes reasons only from rule sets that flagged the school", () => {
    const shnro = runnable(1, {
      name: "А",
      category: "shnro",
      combine: { kind: "all" },
      criteria: [
        { id: "a", kind: "threshold", indicatorCode: "fail", op: ">=", value: 0.2 },
        { id: "b", kind: "threshold", indicatorCode: "risk", op: ">=", value: 0.9 },
      ],
    });
    const shfnsu = runnable(2, {
      name: "Б",
      category: "shfnsu",
      combine: { kind: "any" },
      criteria: [{ id: "c", kind: "threshold", indicatorCode: "risk", op: ">=", value: 0.3 }],
    });
    const schools = [
      { schoolId: 7, code: "S7", name: "Школа 7", students: 100, isRural: true, municipalityId: 3 },
    ];
    const facts = [
      {
        schoolId: 7,
        code: "S7",
        students: 100,
        isRural: true,
        municipalityId: 3,
        values: { fail: { 2024: 0.5 }, risk: { 2024: 0.4 } },
      },
    ];
    const [row] = buildRunSnapshot([shnro, shfnsu], 2024, schools, facts, INDICATORS);
    expect(row).toMatchObject({
      schoolId: 7,
      schoolName: "Школа 7",
      municipalityId: 3,
      isRural: true,
      category: "shfnsu",
    });
    // «a» is met but rule set А needs all criteria, so its sentence is not a reason.
    expect(row?.details[0]).toMatchObject({ ruleSetId: 1, versionId: 10, status: "not_flagged" });
    expect(row?.details[0]?.criteria.map((c) => c.verdict)).toEqual(["met", "not_met"]);
    expect(row?.reasons).toEqual(["доля на учёте — 0,40 при пороге 0,30"]);
  });
});

describe("categoryCounts", () => {
  it("counts by category with the rural share among ШНРО/ШФНСУ/both only", () => {
    const counts = categoryCounts([
      { category: "shnro", isRural: true, hasRisk: false, n: 3 },
      { category: "both", isRural: false, hasRisk: true, n: 1 },
      { category: "none", isRural: true, hasRisk: true, n: 10 },
      { category: "insufficient_data", isRural: true, hasRisk: false, n: 2 },
    ]);
    expect(counts).toEqual({
      schools: 16,
      shnro: 3,
      shfnsu: 0,
      both: 1,
      none: 10,
      insufficientData: 2,
      flagged: 4,
      flaggedRural: 3,
      ruralShare: 0.75,
      withRiskFlags: 11,
    });
    expect(categoryCounts([{ category: "none", isRural: true, hasRisk: false, n: 5 }]).ruralShare).toBeNull();
  });
});
