import path from "node:path";
import { type RuleSet, ruleSetSchema } from "../../src/core/identification";
import type { IndicatorDefinition } from "../../src/core/indicators";
import { openTable } from "../../src/server/modules/import/parse/open-table";
import { parseNumber } from "../../src/server/modules/import/parse/parse-number";
import type { LoadSchool, LoadValues } from "./load";

/** Where the real Poland grade-8 exam panel lies (see its README). */
export const POLAND_DIR = "/work/shared/data/real/poland_e8";
export const POLAND_YEARS = [2021, 2022, 2023, 2024, 2025];

const score = (code: string, name: string): IndicatorDefinition => ({
  code,
  name,
  unit: "score",
  direction: "higher_better",
  min: 0,
  max: 100,
  level: "school",
  group: "results",
  source: "CKE, egzamin ósmoklasisty",
});

/** The panel's indicators, added to the region's catalogue. */
export const POLAND_INDICATORS: IndicatorDefinition[] = [
  score("pl_polish_average", "Польша, 8 класс: средний % по польскому языку"),
  score("pl_math_average", "Польша, 8 класс: средний % по математике"),
  score("pl_english_average", "Польша, 8 класс: средний % по английскому языку"),
  {
    ...score("pl_candidates", "Польша, 8 класс: число участников экзамена по польскому языку"),
    unit: "count",
    max: 10_000,
    group: "social",
  },
  {
    ...score("pl_is_public", "Польша: школа публичная (1) или непубличная (0)"),
    unit: "bool",
    max: 1,
    group: "social",
  },
];

/** A rule set over the panel's indicators (the preloaded ones need Russian indicators it lacks). */
export const POLAND_RULE_SET: RuleSet = ruleSetSchema.parse({
  name: "Польша: низкие результаты",
  category: "shnro",
  combine: { kind: "at_least", k: 2 },
  minStudents: 10,
  criteria: [
    {
      id: "math_low",
      kind: "threshold",
      indicatorCode: "pl_math_average",
      op: "<",
      value: 35,
      window: { kind: "k_of_n", k: 2, n: 3 },
    },
    {
      id: "polish_bottom",
      kind: "bottom_percent",
      indicatorCode: "pl_polish_average",
      percent: 10,
      window: { kind: "mean_of_n", n: 3 },
    },
    { id: "english_below", kind: "below_mean_sd", indicatorCode: "pl_english_average", sd: 1 },
  ],
});

/**
 * Reads the five yearly CSVs with the application's own CSV reader. A school is (region, city,
 * name); a key repeated within a year keeps its first row. Municipalities are the 16 voivodeships;
 * the panel says nothing about rural schools, so none is rural.
 */
export async function readPoland(): Promise<{
  municipalities: string[];
  schools: LoadSchool[];
  values: LoadValues;
  rows: number;
}> {
  const keyIndex = new Map<string, number>();
  const schools: LoadSchool[] = [];
  const munIndex = new Map<string, number>();
  const cols = {
    school: [] as number[],
    indicator: [] as number[],
    year: [] as number[],
    value: [] as number[],
  };
  let rows = 0;
  for (const year of POLAND_YEARS) {
    const file = path.join(POLAND_DIR, `e8-schools-${year}.csv`);
    const table = await openTable({ path: file, fileName: path.basename(file) });
    const at = (name: string) => table.header.indexOf(name);
    const c = {
      region: at("region"),
      isPublic: at("public"),
      school: at("school"),
      city: at("city"),
      candidates: at("polish_candidates"),
      polish: at("polish_average"),
      math: at("math_average"),
      english: at("english_average"),
    };
    const decimalComma = table.format.decimalComma ?? false;
    const seen = new Set<string>();
    for await (const row of table) {
      rows++;
      const cell = (i: number) => row.cells[i] ?? "";
      const key = `${cell(c.region)}|${cell(c.city)}|${cell(c.school)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let municipality = munIndex.get(cell(c.region));
      if (municipality === undefined) {
        municipality = munIndex.size;
        munIndex.set(cell(c.region), municipality);
      }
      let index = keyIndex.get(key);
      const candidates = parseNumber(cell(c.candidates), { decimalComma });
      if (index === undefined) {
        index = schools.length;
        keyIndex.set(key, index);
        schools.push({
          code: `PL${String(index + 1).padStart(6, "0")}`,
          name: `${cell(c.school)} (${cell(c.city)})`.slice(0, 300),
          municipality,
          isRural: false,
          students: candidates.ok ? Math.round(candidates.value * 8) : 0,
        });
      }
      const put = (indicator: number, text: string) => {
        const parsed = parseNumber(text, { decimalComma });
        if (!parsed.ok) return;
        cols.school.push(index);
        cols.indicator.push(indicator);
        cols.year.push(year);
        cols.value.push(parsed.value);
      };
      put(0, cell(c.polish));
      put(1, cell(c.math));
      put(2, cell(c.english));
      put(3, cell(c.candidates));
      put(4, cell(c.isPublic) === "Tak" ? "1" : "0");
    }
    await table.close();
  }
  return { municipalities: [...munIndex.keys()], schools, values: cols, rows };
}
