import { counted } from "../ru-text";
import { heading, para, type ReportBlock } from "./blocks";

/**
 * The monitoring sections of seed 003's regional report, from the monitoring module's typed figures:
 * Table 1 (the template's criteria and indicators), Table 2 (each indicator by year as a count and a
 * percent of its base) and the narrative per criterion written from Table 2's numbers.
 */

/** The criteria and indicators of the region's monitoring template, as Table 1 prints them. */
export type Table1Input = {
  criteria: readonly { code: string; title: string }[];
  indicators: readonly { code: string; criterion: string; wording: string }[];
};

/** Table 2's figures: the years, each indicator's cells by year (count, base, whole percent). */
export type Table2Input = {
  years: readonly number[];
  rows: readonly (
    | { kind: "criterion"; code: string; title: string }
    | {
        kind: "indicator";
        code: string;
        criterion: string;
        wording: string;
        baseLabel: string;
        cells: readonly { count: number; base: number; percent: number | null }[];
      }
  )[];
};

/** Table 1: № | Критерии | Показатели, the criterion named on its first indicator's row. */
export function table1Blocks(template: Table1Input): ReportBlock[] {
  const rows: string[][] = [];
  for (const criterion of template.criteria) {
    const indicators = template.indicators.filter((i) => i.criterion === criterion.code);
    indicators.forEach((indicator, index) => {
      rows.push([indicator.code, index === 0 ? criterion.title : "", indicator.wording]);
    });
  }
  if (rows.length === 0) return [];
  return [
    heading("Критерии и показатели итогового мониторинга (Таблица 1)"),
    para(
      `Итоговый мониторинг реализации программ повышения качества образования проведён по ${counted(template.criteria.length, "критерию", "критериям", "критериям")} и ${counted(rows.length, "показателю", "показателям", "показателям")}.`,
    ),
    { kind: "table", headers: ["№", "Критерии", "Показатели"], rows, weights: [1, 3, 6] },
  ];
}

const percentText = (percent: number | null) => (percent === null ? "—" : String(percent));

