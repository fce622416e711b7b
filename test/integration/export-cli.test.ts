import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportValuesToFile } from "../../src/cli/commands/export.command";
import { indicatorValues } from "../../src/server/db/schema";
import { findIndicators } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { upsertSchoolValues } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool } from "../support/factories";

describe.each(testEngines())("opora export values on $kind", (engine) => {
  let database: Database;
  let dir: string;
  let school: { id: number; code: string };
  let municipality: { id: number; code: string };

  beforeAll(async () => {
    database = await engine.open();
    dir = await mkdtemp(path.join(tmpdir(), "opora-export-cli-"));
    const region = await buildRegion(database.db, { code: "77" });
    await seedCatalogue(database.db, region.id);
    school = await buildSchool(database.db, { regionId: region.id });
    const [indicator] = (await findIndicators(database.db, region.id)).filter((i) => i.unit === "share");
    if (!indicator) throw new Error("no share indicator");
    await upsertSchoolValues(
      database.db,
      [
        {
          indicatorId: indicator.id,
          versionId: indicator.versionId,
          schoolId: school.id,
          year: 2025,
          value: 0.42,
        },
      ],
      { source: "api", userId: null },
    );
    municipality = await buildMunicipality(database.db, { regionId: region.id, name: "=Район формулой" });
    const [own] = (await findIndicators(database.db, region.id)).filter((i) => i.level === "municipality");
    if (!own) throw new Error("no municipality-level indicator");
    await database.db.insert(indicatorValues).values({
      indicatorId: own.id,
      versionId: own.versionId,
      municipalityId: municipality.id,
      year: 2025,
      value: 37,
      source: "api",
    });
  });
  afterAll(async () => {
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the year's values of the only region, and of a region named by code", async () => {
    const out = path.join(dir, "v.xlsx");
    expect(await exportValuesToFile(database.db, { year: 2025, out })).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(out)).buffer);
    const row = workbook.getWorksheet("Значения")?.getRow(2);
    expect(row?.getCell(1).value).toBe(school.code);
    expect(row?.values).toContain(0.42);
    const own = workbook.getWorksheet("Муниципальные показатели");
    const rows: unknown[][] = [];
    own?.eachRow((r, n) => {
      if (n > 1) rows.push([r.getCell(1).value, r.getCell(2).value, r.getCell(3).value]);
    });
    expect(rows).toContainEqual([municipality.code, "'=Район формулой", 2025]);
    let found = false;
    own?.eachRow((r) => {
      if (r.getCell(1).value === municipality.code) found = (r.values as unknown[]).includes(37);
    });
    expect(found).toBe(true);
    await buildRegion(database.db, { code: "78" });
    await expect(exportValuesToFile(database.db, { year: 2025, out })).rejects.toThrow(/--region: .*77/);
    await expect(exportValuesToFile(database.db, { year: 2025, out, regionCode: "00" })).rejects.toThrow(
      "Регион с кодом «00» не найден",
    );
    expect(await exportValuesToFile(database.db, { year: 2025, out, regionCode: "77" })).toBeGreaterThan(0);
  });

  it("says in Russian that --out is a folder or lies in a missing one", async () => {
    await expect(exportValuesToFile(database.db, { year: 2025, out: dir, regionCode: "77" })).rejects.toThrow(
      `--out указывает на каталог, а нужен файл .xlsx: ${dir}`,
    );
    const missing = path.join(dir, "нет-такого", "v.xlsx");
    await expect(
      exportValuesToFile(database.db, { year: 2025, out: missing, regionCode: "77" }),
    ).rejects.toThrow(/^Нет каталога для файла: /);
  });
});
