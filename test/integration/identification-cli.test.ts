import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IdentifyProgress } from "../../src/server/modules/identification/identify.service";
import { identifyFromCli } from "../../src/server/modules/identification/identify-cli.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildRegion, buildSchool } from "../support/factories";
import { putValues, SHNRO_RULES, seedIdentification } from "./identification-support";

describe.each(testEngines())("opora identify on $kind", (engine) => {
  let database: Database;
  let region: { id: number; code: string };
  let schools: { id: number; code: string }[];

  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    region = await buildRegion(db, { code: "99" });
    await buildRegion(db);
    await seedIdentification(db, region.id);
    schools = [
      await buildSchool(db, { regionId: region.id, isRural: true }),
      await buildSchool(db, { regionId: region.id }),
    ];
    const [a, b] = schools;
    if (!a || !b) throw new Error("schools");
    await putValues(db, {
      regionId: region.id,
      schoolId: a.id,
      code: "ege_math_below_min_share",
      values: { 2024: 0.31 },
    });
    await putValues(db, {
      regionId: region.id,
      schoolId: a.id,
      code: "oge_rus_below_min_share",
      values: { 2024: 0.3 },
    });
    await putValues(db, {
      regionId: region.id,
      schoolId: b.id,
      code: "ege_math_below_min_share",
      values: { 2024: 0.1 },
    });
  });

  afterAll(async () => {
    await database.close();
  });

  it("reports progress: loading, then schools evaluated of the region's total", async () => {
    const events: IdentifyProgress[] = [];
    await identifyFromCli(database.db, {
      regionCode: "99",
      specs: [{ kind: "stored", ref: "rosobrnadzor_risk" }],
      year: 2024,
      xlsx: false,
      onProgress: (progress) => {
        events.push(progress);
      },
    });
    expect(events).toEqual([
      { stage: "load", done: 0, total: 0 },
      { stage: "evaluate", done: 2, total: 2 },
    ]);
  });

  it("runs a file and a stored preset, prints schools with reasons and a summary, and writes XLSX", async () => {
    const { output, xlsx } = await identifyFromCli(database.db, {
      regionCode: "99",
      specs: [
        { kind: "file", path: "rules.json", definition: SHNRO_RULES },
        { kind: "stored", ref: "rosobrnadzor_risk" },
      ],
      year: 2024,
      xlsx: true,
    });
    expect(output.region.code).toBe("99");
    expect(output.ruleSets.map((r) => r.source)).toEqual([
      "файл rules.json",
      expect.stringMatching(/^набор №\d+, версия 1$/),
    ]);
    const [a, b] = output.schools;
    expect(a).toMatchObject({
      code: schools[0]?.code,
      category: "shnro",
      riskFlags: ["Риск низких результатов (Рособрнадзор)"],
    });
    expect(a?.reasons[0]).toContain("— 0,31 при пороге 0,20");
    expect(a?.reasons[1]).toMatch(/^по 2 показателям из 4 значение не ниже порога 0,30/);
    expect(b).toMatchObject({ category: "none", riskFlags: [], reasons: [] });
    expect(output.summary.total).toMatchObject({
      schools: 2,
      shnro: 1,
      flagged: 1,
      flaggedRural: 1,
      ruralShare: 1,
    });
    const workbook = new ExcelJS.Workbook();
    if (!xlsx) throw new Error("no xlsx");
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    expect(workbook.getWorksheet("Школы")?.rowCount).toBe(3);
  });

  it("explains a bad file and an unknown rule set", async () => {
    await expect(
      identifyFromCli(database.db, {
        regionCode: "99",
        specs: [
          { kind: "file", path: "bad.json", definition: { ...SHNRO_RULES, combine: { kind: "most" } } },
        ],
        year: 2024,
        xlsx: false,
      }),
    ).rejects.toThrow(/bad\.json — не набор правил:\n {2}combine/);
    await expect(
      identifyFromCli(database.db, {
        regionCode: "99",
        specs: [{ kind: "stored", ref: "404" }],
        year: 2024,
        xlsx: false,
      }),
    ).rejects.toThrow(/нет набора правил «404»/);
    await expect(
      identifyFromCli(database.db, { specs: [{ kind: "stored", ref: "1" }], year: 2024, xlsx: false }),
    ).rejects.toThrow(/Укажите регион/);
  });
});