/** Table 2: № | Показатель | per year: Количество единиц, в %; the criteria as group rows. */
export function table2Blocks(table: Table2Input): ReportBlock[] {
  const indicators = table.rows.filter((r) => r.kind === "indicator");
  if (table.years.length === 0 || indicators.length === 0) return [];
  const headers = [
    "№",
    "Показатель",
    ...table.years.flatMap((y) => [`Значение ${y} года: количество единиц`, `${y}: в %`]),
  ];
  const rows = table.rows.map((row) =>
    row.kind === "criterion"
      ? [row.code, row.title, ...table.years.flatMap(() => ["", ""])]
      : [row.code, row.wording, ...row.cells.flatMap((c) => [c.count, percentText(c.percent)])],
  );
  return [
    heading("Количественные показатели итогового мониторинга (Таблица 2)"),
    para(
      `Проценты — от числа школ проекта соответствующего года, если у показателя не указано иное (показатель 1.1 — от числа муниципальных образований, 1.2 — от числа всех школ региона); проценты округлены до целых.`,
    ),
    { kind: "table", headers, rows, weights: [1, 6, ...table.years.flatMap(() => [2, 1])] },
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One indicator's sentence part: «доля ОО, …, — 35 ОО (59 %), в 2025 году — 30 ОО (51 %)». */
function indicatorPhrase(
  row: Extract<Table2Input["rows"][number], { kind: "indicator" }>,
  years: readonly number[],
): string {
  const last = row.cells.length - 1;
  const now = row.cells[last];
  if (!now) return lowerFirst(row.wording);
  const unit = row.code === "1.1" ? "МО" : "ОО";
  const parts = [`${lowerFirst(row.wording)} — ${now.count} ${unit} (${percentText(now.percent)} %)`];
  const before = last > 0 ? row.cells[last - 1] : undefined;
  const year = years[last - 1];
  if (before && year !== undefined) {
    const diff = now.percent !== null && before.percent !== null ? now.percent - before.percent : null;
    const trend =
      diff === null || diff === 0
        ? "без изменения доли"
        : diff > 0
          ? `на ${diff} п. п. больше`
          : `на ${-diff} п. п. меньше`;
    parts.push(`в ${year} году — ${before.count} ${unit} (${percentText(before.percent)} %), ${trend}`);
  }
  return parts.join("; ");
}

/** The narrative per criterion: each criterion's indicators in the latest year, against the year before. */
export function criteriaNarrativeBlocks(table: Table2Input): ReportBlock[] {
  const last = table.years[table.years.length - 1];
  if (last === undefined) return [];
  const blocks: ReportBlock[] = [];
  for (const criterion of table.rows) {
    if (criterion.kind !== "criterion") continue;
    const indicators = table.rows.filter(
      (r): r is Extract<Table2Input["rows"][number], { kind: "indicator" }> =>
        r.kind === "indicator" && r.criterion === criterion.code,
    );
    if (indicators.length === 0) continue;
    blocks.push(
      para(
        `${criterion.code}. ${criterion.title}. В ${last} году: ${indicators.map((i) => indicatorPhrase(i, table.years)).join("; ")}.`,
      ),
    );
  }
  if (blocks.length === 0) return [];
  return [heading("Результаты мониторинга по критериям"), ...blocks];
}

/** The analysis of the МОЦ reports: how many were compared, then each quality flag as its sentence. */
export function mocReportsAnalysisBlocks(input: {
  mocReports: number;
  sources: readonly { label: string; count: number }[];
  flags: readonly string[];
}): ReportBlock[] {
  if (input.mocReports === 0 && input.flags.length === 0) return [];
  const compared = input.sources
    .filter((s) => s.count > 0)
    .map((s) => `${lowerFirst(s.label)} — ${s.count}`)
    .join(", ");
  return [
    heading("Анализ отчётов МОЦ"),
    para(
      `Проанализировано ${counted(input.mocReports, "отчёт", "отчёта", "отчётов")} МОЦ; для контроля качества сопоставлены тексты (${compared || "нет текстов"}).`,
    ),
    input.flags.length === 0
      ? para("Замечаний к качеству отчётов не выявлено.")
      : { kind: "list", items: [...input.flags] },
  ];
}

const ABSENCE = /(^|\s)не\s/i;

/** «Доля ОО, …» → «долю ОО, …», as the object of «увеличить» / «снизить». */
function asObject(wording: string): string {
  const text = lowerFirst(wording.trim());
  return text.startsWith("доля ") ? `долю ${text.slice(5)}` : text;
}

/**
 * The recommendations written from Table 2: the indicators of the latest year that call for work — a
 * share of schools doing what the programme asks that fell by 5 p. p. or more, or stays under half; a
 * share of schools with an absence («не организована», «не заявлены») above zero — worst first, at most
 * `limit`, each with its figures.
 */
export function recommendationsBlocks(table: Table2Input, limit = 8): ReportBlock[] {
  const last = table.years.length - 1;
  const year = table.years[last];
  if (year === undefined) return [];
  const items: { weight: number; text: string }[] = [];
  for (const row of table.rows) {
    if (row.kind !== "indicator" || row.code === "1.2") continue;
    const now = row.cells[last]?.percent;
    if (now === null || now === undefined) continue;
    const before = last > 0 ? row.cells[last - 1]?.percent : undefined;
    const change = before === null || before === undefined ? null : now - before;
    const since =
      change === null || change === 0
        ? ""
        : `, ${change > 0 ? `на ${change} п. п. больше` : `на ${-change} п. п. меньше`}, чем в ${table.years[last - 1]} году`;
    if (ABSENCE.test(row.wording)) {
      if (now > 0)
        items.push({
          weight: now + Math.max(change ?? 0, 0),
          text: `Снизить ${asObject(row.wording)} (в ${year} году — ${now} %${since}).`,
        });
    } else if ((change !== null && change <= -5) || now < 50) {
      items.push({
        weight: 100 - now + Math.max(-(change ?? 0), 0),
        text: `Увеличить ${asObject(row.wording)} (в ${year} году — ${now} %${since}).`,
      });
    }
  }
  if (items.length === 0) return [];
  const chosen = items.sort((a, b) => b.weight - a.weight).slice(0, limit);
  return [
    heading("Рекомендации"),
    para(
      `Муниципальным координаторам и школам проекта на следующий год — по показателям итогового мониторинга ${year} года, требующим внимания:`,
    ),
    { kind: "list", items: chosen.map((item) => item.text) },
  ];
}
