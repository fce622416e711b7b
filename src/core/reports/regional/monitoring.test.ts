import { describe, expect, it } from "vitest";
import { criteriaNarrativeBlocks, mocReportsAnalysisBlocks, table1Blocks, table2Blocks } from "./monitoring";

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
