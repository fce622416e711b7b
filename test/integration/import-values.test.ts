import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findValueHistory } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  actorIn,
  buildImportRegion,
  countRows,
  dumpImportState,
  importFile,
  shortNameOf,
  tempFolder,
} from "./import-support";

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;

const WIDE = [
  "Код ОО;Наименование;Год;Доля обучающихся на «4» и «5» [good_marks_share];Педагог-психолог [has_psychologist];ОГЭ математика [oge_math_mean]",
  "A-1;Школа А;2024;0,41;да;3,9",
  "B-2;Школа Б;2024;31%;нет;",
  "C-3;Школа В;2024;0,5;да;4,1",
].join("\r\n");

describe.each(testEngines())("import of values ($kind)", (engine) => {
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

  it("a dry run counts the new values and writes nothing", async () => {
    const db = database.db;
    const file = await folder.write("wide.csv", `\ufeff${WIDE}`);
    const before = await dumpImportState(db);
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: true });
    expect(summary).toMatchObject({
      rows: 3,
      created: 8,
      updated: 0,
      unchanged: 0,
      errors: [],
      dryRun: true,
    });
    expect(await dumpImportState(db)).toBe(before);
    expect(await countRows(db, "jobs", `id = ${summary.jobId} and status = 'done'`)).toBe(1);
  });

  it("lists the columns the mapping leaves out, for values and for the school registry", async () => {
    const db = database.db;
    const actor = actorIn(world.region.id);
    const before = await dumpImportState(db);
    const values = await folder.write(
      "extra.csv",
      "Код ОО;Год;good_marks_share;Примечание;Ответственный\nA-1;2025;0,4;проверено;Иванов\n",
    );
    expect(await importFile(db, { actor, file: values, dryRun: true })).toMatchObject({
      created: 1,
      errors: [],
      mappingSource: { kind: "guessed" },
      ignoredColumns: ["Примечание", "Ответственный"],
    });
    const registry = await folder.write(
      "reestr.csv",
      "Код ОО;Наименование;Муниципалитет;Директор\nNEW-9;Новая школа;Верхний район;Петров\n",
    );
    expect(await importFile(db, { actor, kind: "schools", file: registry, dryRun: true })).toMatchObject({
      created: 1,
      errors: [],
      mappingSource: { kind: "guessed" },
      ignoredColumns: ["Директор"],
    });
    expect(await dumpImportState(db)).toBe(before);
  });

  it("imports a wide CSV with decimal commas, percents and yes/no, with one audit entry and no history rows for creations", async () => {
    const db = database.db;
    const file = await folder.write("wide.csv", `\ufeff${WIDE}`);
    const audit = await countRows(db, "audit_log");
    const summary = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(summary).toMatchObject({ rows: 3, created: 8, updated: 0, unchanged: 0, errors: [] });
    expect(await countRows(db, "indicator_values", "source = 'import'")).toBe(8);
    expect(await countRows(db, "indicator_values", `source_ref = '${summary.jobId}'`)).toBe(8);
    // a creation is told by the value row itself (who, when, which job): no history row yet
    expect(await countRows(db, "indicator_value_history")).toBe(0);
    expect(await countRows(db, "audit_log")).toBe(audit + 1);
    expect(await countRows(db, "import_staging")).toBe(0);
    const b = world.schools.b.id;
    expect(await countRows(db, "indicator_values", `school_id = ${b} and value = 0.31`)).toBe(1);
  });

  it("a second import of a changed file updates one value and leaves the rest; the value's history reads creation, change", async () => {
    const db = database.db;
    const file = await folder.write("wide2.csv", `\ufeff${WIDE.replace("0,41", "0,45")}`);
    const first = await db.execute(
      sql`select source_ref, entered_at from indicator_values where value = 0.41`,
    );
    const created = rowsOf<{ source_ref: string; entered_at: Date | string }>(first)[0]!;
    const summary = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 7, errors: [] });
    expect(await countRows(db, "indicator_value_history", "old_value = 0.41 and new_value = 0.45")).toBe(1);
    // the first change writes the creation entry first, from the row as the first import left it
    expect(await countRows(db, "indicator_value_history")).toBe(2);
    const [value] = rowsOf<{ id: number; indicator_id: number; school_id: number; year: number }>(
      await db.execute(
        sql`select id, indicator_id, school_id, year from indicator_values where value = 0.45`,
      ),
    );
    const history = await findValueHistory(db, {
      id: Number(value!.id),
      indicatorId: value!.indicator_id,
      schoolId: value!.school_id,
      municipalityId: null,
      year: value!.year,
    });
    expect(history.map((h) => [h.oldValue, h.newValue, h.source, h.sourceRef])).toEqual([
      [0.41, 0.45, "import", String(summary.jobId)],
      [null, 0.41, "import", created.source_ref],
    ]);
    expect(history[1]!.changedAt.getTime()).toBe(new Date(created.entered_at).getTime());
  });

  it("a dry run lists the values it would create and change, with the old value, and counts the unchanged", async () => {
    const db = database.db;
    // one value changed (0,45 → 0,5), two unchanged; B-2: two unchanged and a new ОГЭ value;
    // C-3 left out of the file.
    const file = await folder.write(
      "mixed.csv",
      `\ufeff${WIDE.split("\r\n").slice(0, 3).join("\r\n").replace("0,41", "0,5").replace("31%;нет;", "31%;нет;3,5")}`,
    );
    const before = await dumpImportState(db);
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: true });
    expect(summary).toMatchObject({ rows: 2, created: 1, updated: 1, unchanged: 4, errors: [] });
    expect(summary.changes).toEqual([
      {
        row: 2,
        level: "school",
        code: "A-1",
        name: await shortNameOf(db, world.schools.a.id),
        indicatorCode: "good_marks_share",
        year: 2024,
        oldValue: 0.45,
        newValue: 0.5,
      },
      {
        row: 3,
        level: "school",
        code: "B-2",
        name: await shortNameOf(db, world.schools.b.id),
        indicatorCode: "oge_math_mean",
        year: 2024,
        oldValue: null,
        newValue: 3.5,
      },
    ]);
    expect(await dumpImportState(db)).toBe(before);
    const real = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(real).toMatchObject({ created: 1, updated: 1, unchanged: 4 });
    expect(real.changes).toBeUndefined();
  });

  it("a dry run lists at most the first 500 changes, by row, and counts them all", async () => {
    const db = database.db;
    const lines = ["Код ОО;Год;Показатель;Значение"];
    for (let year = 2000; year <= 2100; year++)
      for (const code of ["A-1", "B-2", "C-3"])
        for (const indicator of ["teacher_vacancies", "teachers_trained_share"])
          lines.push(`${code};${year};${indicator};${indicator === "teacher_vacancies" ? 1 : "0,5"}`);
    const file = await folder.write("many.csv", lines.join("\n"));
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, dryRun: true });
    expect(summary).toMatchObject({ rows: 606, created: 606, updated: 0, unchanged: 0, errorCount: 0 });
    expect(summary.changes).toHaveLength(500);
    expect(summary.changes?.map((c) => c.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 2));
    expect(summary.changes?.[499]).toMatchObject({ year: 2083, oldValue: null });
  });

  it("imports a long table matching schools by name and municipality, with a year from the mapping", async () => {
    const db = database.db;
    const file = await folder.write(
      "long.csv",
      "school,municipality,indicator,value\nСШ № 1,Верхний район,teacher_vacancies,2\n",
    );
    const schoolName = await db.execute(
      (await import("drizzle-orm")).sql`select short_name from schools where id = ${world.schools.a.id}`,
    );
    const rows = Array.isArray(schoolName)
      ? schoolName
      : (schoolName as { rows: { short_name: string }[] }).rows;
    const name = String((rows[0] as { short_name: string }).short_name);
    await folder.write(
      "long.csv",
      `school,municipality,indicator,value\n${name},Верхний район,teacher_vacancies,2\n`,
    );
    const mapping = {
      layout: "long",
      columns: { schoolName: "school", municipality: "municipality", indicator: "indicator", value: "value" },
    };
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, mapping, year: 2023 });
    expect(summary).toMatchObject({ rows: 1, created: 1, errors: [] });
  });
});
