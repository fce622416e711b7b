import { describe, expect, it } from "vitest";
import { buildTable2, criterionMeans, type SchoolRecord, wholePercent } from "./table2";
import { monitoringTemplateSchema } from "./template.schema";
import { TEMPLATE_003 } from "./template-003.data";

/** Seed 003, Table 2 as printed: code → [count 2018, % 2018, count 2019, % 2019]. */
const SEED_TABLE_2: Record<string, [number, number, number, number]> = {
  "1.1": [27, 100, 27, 100],
  "1.2": [75, 20.5, 59, 16],
  "1.3": [56, 75, 30, 51],
  "1.4": [59, 79, 26, 44],
  "2.1": [23, 31, 20, 34],
  "2.2": [7, 9, 6, 10],
  "3.1": [36, 48, 57, 97],
  "3.2": [56, 75, 35, 59],
  "3.3": [4, 5, 2, 3],
  "3.4": [37, 49.3, 2, 3],
  "4.1": [13, 17, 4, 7],
  "4.2": [62, 83, 33, 56],
  "4.3": [20, 27, 11, 19],
  "4.4": [5, 7, 2, 3],
  "5.1": [9, 12, 7, 12],
  "5.2": [48, 64, 32, 54],
  "5.3": [58, 77, 43, 73],
  "5.4": [53, 71, 37, 63],
  "5.5": [3, 4, 6, 10],
  "6.1": [13, 17, 24, 41],
  "6.2": [14, 19, 50, 85],
  "6.3": [20, 27, 50, 85],
  "6.4": [10, 13, 28, 47],
  "6.5": [41, 55, 31, 53],
  "7.1": [39, 52, 28, 47],
  "7.2": [28, 37, 25, 42],
  "7.3": [8, 11, 6, 11],
  "7.4": [36, 48, 23, 39],
  "7.5": [31, 41, 30, 51],
  "7.6": [8, 11, 6, 11],
  "7.7": [32, 43, 21, 36],
  "7.8": [30, 40, 28, 47],
  "7.9": [13, 17, 10, 17],
};

/**
 * The seed's misprints: printed percents that disagree with their own count and base under the seed's
 * rule (whole percents, halves up), and what the table prints instead.
 * - 1.2 in 2018: 75 of the region's 367 schools is 20,44 % — 20 in whole percents (20,4 to one decimal),
 *   printed 20,5.
 * - 3.4 in 2018: 37 of 75 is 49,33 %, printed to one decimal (49,3) where every other cell is whole: 49.
 * - 7.3 and 7.6 in 2019: 6 of 59 is 10,17 % — 10 (as 2.2 and 5.5 print the same 6 of 59), printed 11.
 */
const MISPRINTS: Record<string, { year: number; printed: number; computed: number }[]> = {
  "1.2": [{ year: 2018, printed: 20.5, computed: 20 }],
  "3.4": [{ year: 2018, printed: 49.3, computed: 49 }],
  "7.3": [{ year: 2019, printed: 11, computed: 10 }],
  "7.6": [{ year: 2019, printed: 11, computed: 10 }],
};

/** Indicators that exclude each other (a school is in exactly one of them), given disjoint schools. */
const EXCLUSIVE_GROUPS = [
  ["6.4", "6.5"],
  ["7.1", "7.2", "7.3"],
  ["7.4", "7.5", "7.6"],
  ["7.7", "7.8", "7.9"],
];

/**
 * Per-school records consistent with the seed: `n` schools in 27 municipalities (school i in
 * municipality i mod 27), each indicator yes for as many schools as the seed counts; the indicators
 * of one exclusive group take disjoint schools, so that a school has exactly one of 7.1–7.3 etc. (the
 * seed's counts add up to the year's schools there). 3.4 («не заявлены партнеры») is taken as the
 * schools reported it: the seed's 37 of 75 without partners cannot be derived from its own 56 of 75
 * with partner schools, so the test does not derive it.
 */
function seedRecords(year: number, n: number, column: 0 | 2): SchoolRecord[] {
  const offsets = new Map<string, number>();
  for (const group of EXCLUSIVE_GROUPS) {
    let offset = 0;
    for (const code of group) {
      offsets.set(code, offset);
      offset += (SEED_TABLE_2[code] as number[])[column] as number;
    }
    expect(offset).toBeLessThanOrEqual(n);
  }
  return Array.from({ length: n }, (_, i) => {
    const values: Record<string, boolean> = {};
    for (const [code, row] of Object.entries(SEED_TABLE_2)) {
      const count = code === "1.1" || code === "1.2" ? n : (row[column] as number);
      const from = offsets.get(code) ?? 0;
      values[code] = i >= from && i < from + count;
    }
    return { year, schoolId: year * 1000 + i, municipalityId: (i % 27) + 1, values };
  });
}

const bases = [
  { year: 2019, programme: 59, region: 367, municipalities: 27 },
  { year: 2018, programme: 75, region: 367, municipalities: 27 },
];

