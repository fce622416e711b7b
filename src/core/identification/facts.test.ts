import { describe, expect, it } from "vitest";
import { buildFactsTable, indicatorYearPairs } from "./facts";

const school = (schoolId: number) => ({
  schoolId,
  code: `S${schoolId}`,
  students: 100,
  isRural: false,
  municipalityId: 1,
});

describe("buildFactsTable", () => {
  const cases = [
    { name: "ids in a dense range", ids: [11, 12, 13] },
    { name: "ids far apart", ids: [5, 1_000_000, 77_777_777] },
  ];
  for (const { name, ids } of cases) {
    it(`puts each value at its school, leaves out unknown schools and non-finite values (${name})`, () => {
      const schools = ids.map(school);
      const table = buildFactsTable(schools, [
        {
          code: "a",
          year: 2025,
          schoolIds: [ids[2]!, 999_999_999, ids[0]!, ids[1]!],
          values: [3, 4, 1, Number.NaN],
        },
        // No known school has a finite value: no column at all.
        { code: "b", year: 2025, schoolIds: [999_999_999, ids[1]!], values: [1, Number.POSITIVE_INFINITY] },
      ]);
      expect([...table.columns.keys()]).toEqual(["a"]);
      expect([...table.columns.get("a")!.get(2025)!]).toEqual([1, Number.NaN, 3]);
    });
  }
});

describe("indicator-year pairs", () => {
  it("asks for each (code, year) once, then groups the codes that want the same years", () => {
    const pairs = indicatorYearPairs([
      { codes: ["b", "a"], years: [2025, 2024] },
      { codes: ["a", "c"], years: [2025] },
      { codes: ["d"], years: [2024, 2025] },
    ]);
    expect(pairs).toEqual([
      { code: "a", year: 2024 },
      { code: "a", year: 2025 },
      { code: "b", year: 2024 },
      { code: "b", year: 2025 },
      { code: "c", year: 2025 },
      { code: "d", year: 2024 },
      { code: "d", year: 2025 },
    ]);
  });
});
