import { describe, expect, it } from "vitest";
import { paragraphTexts, readDocx, tables, tableTexts } from "./docx-read.test-support";
import { buildRoadMapOrderDocx, ROAD_MAP_COLUMNS } from "./road-map-order.docx";
import { orderPointText, type RoadMapOrderInput } from "./road-map-order.model";
import { SEED_004_ORDER, SEED_004_SECTIONS } from "./seed-004.test-support";

describe("buildRoadMapOrderDocx: seed 004's order", () => {
  it("prints the order's paragraphs in seed 004's order, then the appendix heading and title", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(SEED_004_ORDER));
    expect(paragraphTexts(doc)).toEqual([
      "РОССИЙСКАЯ ФЕДЕРАЦИЯ",
      "ОРЛОВСКАЯ ОБЛАСТЬ",
      "ОТДЕЛ ОБРАЗОВАНИЯ ДМИТРОВСКОГО РАЙОНА",
      "П Р И К А З",
      "«23» марта 2021 г.\t№ 70",
      "г. Дмитровск",
      "Об утверждении муниципальной «дорожной карты» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
      `${SEED_004_ORDER.preamble} п р и к а з ы в а ю:`,
      "1. Утвердить прилагаемую «дорожную карту» методической поддержки школ, показывающих низкие результаты обучения, на 2021 год согласно приложению.",
      "2. Муниципальному координатору обеспечить контроль за выполнением мероприятий «дорожной карты».",
      "3. Руководителям общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся: МБОУ «Домаховская СОШ» (Авилкина Н.А.), МБОУ «Малобобровская ООШ» (Васильева Е.А.), МБОУ «Хальзевская ООШ» (Павлюшина А.Ю.) обеспечить участие в мероприятиях «дорожной карты» и их выполнение.",
      "4. Контроль исполнения настоящего приказа оставляю за собой.",
      "Начальник отдела образования\tС. В. Сорокин",
      "Приложение к приказу",
      "отдела образования",
      "Дмитровского района",
      "Орловской области",
      "от 23.03.2021 г. № 70",
      "«Дорожная карта» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
    ]);
  });

  it("sets the header centred in bold capitals, the command words bold, the appendix heading at the right", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(SEED_004_ORDER));
    const byText = (text: string) =>
      doc.blocks.find((block) => block.kind === "paragraph" && block.text === text);
    for (const line of ["РОССИЙСКАЯ ФЕДЕРАЦИЯ", "ОТДЕЛ ОБРАЗОВАНИЯ ДМИТРОВСКОГО РАЙОНА", "П Р И К А З"]) {
      expect(byText(line)).toMatchObject({ isBold: true, alignment: "center" });
    }
    for (const line of ["Приложение к приказу", "Орловской области", "от 23.03.2021 г. № 70"]) {
      expect(byText(line)).toMatchObject({ alignment: "right" });
    }
    expect(byText(`${SEED_004_ORDER.preamble} п р и к а з ы в а ю:`)).toMatchObject({
      alignment: "both",
      runs: [
        { text: `${SEED_004_ORDER.preamble} `, isBold: false },
        { text: "п р и к а з ы в а ю:", isBold: true },
      ],
    });
    // The signature's name sits at a right tab stop on the margin, not after spaces.
    expect(doc.documentXml).toContain('<w:tab w:val="right" w:pos="9355"/>');
    expect(doc.stylesXml).toContain('w:ascii="Times New Roman"');
  });

  it("puts the appendix on a new page after the signature", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(SEED_004_ORDER));
    const texts = doc.blocks.map((block) => (block.kind === "paragraph" ? block.text : "<table>"));
    const breakAt = doc.blocks.findIndex((block) => block.kind === "paragraph" && block.hasPageBreak);
    expect(breakAt).toBeGreaterThan(texts.indexOf("Начальник отдела образования\tС. В. Сорокин"));
    expect(breakAt).toBeLessThan(texts.indexOf("Приложение к приказу"));
    expect(doc.blocks.filter((block) => block.kind === "paragraph" && block.hasPageBreak)).toHaveLength(1);
    expect(texts.at(-1)).toBe("<table>");
  });

  it("prints the road map table: the header, five merged bold section rows and every activity", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(SEED_004_ORDER));
    const [table, ...others] = tables(doc);
    expect(others).toEqual([]);
    if (!table) throw new Error("no table");
    expect(table.rows[0]).toMatchObject({ isHeader: true });
    expect(tableTexts(table)[0]).toEqual([...ROAD_MAP_COLUMNS]);
    const sectionRows = table.rows.filter((row) => row.cells.length === 1);
    expect(sectionRows.map((row) => row.cells[0])).toEqual(
      [
        "I. Информационное, аналитическое обеспечение реализации «дорожной карты»",
        "II. Совершенствование системы организационно-методического сопровождения обеспечения качества образования",
        "III. Совершенствование качества подготовки учащихся общеобразовательных организаций к государственной итоговой аттестации",
        "IV. Мониторинговые исследования качества общего образования",
        "V. Совершенствование работы с обучающимися по повышению качества образования",
      ].map((text) => ({ paragraphs: [text], text, span: 5, isBold: true })),
    );
    const expected: string[][] = [[...ROAD_MAP_COLUMNS]];
    for (const section of SEED_004_SECTIONS) {
      expected.push([`${section.number}. ${section.title}`]);
      for (const a of section.activities) {
        expected.push([a.number, a.title, a.deadlineText, a.owners.join(", "), a.indicatorText]);
      }
    }
    expect(tableTexts(table)).toEqual(expected);
    expect(table.rows).toHaveLength(1 + 5 + 45);
    expect(table.rows.slice(1).every((row) => !row.isHeader)).toBe(true);
  });

  it("keeps a cell's lines as its paragraphs and its activity text in regular weight", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(SEED_004_ORDER));
    const row = tables(doc)[0]?.rows.find((r) => r.cells[0]?.text === "4.1.");
    expect(row?.cells[1]?.paragraphs).toEqual([
      "Проведение мониторинга:",
      "- выполнение программ учебных предметов в соответствии с учебным планом и годовым календарным учебным графиком:",
      "- результаты успеваемости обучающихся по итогам учебного полугодия, учебного года",
    ]);
    expect(row?.cells[2]?.paragraphs).toEqual(["июнь", "ноябрь, декабрь, март, май"]);
    expect(row?.cells.some((c) => c.isBold)).toBe(false);
  });
});

