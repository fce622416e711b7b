import { describe, expect, it } from "vitest";
import {
  criteriaNarrativeBlocks,
  mocReportsAnalysisBlocks,
  recommendationsBlocks,
  table1Blocks,
  table2Blocks,
} from "./monitoring";

const template = {
  criteria: [
    { code: "1", title: "Нормативно-правовое обеспечение" },
    { code: "3", title: "Развитие партнерских отношений" },
  ],
  indicators: [
    { code: "1.3", criterion: "1", wording: "Доля ОО, которые внесли изменения в учебный план" },
    { code: "1.4", criterion: "1", wording: "Доля ОО, которые внесли изменения в иные локальные акты" },
    { code: "3.1", criterion: "3", wording: "Доля ОО, у которых организовано взаимодействие" },
  ],
};

const table = {
  years: [2018, 2019],
  rows: [
    { kind: "criterion" as const, code: "1", title: "Нормативно-правовое обеспечение" },
    {
      kind: "indicator" as const,
      code: "1.3",
      criterion: "1",
      wording: "Доля ОО, которые внесли изменения в учебный план",
      baseLabel: "школы проекта",
      cells: [
        { count: 56, base: 75, percent: 75 },
        { count: 30, base: 59, percent: 51 },
      ],
    },
  ],
};

describe("the monitoring sections of the regional report", () => {
  it("prints Table 1 with the criterion on its first indicator's row", () => {
    const blocks = table1Blocks(template);
    const tableBlock = blocks.find((b) => b.kind === "table");
    expect(tableBlock?.kind === "table" && tableBlock.rows).toEqual([
      ["1.3", "Нормативно-правовое обеспечение", "Доля ОО, которые внесли изменения в учебный план"],
      ["1.4", "", "Доля ОО, которые внесли изменения в иные локальные акты"],
      ["3.1", "Развитие партнерских отношений", "Доля ОО, у которых организовано взаимодействие"],
    ]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      text: "Итоговый мониторинг реализации программ повышения качества образования проведён по 2 критериям и 3 показателям.",
    });
  });

  it("prints Table 2 in seed 003's layout: a count and a percent per year, criteria as group rows", () => {
    const tableBlock = table2Blocks(table).find((b) => b.kind === "table");
    if (tableBlock?.kind !== "table") throw new Error("no table");
    expect(tableBlock.headers).toEqual([
      "№",
      "Показатель",
      "Значение 2018 года: количество единиц",
      "2018: в %",
      "Значение 2019 года: количество единиц",
      "2019: в %",
    ]);
    expect(tableBlock.rows).toEqual([
      ["1", "Нормативно-правовое обеспечение", "", "", "", ""],
      ["1.3", "Доля ОО, которые внесли изменения в учебный план", 56, "75", 30, "51"],
    ]);
  });

  it("writes each criterion from the numbers, against the year before", () => {
    const [title, first] = criteriaNarrativeBlocks(table);
    expect(title).toEqual({ kind: "heading", text: "Результаты мониторинга по критериям" });
    expect(first).toEqual({
      kind: "paragraph",
      text: "1. Нормативно-правовое обеспечение. В 2019 году: доля ОО, которые внесли изменения в учебный план — 30 ОО (51 %); в 2018 году — 56 ОО (75 %), на 24 п. п. меньше.",
    });
  });

  it("leaves every section out when there is nothing to print", () => {
    expect(table1Blocks({ criteria: [], indicators: [] })).toEqual([]);
    expect(table2Blocks({ years: [], rows: [] })).toEqual([]);
    expect(criteriaNarrativeBlocks({ years: [], rows: [] })).toEqual([]);
    expect(mocReportsAnalysisBlocks({ mocReports: 0, sources: [], flags: [] })).toEqual([]);
  });

  it("lists the quality flags under the analysis of the МОЦ reports", () => {
    const blocks = mocReportsAnalysisBlocks({
      mocReports: 3,
      sources: [
        { label: "Отчёты МОЦ", count: 3 },
        { label: "Программы школ", count: 0 },
      ],
      flags: ["Тексты совпадают."],
    });
    expect(blocks).toEqual([
      { kind: "heading", text: "Анализ отчётов МОЦ" },
      {
        kind: "paragraph",
        text: "Проанализировано 3 отчёта МОЦ; для контроля качества сопоставлены тексты (отчёты МОЦ — 3).",
      },
      { kind: "list", items: ["Тексты совпадают."] },
    ]);
  });
});

describe("the recommendations of the regional report", () => {
  const row = (code: string, wording: string, percents: [number, number]) => ({
    kind: "indicator" as const,
    code,
    criterion: code.split(".")[0] ?? "",
    wording,
    baseLabel: "школы проекта",
    cells: percents.map((percent) => ({ count: percent, base: 100, percent })),
  });

  it("asks to raise the shares that fell or stay under half, and to cut the absences, worst first", () => {
    const blocks = recommendationsBlocks({
      years: [2025, 2026],
      rows: [
        row("1.3", "Доля ОО, которые внесли изменения в учебный план", [74, 43]),
        row("3.1", "Доля ОО, у которых организовано взаимодействие с социальными партнерами", [41, 64]),
        row("3.4", "Доля ОО, у которых не заявлены партнеры", [54, 30]),
        row("5.2", "Доля ОО, которые участвовали в мероприятиях регионального уровня", [65, 100]),
        row("7.6", "Доля ОО, в которых не вовлечены педагогические работники", [0, 0]),
      ],
    });
    const list = blocks.find((b) => b.kind === "list");
    expect(list?.kind === "list" && list.items).toEqual([
      "Увеличить долю ОО, которые внесли изменения в учебный план (в 2026 году — 43 %, на 31 п. п. меньше, чем в 2025 году).",
      "Снизить долю ОО, у которых не заявлены партнеры (в 2026 году — 30 %, на 24 п. п. меньше, чем в 2025 году).",
    ]);
    expect(blocks[0]).toEqual({ kind: "heading", text: "Рекомендации" });
  });

  it("prints none when every indicator is in order", () => {
    expect(
      recommendationsBlocks({ years: [2026], rows: [row("5.1", "Доля ОО, которые участвовали", [90, 90])] }),
    ).toEqual([]);
  });
});
