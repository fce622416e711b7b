import { describe, expect, it } from "vitest";
import { FIXTURE_RULE_SETS, syntheticSnapshot } from "../../../../test/support/run-fixture";
import type { RuleSetResult, RunRuleSet } from "../../../core/identification/api.schema";
import { decodeColumn, encodeColumn } from "./run-column-codec";
import { toRunColumns } from "./run-columns";
import { detailsReader } from "./run-details";

const YEAR = 2025;
const RUN_RULE_SETS: RunRuleSet[] = FIXTURE_RULE_SETS.map(({ definition: _d, ...rest }) => rest);
/** What a rule set result repeats of its rule set. */
const HEAD = (({ ruleSetId, versionId, name, category }) => ({ ruleSetId, versionId, name, category }))(
  RUN_RULE_SETS[0]!,
);

const schools = Array.from({ length: 400 }, (_, i) => ({
  schoolId: i + 1,
  code: `S${i + 1}`,
  name: `Школа ${i + 1}`,
  isRural: i % 3 === 0,
  municipalityId: 1 + (i % 5),
}));

/** Columns through their stored form and back, then each school's results read at its position. */
function roundTrip(
  details: RuleSetResult[][],
  ruleSets: readonly RunRuleSet[] = RUN_RULE_SETS,
  chunkSize = 37,
) {
  const { statuses, columns } = toRunColumns(details, YEAR, chunkSize);
  const stored = columns.map((column) => decodeColumn(encodeColumn(column)));
  const read = detailsReader(ruleSets, stored, YEAR);
  return { columns, statuses, stored, back: statuses.map((letters, at) => read(letters, at)) };
}

describe("run columns", () => {
  it("give back every school's results exactly as the engine produced them", () => {
    const results = syntheticSnapshot(schools, { year: YEAR, seed: 7 });
    const details = results.map((r) => r.details);
    const { columns, back } = roundTrip(details);
    expect(back).toEqual(details);
    // The fixture reaches every stored case: small schools, schools without data, nulls, sentences,
    // a multi-indicator criterion naming several indicators, years over the whole window.
    const all = details.flat();
    expect(all.some((d) => d.reason === "small_school")).toBe(true);
    expect(all.some((d) => d.reason === "no_data")).toBe(true);
    expect(all.some((d) => d.status === "flagged")).toBe(true);
    const criteria = all.flatMap((d) => d.criteria);
    expect(criteria.some((c) => c.value === null)).toBe(true);
    expect(criteria.some((c) => c.sentence !== null)).toBe(true);
    expect(criteria.some((c) => c.yearsUsed.length === 3)).toBe(true);
    expect(Math.max(...columns.map((c) => c.indicatorCodes.length))).toBeGreaterThan(1);
    expect(columns.some((c) => c.verdicts.includes("-"))).toBe(true);
  });

  it("cut in chunks of consecutive schools, and read a school from its chunks alone", () => {
    const details = syntheticSnapshot(schools, { year: YEAR, seed: 9 }).map((r) => r.details);
    const { columns, statuses, stored } = roundTrip(details, RUN_RULE_SETS, 64);
    const criteria = FIXTURE_RULE_SETS.reduce((n, r) => n + r.definition.criteria.length, 0);
    expect(columns).toHaveLength(criteria * Math.ceil(schools.length / 64));
    expect(columns.every((c) => c.firstPosition % 64 === 0 && c.verdicts.length <= 64)).toBe(true);
    for (const position of [0, 63, 64, 250, schools.length - 1]) {
      const own = stored.filter(
        (c) => position >= c.firstPosition && position < c.firstPosition + c.verdicts.length,
      );
      expect(own).toHaveLength(criteria);
      expect(detailsReader(RUN_RULE_SETS, own, YEAR)(statuses[position]!, position)).toEqual(
        details[position],
      );
    }
    // One chunk size or another, the same results.
    expect(roundTrip(details, RUN_RULE_SETS, 1000).back).toEqual(details);
    expect(roundTrip(details, RUN_RULE_SETS, 1).back).toEqual(details);
  });

  it("keep the exact doubles, negative zero and infinities; NaN reads as null, as JSON stored it", () => {
    const criterion = (value: number | null, threshold: number | null) => ({
      criterionId: "x",
      indicatorCode: "a",
      value,
      threshold,
      yearsUsed: [YEAR - 10, YEAR],
      verdict: "not_met" as const,
      sentence: null,
    });
    const detail = (value: number | null, threshold: number | null): RuleSetResult => ({
      ...HEAD,
      status: "not_flagged",
      reason: null,
      criteria: [criterion(value, threshold)],
    });
    const schoolsDetails = [
      [detail(0.1 + 0.2, -0)],
      [detail(Number.MAX_VALUE, Number.MIN_VALUE)],
      [detail(Number.NEGATIVE_INFINITY, null)],
    ];
    const { back } = roundTrip(schoolsDetails, RUN_RULE_SETS.slice(0, 1));
    expect(back).toEqual(schoolsDetails);
    expect(Object.is(back[0]![0]!.criteria[0]!.threshold, -0)).toBe(true);
    const nan = roundTrip([[detail(Number.NaN, 1)]], RUN_RULE_SETS.slice(0, 1)).back;
    expect(nan[0]![0]!.criteria[0]!.value).toBeNull();
  });

  it("keep each rule set's status and reason, and refuse what they cannot keep", () => {
    const base = { ...HEAD, criteria: [] };
    const statuses: Pick<RuleSetResult, "status" | "reason">[] = [
      { status: "flagged", reason: null },
      { status: "not_flagged", reason: null },
      { status: "insufficient_data", reason: "small_school" },
      { status: "insufficient_data", reason: "no_data" },
      { status: "insufficient_data", reason: null },
    ];
    const details = statuses.map((s) => [{ ...base, ...s }]);
    expect(roundTrip(details, RUN_RULE_SETS.slice(0, 1)).back).toEqual(details);
    expect(() => toRunColumns([[{ ...base, status: "flagged", reason: "no_data" }]], YEAR)).toThrow();
    const withYear = (year: number) => [
      [
        {
          ...base,
          status: "not_flagged" as const,
          reason: null,
          criteria: [
            {
              criterionId: "x",
              indicatorCode: "a",
              value: 1,
              threshold: 1,
              yearsUsed: [year],
              verdict: "met" as const,
              sentence: "предложение",
            },
          ],
        },
      ],
    ];
    expect(() => toRunColumns(withYear(YEAR + 1), YEAR)).toThrow(/вне окна/);
    expect(() => toRunColumns(withYear(YEAR - 31), YEAR)).toThrow(/вне окна/);
    expect(() => toRunColumns(withYear(YEAR - 30), YEAR)).not.toThrow();
  });

  it("refuse schools that disagree on a criterion's place", () => {
    const results = syntheticSnapshot(schools.slice(0, 40), { year: YEAR, seed: 3 });
    const details = results.map((r) => r.details);
    const i = details.findIndex((d) => (d[0]?.criteria.length ?? 0) > 1);
    const swapped = [...details[i]![0]!.criteria].reverse();
    details[i] = [{ ...details[i]![0]!, criteria: swapped }, ...details[i]!.slice(1)];
    expect(() => toRunColumns(details, YEAR)).toThrow(/порядок критериев/);
  });
});
