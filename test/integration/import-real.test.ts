import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../src/core/indicators";
import { openTable } from "../../src/server/modules/import/parse/open-table";
import { insertIndicator } from "../../src/server/modules/indicators/indicator.repo";
import type { Database, Db } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildRegion } from "../support/factories";
import { actorIn, countRows, dumpImportState, importFile, tempFolder } from "./import-support";

/** The real data sets beside the repository (../shared/data/real from the repo root). */
const REAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/data/real");
const HAS_REAL = existsSync(path.join(REAL, "poland_e8")) && existsSync(path.join(REAL, "moldova_bac"));
if (!HAS_REAL) console.warn(`import-real: нет папки ${REAL} с реальными данными — тест пропущен`);

const POLAND_YEARS = [2021, 2022, 2023, 2024, 2025];
const hash = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 12);

function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (/[;,"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);
}

async function readRows(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const table = await openTable({ path: file, fileName: path.basename(file) });
  const rows: string[][] = [];
  for await (const row of table) rows.push(row.cells);
  return { header: table.header, rows };
}

function indicator(code: string, name: string, unit: "score" | "count", max: number): IndicatorDefinition {
  return {
    code,
    name,
    unit,
    direction: "higher_better",
    min: 0,
    max,
    level: "school",
    group: "results",
    source: "реальные данные",
  };
}

async function addIndicators(db: Db, regionId: number, list: IndicatorDefinition[]): Promise<void> {
  for (const def of list) await insertIndicator(db, regionId, def, null);
}

describe.skipIf(!HAS_REAL).each(testEngines())("import of the real data sets ($kind)", (engine) => {
  let database: Database;
  let folder: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    database = await engine.open();
    folder = await tempFolder();
  });
  afterAll(async () => {
    await folder?.remove();
    await database?.close();
  });

  it("Poland E8 2021–2025: registry derived from the files, then every year's results (BOM, ;, decimal comma)", async () => {
    const db = database.db;
    const region = await buildRegion(db, { code: "PL", name: "Польша (E8)" });
    const actor = actorIn(region.id);
    await addIndicators(db, region.id, [
      indicator("e8_polish_candidates", "Писали экзамен по польскому языку", "count", 100_000),
      indicator("e8_polish_mean", "Средний результат по польскому языку, %", "score", 100),
      indicator("e8_math_candidates", "Писали экзамен по математике", "count", 100_000),
      indicator("e8_math_mean", "Средний результат по математике, %", "score", 100),
      indicator("e8_english_candidates", "Писали экзамен по английскому языку", "count", 100_000),
      indicator("e8_english_mean", "Средний результат по английскому языку, %", "score", 100),
    ]);
    // A school is (voivodeship, city, name); a municipality is (voivodeship, city) named by the city.
    const registry = new Map<string, string[]>();
    const yearFiles: string[] = [];
    let expectedValues = 0;
    let repeats = 0;
    for (const year of POLAND_YEARS) {
      const { header, rows } = await readRows(path.join(REAL, "poland_e8", `e8-schools-${year}.csv`));
      const seen = new Set<string>();
      const lines = [csvLine(["school_code", ...header], ";")];
      for (const cells of rows) {
        const [voivodeship = "", , name = "", city = ""] = cells;
        const code = `PL-${hash(`${voivodeship}|${city}|${name}`)}`;
        if (seen.has(code)) {
          repeats++; // the source repeats 10–19 schools a year; an import refuses such duplicates
          continue;
        }
        seen.add(code);
        registry.set(code, [code, name, city, `PLM-${hash(`${voivodeship}|${city}`)}`]);
        lines.push(csvLine([code, ...cells], ";"));
        expectedValues += cells.slice(4).filter((c) => c !== "").length;
      }
      yearFiles.push(await folder.write(`e8-${year}.csv`, `\ufeff${lines.join("\r\n")}\r\n`));
    }
    const registryFile = await folder.write(
      "pl-schools.csv",
      `\ufeff${["Код ОО;Наименование;Муниципалитет;Код муниципалитета", ...[...registry.values()].map((r) => csvLine(r, ";"))].join("\r\n")}`,
    );
    const schools = await importFile(db, { actor, kind: "schools", file: registryFile });
    expect(schools).toMatchObject({ rows: registry.size, created: registry.size, updated: 0, errors: [] });
    expect(registry.size).toBeGreaterThan(14_000);
    expect(repeats).toBeGreaterThan(50);

    // The raw file matched by name and city is refused: names repeat within a city, cities across voivodeships.
    const before = await dumpImportState(db);
    const raw = await importFile(db, {
      actor,
      file: path.join(REAL, "poland_e8", "e8-schools-2023.csv"),
      year: 2023,
      mapping: {
        layout: "wide",
        columns: { schoolName: "school", municipality: "city" },
        indicators: { math_average: "e8_math_mean" },
      },
    });
    expect(raw.errorCount).toBeGreaterThan(10);
    expect(raw.errors.some((e) => /неоднозначно|повтор/.test(e.message))).toBe(true);
    expect(await dumpImportState(db)).toBe(before);

    const mapping = {
      layout: "wide",
      columns: { schoolCode: "school_code" },
      indicators: {
        polish_candidates: "e8_polish_candidates",
        polish_average: "e8_polish_mean",
        math_candidates: "e8_math_candidates",
        math_average: "e8_math_mean",
        english_candidates: "e8_english_candidates",
        english_average: "e8_english_mean",
      },
    };
    let created = 0;
    for (const [i, file] of yearFiles.entries()) {
      const summary = await importFile(db, { actor, file, mapping, year: POLAND_YEARS[i] });
      expect(summary.errors).toEqual([]);
      created += summary.created;
    }
    expect(created).toBe(expectedValues);
    expect(
      await countRows(
        db,
        "indicator_values",
        `indicator_id in (select id from indicators where region_id = ${region.id})`,
      ),
    ).toBe(expectedValues);
    const again = await importFile(db, {
      actor,
      file: yearFiles[2] ?? "",
      mapping,
      year: 2023,
      dryRun: true,
    });
    expect(again).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(again.unchanged).toBeGreaterThan(60_000);
  }, 900_000);

  it("Moldova baccalaureate 2015–2019: registry from the linked panel, then five years of results", async () => {
    const db = database.db;
    const region = await buildRegion(db, { code: "MD", name: "Молдова (BAC)" });
    const actor = actorIn(region.id);
    await addIndicators(db, region.id, [
      indicator("bac_candidates", "Кандидатов на бакалавриат", "count", 10_000),
      indicator("bac_rejected", "Не сдали бакалавриат", "count", 10_000),
      indicator("bac_mean_grade", "Средняя оценка на бакалавриате (1–10)", "score", 10),
    ]);
    const { header, rows } = await readRows(path.join(REAL, "moldova_bac", "bac_lyceums_linked_panel.csv"));
    const column = (name: string) => header.indexOf(name);
    const [id, district, name, year] = ["school_id", "district", "name_ro", "list_year"].map(column);
    const registry = new Map<string, string[]>();
    const seen = new Set<string>();
    const lines = [csvLine(["code", ...header], ",")];
    let expectedValues = 0;
    for (const cells of rows) {
      const code = `MD-${hash(cells[id ?? 0] ?? "")}`;
      registry.set(code, [code, cells[name ?? 0] ?? "", cells[district ?? 0] ?? ""]);
      const key = `${code}|${cells[year ?? 0]}`;
      // «2016 all» is a second official list for 2016; one lyceum is listed twice in 2015.
      if (!/^\d{4}$/.test(cells[year ?? 0] ?? "") || seen.has(key)) continue;
      seen.add(key);
      lines.push(csvLine([code, ...cells], ","));
      expectedValues += ["candidates", "rejected", "mean_grade"].filter(
        (c) => cells[column(c)] !== "",
      ).length;
    }
    const registryFile = await folder.write(
      "md-schools.csv",
      ["code,name,district", ...[...registry.values()].map((r) => csvLine(r, ","))].join("\n"),
    );
    const schools = await importFile(db, { actor, kind: "schools", file: registryFile });
    expect(schools).toMatchObject({ created: 428, errors: [] });
    expect(await countRows(db, "municipalities", `region_id = ${region.id}`)).toBe(38);

    const mapping = {
      layout: "wide",
      columns: { schoolCode: "code", year: "list_year" },
      indicators: { candidates: "bac_candidates", rejected: "bac_rejected", mean_grade: "bac_mean_grade" },
    };
    const rawFile = await folder.write(
      "panel-raw.csv",
      [
        csvLine(["code", ...header], ","),
        ...rows.map((c) => csvLine([`MD-${hash(c[id ?? 0] ?? "")}`, ...c], ",")),
      ].join("\n"),
    );
    const refused = await importFile(db, { actor, file: rawFile, mapping });
    expect(refused.errorCount).toBe(385 * 1 + 3);
    const values = await importFile(db, {
      actor,
      file: await folder.write("panel.csv", lines.join("\n")),
      mapping,
    });
    expect(values).toMatchObject({ rows: 1651, created: expectedValues, errors: [] });
    expect(
      await countRows(
        db,
        "indicator_values",
        `year = 2019 and indicator_id in (select id from indicators where region_id = ${region.id})`,
      ),
    ).toBe(289 * 3);
  }, 300_000);
});
