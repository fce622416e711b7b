import { describe, expect, it } from "vitest";
import { paragraphTexts, readDocx, tables, tableTexts } from "../../plans/documents/docx-read.test-support";
import { buildCausesRegistryDocx, REGISTRY_COLUMNS } from "./causes-registry.docx";
import { formatChange, formatSharePercent, NO_CAUSES, registryRows } from "./causes-registry.model";
import { SMOLENSK_REGISTRY } from "./registry.test-support";

describe("buildCausesRegistryDocx", () => {
  it("prints the title, then per municipality its base, table and schools by cause", async () => {
    const doc = await readDocx(await buildCausesRegistryDocx(SMOLENSK_REGISTRY));
    expect(paragraphTexts(doc)).toEqual([
      "Реестр причин низких образовательных результатов",
      "Смоленская область",
      "2025 год",
      "Дорогобужский район",
      "Школ в программе: 3",
      "Школы по причинам",
      "Низкая мотивация обучающихся к обучению (2)",
      "1. МБОУ Верхнеднепровская СОШ № 1",
      "2. МБОУ Дорогобужская СОШ № 1",
      "Недостаточная компетентность учителей по оцениванию образовательных результатов (1)",
      "1. МБОУ Дорогобужская СОШ № 1",
      "Ельнинский район",
      "Школ в программе: 1",
      "Школы по причинам",
      "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга (1)",
      "1. МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      "Профессиональное выгорание педагогов (1)",
      "1. МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      "Велижский район",
      "Школ в программе: 2",
      NO_CAUSES,
    ]);
    expect(doc.blocks[0]).toMatchObject({ isBold: true, alignment: "center" });
  });

  it("computes each table's counts, shares of the programme and changes to last year", async () => {
    const doc = await readDocx(await buildCausesRegistryDocx(SMOLENSK_REGISTRY));
    expect(tables(doc).map(tableTexts)).toEqual([
      [
        [...REGISTRY_COLUMNS],
        ["Низкая мотивация обучающихся к обучению", "2", "66,7", "+1"],
        [
          "Недостаточная компетентность учителей по оцениванию образовательных результатов",
          "1",
          "33,3",
          "−1",
        ],
      ],
      [
        [...REGISTRY_COLUMNS],
        ["Недостаточное развитие ВСОКО и системы внутришкольного мониторинга", "1", "100,0", "0"],
        ["Профессиональное выгорание педагогов", "1", "100,0", "нет данных"],
      ],
    ]);
    expect(tables(doc).every((table) => table.rows[0]?.isHeader)).toBe(true);
  });

  it("prints one table for the whole territory with each school's municipality, hostile text literal", async () => {
    const doc = await readDocx(
      await buildCausesRegistryDocx({
        territory: "=1+2",
        year: 2024,
        groups: [
          {
            municipality: null,
            programmeSchools: 0,
            causes: [
              {
                cause: "@SUM(A1)",
                schools: [{ name: "<СОШ> & «1»", municipality: "-район" }],
                previousYearSchools: 3,
              },
            ],
          },
        ],
      }),
    );
    expect(paragraphTexts(doc)).toEqual([
      "Реестр причин низких образовательных результатов",
      "=1+2",
      "2024 год",
      "Школ в программе: 0",
      "Школы по причинам",
      "@SUM(A1) (1)",
      "1. <СОШ> & «1» (-район)",
    ]);
    expect(tables(doc).map(tableTexts)).toEqual([[[...REGISTRY_COLUMNS], ["@SUM(A1)", "1", "—", "−2"]]]);
  });
});

describe("registry rows", () => {
  it("count schools, share them of the programme and compare with last year", () => {
    const [first] = SMOLENSK_REGISTRY.groups;
    if (!first) throw new Error("no group");
    expect(
      registryRows(first).map(({ cause, schoolCount, sharePercent, change }) => ({
        cause,
        schoolCount,
        sharePercent,
        change,
      })),
    ).toEqual([
      {
        cause: "Низкая мотивация обучающихся к обучению",
        schoolCount: 2,
        sharePercent: (2 / 3) * 100,
        change: 1,
      },
      {
        cause: "Недостаточная компетентность учителей по оцениванию образовательных результатов",
        schoolCount: 1,
        sharePercent: (1 / 3) * 100,
        change: -1,
      },
    ]);
    expect([formatChange(3), formatChange(-2), formatChange(0), formatChange(null)]).toEqual([
      "+3",
      "−2",
      "0",
      "нет данных",
    ]);
    expect([formatSharePercent(12.25), formatSharePercent(null)]).toEqual(["12,3", "—"]);
  });
});