describe("the seed 003 template", () => {
  it("has the 7 criteria and 33 indicators numbered as Table 2, and passes its own schema", () => {
    expect(monitoringTemplateSchema.safeParse(TEMPLATE_003).success).toBe(true);
    expect(TEMPLATE_003.criteria.map((c) => c.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(TEMPLATE_003.indicators.map((i) => i.code)).toEqual(Object.keys(SEED_TABLE_2));
    expect(TEMPLATE_003.indicators.find((i) => i.code === "1.2")?.base).toBe("region");
    expect(TEMPLATE_003.indicators.find((i) => i.code === "1.1")?.base).toBe("municipalities");
    expect(TEMPLATE_003.indicators.find((i) => i.code === "7.9")?.wording).toBe(
      "Доля ОО, в которых не вовлечены родители в проектную деятельность",
    );
  });
});

describe("buildTable2 on seed 003's 2018 (75 schools) and 2019 (59 schools)", () => {
  const records = [...seedRecords(2018, 75, 0), ...seedRecords(2019, 59, 2)];
  const table = buildTable2(records, TEMPLATE_003, bases);
  const indicators = table.rows.flatMap((r) => (r.kind === "indicator" ? [r] : []));

  it("orders the years and puts each criterion as a group row before its indicators", () => {
    expect(table.years).toEqual([2018, 2019]);
    expect(table.rows[0]).toEqual({ kind: "criterion", code: "1", title: TEMPLATE_003.criteria[0]?.title });
    expect(table.rows.filter((r) => r.kind === "criterion")).toHaveLength(7);
    expect(indicators).toHaveLength(33);
  });

  it("counts every indicator as the seed prints it, against the stated base", () => {
    for (const row of indicators) {
      const seed = SEED_TABLE_2[row.code] as number[];
      expect([row.code, row.cells[0]?.count, row.cells[1]?.count]).toEqual([row.code, seed[0], seed[2]]);
      const expectedBase =
        row.base === "region" ? [367, 367] : row.base === "municipalities" ? [27, 27] : [75, 59];
      expect(row.cells.map((c) => c.base)).toEqual(expectedBase);
    }
  });

  it("prints every percent as the seed does, except the listed misprints, where it prints the computed figure", () => {
    const misprinted: string[] = [];
    for (const row of indicators) {
      const seed = SEED_TABLE_2[row.code] as number[];
      [2018, 2019].forEach((year, i) => {
        const printed = seed[i * 2 + 1];
        const actual = row.cells[i]?.percent;
        const misprint = MISPRINTS[row.code]?.find((m) => m.year === year);
        if (misprint) {
          expect(printed).toBe(misprint.printed);
          expect(actual).toBe(misprint.computed);
          misprinted.push(`${row.code}/${year}`);
        } else {
          expect([row.code, year, actual]).toEqual([row.code, year, printed]);
        }
      });
    }
    expect(misprinted).toEqual(["1.2/2018", "3.4/2018", "7.3/2019", "7.6/2019"]);
  });

  it("states the change between the years", () => {
    const row = indicators.find((r) => r.code === "3.1");
    expect(row?.changes).toEqual([{ from: 2018, to: 2019, count: 21, percentPoints: 49 }]);
    const gone = indicators.find((r) => r.code === "1.3");
    expect(gone?.changes[0]).toMatchObject({ count: -26, percentPoints: -24 });
  });

  it("averages each criterion's percents for the dynamics chart", () => {
    const means = criterionMeans(table);
    expect(means).toHaveLength(7);
    // Criterion 2: (31 + 9) / 2 = 20 in 2018, (34 + 10) / 2 = 22 in 2019.
    expect(means[1]).toMatchObject({ code: "2", means: [20, 22] });
  });
});

describe("wholePercent", () => {
  it("rounds halves up without floating-point loss and has no percent of an empty base", () => {
    expect(wholePercent(1, 8)).toBe(13); // 12,5
    expect(wholePercent(3, 8)).toBe(38); // 37,5
    expect(wholePercent(75, 367)).toBe(20);
    expect(wholePercent(0, 0)).toBeNull();
  });

  it("counts a number above zero as yes and a municipality once", () => {
    const table = buildTable2(
      [
        { year: 2020, schoolId: 1, municipalityId: 1, values: { "1.1": true, "1.3": 2 } },
        { year: 2020, schoolId: 2, municipalityId: 1, values: { "1.1": true, "1.3": 0 } },
      ],
      TEMPLATE_003,
      [{ year: 2020, programme: 2, region: 10, municipalities: 4 }],
    );
    const cells = Object.fromEntries(
      table.rows.flatMap((r) => (r.kind === "indicator" ? [[r.code, r.cells[0]]] : [])),
    );
    expect(cells["1.1"]).toEqual({ count: 1, base: 4, percent: 25 });
    expect(cells["1.3"]).toEqual({ count: 1, base: 2, percent: 50 });
  });
});