describe("buildRoadMapOrderDocx: hostile and edge input", () => {
  const hostile: RoadMapOrderInput = {
    ...SEED_004_ORDER,
    number: "=1+2",
    points: [{ text: "Школам", schools: [{ name: "@SUM(A1)", director: null }], closing: "<b>&amp;" }],
    appendix: {
      ...SEED_004_ORDER.appendix,
      sections: [
        {
          number: null,
          title: "+Раздел без номера",
          activities: [
            { number: "-1", title: "=1+2", deadlineText: "@SUM(A1)", owners: [], indicatorText: "a & b < c" },
          ],
        },
      ],
    },
  };

  it("keeps formula-like and markup-like text literal", async () => {
    const doc = await readDocx(await buildRoadMapOrderDocx(hostile));
    expect(paragraphTexts(doc)).toContain("1. Школам: @SUM(A1) <b>&amp;");
    expect(paragraphTexts(doc)).toContain("«23» марта 2021 г.\t№ =1+2");
    expect(paragraphTexts(doc)).toContain("от 23.03.2021 г. № =1+2");
    expect(tableTexts(tables(doc)[0] ?? { kind: "table", rows: [] }).slice(1)).toEqual([
      ["+Раздел без номера"],
      ["-1", "=1+2", "@SUM(A1)", "", "a & b < c"],
    ]);
  });

  it("refuses a date that is not a calendar day, in Russian", async () => {
    await expect(buildRoadMapOrderDocx({ ...SEED_004_ORDER, date: "2021-02-30" })).rejects.toThrow(
      "Дата «2021-02-30» должна быть настоящей датой в виде ГГГГ-ММ-ДД",
    );
  });
});

describe("orderPointText", () => {
  it("names the schools with their directors, leaves out a missing director and joins the closing", () => {
    expect(
      orderPointText({
        text: "Руководителям",
        schools: [
          { name: "СОШ № 1", director: "Иванова И. И." },
          { name: "ООШ № 2", director: null },
        ],
        closing: "обеспечить участие.",
      }),
    ).toBe("Руководителям: СОШ № 1 (Иванова И. И.), ООШ № 2 обеспечить участие.");
    expect(orderPointText({ text: "Утвердить план.", schools: [] })).toBe("Утвердить план.");
  });
});
