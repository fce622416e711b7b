import { INDICATOR_BASE_LABELS, type IndicatorBase, type MonitoringTemplate } from "./template.schema";

/** A value of an indicator in a school's report: yes/no, a number (counted when above 0), or nothing. */
export type IndicatorValue = boolean | number | null;

/** One programme school's resolved indicator values for a programme year. */
export type SchoolRecord = {
  year: number;
  schoolId: number;
  municipalityId: number;
  values: Readonly<Record<string, IndicatorValue>>;
};

/** The bases of a year: programme schools, all schools of the region, municipalities of the region. */
export type YearBases = { year: number } & Record<IndicatorBase, number>;

/** One cell pair of Table 2: a count of schools (municipalities for 1.1) and its percent of the base. */
export type Table2Cell = { count: number; base: number; percent: number | null };

/** The change of an indicator from one year to the next chosen one. */
export type Table2Change = { from: number; to: number; count: number; percentPoints: number | null };

/** A row of Table 2: a criterion as a group row, or an indicator with a cell per year. */
export type Table2Row =
  | { kind: "criterion"; code: string; title: string }
  | {
      kind: "indicator";
      code: string;
      criterion: string;
      wording: string;
      base: IndicatorBase;
      baseLabel: string;
      cells: Table2Cell[];
      changes: Table2Change[];
    };

/** Table 2 for the chosen years (ascending). */
export type Table2 = { years: number[]; bases: YearBases[]; rows: Table2Row[] };

/**
 * The percent as seed 003 prints it: a whole percent, halves rounded up (75 of 367 → 20; 56 of 75 →
 * 75). Integer arithmetic, so no 0.5 is lost to floating point; null when the base is empty.
 */
export function wholePercent(count: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.floor((200 * count + base) / (2 * base));
}

const isCounted = (value: IndicatorValue | undefined): boolean =>
  value === true || (typeof value === "number" && value > 0);

/**
 * Builds Table 2 («Количественные показатели итогового мониторинга») from per-school records: for each
 * year and indicator the number of programme schools whose value is yes (for a «municipalities» base,
 * the number of distinct municipalities with such a school) and its whole percent of the base the
 * indicator names; then the change between each pair of consecutive chosen years.
 */
export function buildTable2(
  records: readonly SchoolRecord[],
  template: MonitoringTemplate,
  bases: readonly YearBases[],
): Table2 {
  const sorted = [...bases].sort((a, b) => a.year - b.year);
  const years = sorted.map((b) => b.year);
  const byYear = new Map(years.map((y) => [y, records.filter((r) => r.year === y)]));
  const rows: Table2Row[] = [];
  for (const criterion of template.criteria) {
    rows.push({ kind: "criterion", code: criterion.code, title: criterion.title });
    for (const ind of template.indicators.filter((i) => i.criterion === criterion.code)) {
      const cells = sorted.map((b): Table2Cell => {
        const yes = (byYear.get(b.year) ?? []).filter((r) => isCounted(r.values[ind.code]));
        const count =
          ind.base === "municipalities" ? new Set(yes.map((r) => r.municipalityId)).size : yes.length;
        const base = b[ind.base];
        return { count, base, percent: wholePercent(count, base) };
      });
      const changes = cells.slice(1).map((cell, i): Table2Change => {
        const prev = cells[i] as Table2Cell;
        return {
          from: years[i] as number,
          to: years[i + 1] as number,
          count: cell.count - prev.count,
          percentPoints: cell.percent === null || prev.percent === null ? null : cell.percent - prev.percent,
        };
      });
      rows.push({
        kind: "indicator",
        code: ind.code,
        criterion: ind.criterion,
        wording: ind.wording,
        base: ind.base,
        baseLabel: INDICATOR_BASE_LABELS[ind.base],
        cells,
        changes,
      });
    }
  }
  return { years, bases: sorted, rows };
}

/** The mean percent of a criterion's indicators in each year (for the dynamics chart); empty cells skipped. */
export function criterionMeans(table: Table2): { code: string; title: string; means: (number | null)[] }[] {
  return table.rows.flatMap((row) => {
    if (row.kind !== "criterion") return [];
    const indicators = table.rows.filter(
      (r): r is Extract<Table2Row, { kind: "indicator" }> =>
        r.kind === "indicator" && r.criterion === row.code,
    );
    const means = table.years.map((_, i) => {
      const list = indicators.flatMap((r) => {
        const percent = r.cells[i]?.percent;
        return percent === null || percent === undefined ? [] : [percent];
      });
      return list.length === 0 ? null : Math.round(list.reduce((s, v) => s + v, 0) / list.length);
    });
    return [{ code: row.code, title: row.title, means }];
  });
}

/** A signed change in Russian figures: «+5», «−3», «0». */
export function formatChange(value: number | null): string {
  if (value === null) return "—";
  if (value > 0) return `+${value}`;
  if (value < 0) return `−${Math.abs(value)}`;
  return "0";
}
