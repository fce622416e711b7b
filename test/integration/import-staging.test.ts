import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStaging, indicators } from "../../src/server/db/schema";
import {
  deleteStaging,
  emptyBatch,
  insertStagingBatch,
  type StagingBatch,
  writeStaged,
} from "../../src/server/modules/import/value-import.repo";
import { insertJob } from "../../src/server/modules/jobs/job.repo";
import { upsertSchoolValues } from "../../src/server/modules/values/values.repo";
import type { Database, Db } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildImportRegion, countRows } from "./import-support";

/** A batch of `n` staged values of one school, with nulls in the municipality column. */
function batchOf(n: number, schoolId: number, indicatorId: number, versionId: number): StagingBatch {
  const batch = emptyBatch();
  for (let k = 0; k < n; k++) {
    batch.rowNumber.push(k + 2);
    batch.indicatorId.push(indicatorId);
    batch.versionId.push(versionId);
    batch.schoolId.push(schoolId);
    batch.municipalityId.push(null);
    batch.year.push(2000 + k);
    batch.value.push(k / 4);
  }
  return batch;
}

/** The region's first indicator with its current version. */
async function firstIndicator(db: Db, regionId: number): Promise<{ id: number; versionId: number }> {
  const [indicator] = await db
    .select({ id: indicators.id, versionId: indicators.currentVersionId })
    .from(indicators)
    .where(eq(indicators.regionId, regionId))
    .limit(1);
  if (!indicator?.versionId) throw new Error("no indicator");
  return { id: indicator.id, versionId: indicator.versionId };
}

describe.each(testEngines())("import staging ($kind)", (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof buildImportRegion>>;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildImportRegion(database.db);
  });
  afterAll(() => database.close());

  it("stages by binary COPY exactly what it was given, and clears only its own job", async () => {
    const db = database.db;
    const indicator = await firstIndicator(db, world.region.id);
    const job = (title: string) =>
      insertJob(db, { regionId: world.region.id, kind: "import", title, createdBy: null });
    const first = await job("первая");
    const second = await job("вторая");
    const given = batchOf(1000, world.schools.a.id, indicator.id, indicator.versionId);
    await insertStagingBatch(db, first, given, false);
    await insertStagingBatch(
      db,
      second,
      batchOf(10, world.schools.b.id, indicator.id, indicator.versionId),
      true,
    );

    const staged = await db
      .select()
      .from(importStaging)
      .where(eq(importStaging.jobId, first))
      .orderBy(asc(importStaging.rowNumber));
    expect(staged).toHaveLength(1000);
    expect(staged[999]).toEqual({
      jobId: first,
      rowNumber: 1001,
      indicatorId: indicator.id,
      versionId: indicator.versionId,
      schoolId: world.schools.a.id,
      municipalityId: null,
      year: 2999,
      value: 999 / 4,
    });
    expect(staged.map((row) => row.value)).toEqual(given.value);

    await deleteStaging(db, first);
    expect(await countRows(db, "import_staging")).toBe(10);
    await deleteStaging(db, second);
    expect(await countRows(db, "import_staging")).toBe(0);
  });

  it("a value written by someone else after the import looked (a unique violation) stops the write with a Russian message", async () => {
    const db = database.db;
    const indicator = await firstIndicator(db, world.region.id);
    const job = await insertJob(db, {
      regionId: world.region.id,
      kind: "import",
      title: "гонка",
      createdBy: null,
    });
    await insertStagingBatch(
      db,
      job,
      batchOf(3, world.schools.c.id, indicator.id, indicator.versionId),
      false,
    );
    // The import found the pairs new; then a form saved one of the values before the import's insert.
    await upsertSchoolValues(
      db,
      [
        {
          indicatorId: indicator.id,
          versionId: indicator.versionId,
          schoolId: world.schools.c.id,
          year: 2001,
          value: 7,
        },
      ],
      { source: "form", userId: null },
    );
    const write = { jobId: job, userId: null, sourceRef: String(job), owner: "school_id" as const };
    await expect(db.transaction((tx) => writeStaged(tx, write, true))).rejects.toThrow(
      "Значения изменились во время загрузки",
    );
    expect(await countRows(db, "indicator_values", `school_id = ${world.schools.c.id}`)).toBe(1);
    await deleteStaging(db, job);
  });

  it("refuses a staging row of a job that does not exist when row triggers stay on", async () => {
    const batch = batchOf(1, world.schools.a.id, 1, 1);
    await expect(insertStagingBatch(database.db, 999_999, batch, false)).rejects.toThrow();
    expect(await countRows(database.db, "import_staging")).toBe(0);
  });
});
