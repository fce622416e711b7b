import { describe, expect, it } from "vitest";
import { paragraphTexts, readDocx, tables, tableTexts } from "./docx-read.test-support";
import { buildExecutionReportDocx, EXECUTION_REPORT_COLUMNS } from "./execution-report.docx";
import { checkInParagraphs, type ExecutionReportInput, NO_CHECK_INS } from "./execution-report.model";
import { SEED_002_REPORT } from "./seed-002.test-support";

describe("buildExecutionReportDocx: seed 002's report", () => {
  it("prints the title block, the analysis heading, its paragraphs and the signature in order", async () => {
    const doc = await readDocx(await buildExecutionReportDocx(SEED_002_REPORT));
    const texts = doc.blocks.map((block) => (block.kind === "paragraph" ? block.text : "<table>"));
    expect(texts.filter((text) => text !== "")).toEqual([
      "ОТЧЕТ",
      "о реализации плана мероприятий",
      "по сопровождению школ с низкими результатами обучения",
      "в 2020–2021 учебном году",
      "<table>",
      "Анализ эффективности реализации плана мероприятий на 2020–2021 учебный год",
      "По итогам проведенного анализа можно констатировать, что основные мероприятия организованы на 100%.",
      "Перечисленные направления были реализованы с опорой на утвержденную на региональном и муниципальном уровне дорожную карту.",
      SEED_002_REPORT.analysis[2],
      SEED_002_REPORT.analysis[3],
      "Таким образом, в целом по реализации дорожной карты можно сформулировать общие направления работы на которые стоит обратить внимание при планировании следующего цикла сопровождения школ:",
      "1. О пересмотре действующих подходов к организации сопровождения школ с низкими образовательными.",
      expect.stringMatching(/^2\. Необходима переоценка/),
      "Руководитель МОЦ\tЕ. В. Петрова",
      "30.06.2021",
    ]);
    const heading = doc.blocks.find(
      (block) => block.kind === "paragraph" && block.text.startsWith("Анализ эффективности"),
    );
    expect(heading).toMatchObject({ isBold: true, alignment: "center" });
    expect(doc.blocks[0]).toMatchObject({ text: "ОТЧЕТ", isBold: true, alignment: "center" });
  });

  it("prints the table with its four section rows and every activity's check-ins as «Информация»", async () => {
    const doc = await readDocx(await buildExecutionReportDocx(SEED_002_REPORT));
    const [table, ...others] = tables(doc);
    expect(others).toEqual([]);
    if (!table) throw new Error("no table");
    expect(table.rows[0]?.isHeader).toBe(true);
    const rows = tableTexts(table);
    expect(rows[0]).toEqual([...EXECUTION_REPORT_COLUMNS]);
    const sections = table.rows.filter((row) => row.cells.length === 1).map((row) => row.cells[0]);
    expect(sections).toEqual(
      [
        "Организационно-управленческие меры",
        "Повышение уровня кадрового потенциала",
        "Оказание методической помощи",
        "Оказание финансовой помощи",
      ].map((text) => ({ paragraphs: [text], text, span: 4, isBold: true })),
    );
    const expected: string[][] = [[...EXECUTION_REPORT_COLUMNS]];
    for (const section of SEED_002_REPORT.sections) {
      expected.push([section.title]);
      for (const a of section.activities) {
        expected.push([a.number, a.title, a.deadlineText, checkInParagraphs(a.checkIns).join("\n")]);
      }
    }
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(1 + 4 + 19);
  });

  it("gives each check-in its own paragraphs, led by its date, with the evidence after it", async () => {
    const doc = await readDocx(await buildExecutionReportDocx(SEED_002_REPORT));
    const row = tables(doc)[0]?.rows.find((r) => r.cells[0]?.text === "13.");
    expect(row?.cells[3]?.paragraphs).toEqual([
      "20.10.2020 — Семинар «Система работы учителя истории и обществознания по повышению качества образования в школах с низкими результатами и в школах, функционирующих в неблагоприятных социальных условиях», с 13.10 по 20.10.2020.",
      "25.02.2021 — Областной круглый стол «Психолого-педагогическое сопровождение школ с низкими результатами и/или школ, функционирующих в неблагоприятных социальных условиях».",
      "17.03.2021 — Региональный круглый стол «Система работы по выявлению, поддержке и развитию способностей и талантов у обучающихся по информатике».",
      "30.03.2021 — Семинар «Способы и процедуры оценки уровня достижений предметных и метапредметных результатов».",
      "23.06.2021 — Круглый стол «Эффективные практики по повышению качества образования».",
      "Подтверждение: http://www.dpo-smolensk.ru/adres-school/news/1230/76633/",
    ]);
    const causes = tables(doc)[0]?.rows.find((r) => r.cells[0]?.text === "3.")?.cells[3]?.paragraphs;
    expect(causes?.[0]).toBe(
      "26.10.2020 — Проведена работа по выявлению низких результатов. Среди причин неуспешности выделены следующие:",
    );
    expect(causes?.slice(1)).toHaveLength(6);
    expect(causes?.at(-1)).toBe("- низкая мотивация обучающихся к обучению");
  });
});

describe("buildExecutionReportDocx: edge and hostile input", () => {
  const input: ExecutionReportInput = {
    titleLines: ["ОТЧЕТ"],
    period: "2025 год",
    sections: [
      {
        number: "I",
        title: "=1+2",
        activities: [
          { number: "1.", title: "@SUM(A1)", deadlineText: "+в течение года", checkIns: [] },
          {
            number: "2.",
            title: "Консультации",
            deadlineText: "май",
            checkIns: [{ date: "2025-05-05", text: '=HYPERLINK("x") & <b>', evidence: "  " }],
          },
        ],
      },
    ],
    analysis: [],
    signature: null,
  };

  it("says when an activity has no check-ins, keeps hostile text literal and prints no signature", async () => {
    const doc = await readDocx(await buildExecutionReportDocx(input));
    expect(tableTexts(tables(doc)[0] ?? { kind: "table", rows: [] }).slice(1)).toEqual([
      ["I. =1+2"],
      ["1.", "@SUM(A1)", "+в течение года", NO_CHECK_INS],
      ["2.", "Консультации", "май", '05.05.2025 — =HYPERLINK("x") & <b>'],
    ]);
    expect(paragraphTexts(doc)).toEqual([
      "ОТЧЕТ",
      "Анализ эффективности реализации плана мероприятий на 2025 год",
    ]);
  });
});
