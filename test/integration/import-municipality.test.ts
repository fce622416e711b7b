import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMunicipalityValues } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  actorIn,
  buildImportRegion,
  countRows,
  dumpImportState,
  importFile,
  tempFolder,
} from "./import-support";

/** region_center_distance_km is the catalogue's municipality-level indicator (count, 0–400). */
const DISTANCE = "region_center_distance_km";

describe.each(testEngines())("import of municipality-level values ($kind)", (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof buildImportRegion>>;
  let folder: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildImportRegion(database.db);
    folder = await tempFolder();
  });
  afterAll(async () => {
    await folder.remove();
    await database.close();
  });

  it("a file of municipalities (by code or name) writes their own values, with history; its dry run lists them", async () => {
    const db = database.db;
    const file = await folder.write(
      "mun.csv",
      `Муниципалитет;Год;Показатель;Значение\n${world.m1.code};2024;${DISTANCE};120\nнижний  РАЙОН;2024;${DISTANCE};35\n`,
    );
    const before = await dumpImportState(db);
    const dry = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: true });
    expect(dry).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(dry.changes).toEqual([
      expect.objectContaining({ row: 2, level: "municipality", code: world.m1.code, name: "Верхний район" }),
      expect.objectContaining({ row: 3, level: "municipality", code: world.m2.code, newValue: 35 }),
    ]);
    expect(await dumpImportState(db)).toBe(before);

    const summary = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(summary).toMatchObject({ created: 2, updated: 0, errors: [] });
    const m1 = await findMunicipalityValues(db, world.m1.id);
    expect(m1.map((v) => [v.code, v.year, v.value, v.source])).toEqual([[DISTANCE, 2024, 120, "import"]]);
    expect(await countRows(db, "indicator_values", "municipality_id is not null and school_id is null")).toBe(
      2,
    );
    // created values have no history row yet: their rows tell who entered them
    expect(await countRows(db, "indicator_value_history", "new_value = 35")).toBe(0);
  });

  it("mixes school rows and municipality rows in one long file; a changed municipality value is updated", async () => {
    const db = database.db;
    const file = await folder.write(
      "mixed.csv",
      [
        "Код ОО;Муниципалитет;Год;Показатель;Значение",
        `A-1;;2024;teacher_vacancies;3`,
        `;${world.m1.code};2024;${DISTANCE};125`,
        `;${world.m2.code};2024;${DISTANCE};35`,
      ].join("\n"),
    );
    const dry = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: true });
    expect(dry).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: [] });
    expect(dry.changes).toEqual([
      expect.objectContaining({ row: 2, level: "school", code: "A-1", indicatorCode: "teacher_vacancies" }),
      expect.objectContaining({ row: 3, level: "municipality", oldValue: 120, newValue: 125 }),
    ]);
    const summary = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 1, errors: [] });
    expect(await countRows(db, "indicator_value_history", "old_value = 120 and new_value = 125")).toBe(1);
    expect(await countRows(db, "indicator_value_history", "old_value is null and new_value = 120")).toBe(1);
    const byMunicipality = await db.execute(
      sql`select count(*) as n from indicator_values where municipality_id = ${world.m1.id} and value = 125`,
    );
    const rows = Array.isArray(byMunicipality)
      ? byMunicipality
      : (byMunicipality as { rows: unknown[] }).rows;
    expect(Number((rows[0] as { n: unknown }).n)).toBe(1);
  });

  it("refuses unknown municipalities, indicators of the wrong level and repeats, by row and column, writing nothing", async () => {
    const db = database.db;
    const file = await folder.write(
      "bad.csv",
      [
        "Код ОО;Муниципалитет;Год;Показатель;Значение",
        `;Заречный район;2024;${DISTANCE};10`,
        `A-1;${world.m1.code};2024;${DISTANCE};10`,
        `;${world.m1.code};2024;teacher_vacancies;1`,
        `;${world.m2.code};2023;${DISTANCE};40`,
        `;Нижний район;2023;${DISTANCE};41`,
        `;;2023;${DISTANCE};41`,
      ].join("\n"),
    );
    const before = await dumpImportState(db);
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: false });
    expect(summary.errors).toEqual([
      {
        row: 2,
        column: "Муниципалитет",
        message: "муниципалитет «Заречный район» не найден в регионе (или недоступен вам)",
      },
      {
        row: 3,
        column: "Значение",
        message: `показатель «${DISTANCE}» задаётся для муниципалитета, а не для школы: загрузите его строкой без школы, с муниципалитетом в столбце «Муниципалитет»`,
      },
      {
        row: 4,
        column: "Значение",
        message:
          "показатель «teacher_vacancies» задаётся для школы, а в строке указан только муниципалитет — укажите школу",
      },
      {
        row: 6,
        column: "Значение",
        message: expect.stringMatching(/^повтор: .* муниципалитета «M\d+» .* строке 5$/),
      },
      { row: 7, column: "Код ОО", message: "не указан код школы" },
    ]);
    expect(summary).toMatchObject({ created: 0, updated: 0, errorCount: 5 });
    expect(await dumpImportState(db)).toBe(before);
  });

  it("a МОЦ coordinator imports its own municipality's values and no other's", async () => {
    const db = database.db;
    const moc = actorIn(world.region.id, "moc_coordinator", world.m1.id);
    const own = await folder.write(
      "own.csv",
      `Муниципалитет;Год;Показатель;Значение\nВерхний район;2025;${DISTANCE};121\n`,
    );
    expect(await importFile(db, { actor: moc, file: own })).toMatchObject({ created: 1, errors: [] });
    const foreign = await folder.write(
      "foreign.csv",
      `Муниципалитет;Год;Показатель;Значение\nВерхний район;2022;${DISTANCE};1\n${world.m2.code};2025;${DISTANCE};36\n`,
    );
    const before = await dumpImportState(db);
    const refused = await importFile(db, { actor: moc, file: foreign });
    expect(refused.errors).toEqual([
      {
        row: 3,
        column: "Муниципалитет",
        message: `муниципалитет «${world.m2.code}» не найден в регионе (или недоступен вам)`,
      },
    ]);
    expect(await dumpImportState(db)).toBe(before);
  });
});
