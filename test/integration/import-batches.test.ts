import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGING_BATCH } from "../../src/server/modules/import/value-staging";
import { findIndicators } from "../../src/server/modules/indicators/indicator.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildSchool } from "../support/factories";
import {
  actorIn,
  buildImportRegion,
  countRows,
  dumpImportState,
  importFile,
  tempFolder,
} from "./import-support";

const SCHOOLS = 50;
const INDICATORS = 9;
const YEARS = Array.from({ length: 101 }, (_, k) => 2000 + k);
const ROWS = SCHOOLS * INDICATORS * YEARS.length;

/**
 * Files of several staging batches (STAGING_BATCH values each). On a PostgreSQL server each batch
 * is written into the values while the next is read, in the import's one transaction
 * (value-batch-apply.ts); on PGlite all batches are staged first. Either way an error anywhere
 * leaves the database exactly as it was, and a value repeated across batches is reported by row.
 */
describe.each(testEngines())("import of a file of several batches ($kind)", (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof buildImportRegion>>;
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let lines: string[];

  const file = (name: string, body: string[]) =>
    folder.write(name, ["Код ОО;Год;Показатель;Значение", ...body].join("\n"));

  beforeAll(async () => {
    database = await engine.open();
    world = await buildImportRegion(database.db);
    folder = await tempFolder();
    const schools = [];
    for (let k = 0; k < SCHOOLS; k++) {
      schools.push(
        await buildSchool(database.db, {
          regionId: world.region.id,
          municipalityId: world.m1.id,
          code: `S-${k}`,
        }),
      );
    }
    const shares = (await findIndicators(database.db, world.region.id))
      .filter((i) => i.unit === "share" && i.level === "school" && !i.isRetired)
      .slice(0, INDICATORS);
    expect(shares).toHaveLength(INDICATORS);
    lines = [];
    for (const school of schools)
      for (const indicator of shares)
        for (const year of YEARS)
          lines.push(`${school.code};${year};${indicator.code};${((year % 7) / 10).toFixed(1)}`);
    expect(lines.length).toBeGreaterThan(2 * STAGING_BATCH);
  });
  afterAll(async () => {
    await folder.remove();
    await database.close();
  });

  it("an invalid value in the last batch leaves the database exactly as it was", async () => {
    const db = database.db;
    const before = await dumpImportState(db);
    const bad = [...lines.slice(0, -1), lines.at(-1)!.replace(/;[^;]*$/, ";1.5")];
    const summary = await importFile(db, {
      actor: actorIn(world.region.id),
      file: await file("bad.csv", bad),
    });
    expect(summary.errors).toEqual([expect.objectContaining({ row: ROWS + 1, column: "Значение" })]);
    expect(summary.created).toBe(0);
    expect(await dumpImportState(db)).toBe(before);
  });

  it("a value repeated in a later batch is reported with its first row, and nothing is written", async () => {
    const db = database.db;
    const before = await dumpImportState(db);
    const repeated = [...lines, lines[0]!];
    const summary = await importFile(db, {
      actor: actorIn(world.region.id),
      file: await file("repeat.csv", repeated),
    });
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: ROWS + 2, message: expect.stringContaining("уже есть в строке 2") }),
    ]);
    expect(await dumpImportState(db)).toBe(before);
  });

  it("writes every batch of a new file, then a re-import changes only the changed value", async () => {
    const db = database.db;
    const actor = actorIn(world.region.id);
    const first = await importFile(db, { actor, file: await file("all.csv", lines) });
    expect(first).toMatchObject({ rows: ROWS, created: ROWS, updated: 0, unchanged: 0, errors: [] });
    expect(await countRows(db, "indicator_values", `source_ref = '${first.jobId}'`)).toBe(ROWS);
    expect(await countRows(db, "indicator_value_history")).toBe(0);
    expect(await countRows(db, "import_staging")).toBe(0);

    const changed = [...lines.slice(0, -1), lines.at(-1)!.replace(/;[^;]*$/, ";0.9")];
    const second = await importFile(db, { actor, file: await file("changed.csv", changed) });
    expect(second).toMatchObject({ rows: ROWS, created: 0, updated: 1, unchanged: ROWS - 1, errors: [] });
    expect(await countRows(db, "indicator_value_history", "new_value = 0.9")).toBe(1);
    expect(await countRows(db, "indicator_values", `source_ref = '${second.jobId}'`)).toBe(1);
  });
});
