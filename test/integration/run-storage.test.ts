import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/core/identification/api.schema";
import {
  identificationResults,
  identificationRunCriteria,
  identificationRuns,
} from "../../src/server/db/schema";
import type { Actor } from "../../src/server/modules/access/actor";
import { insertMunicipalities, insertRegion, insertSchools } from "../../src/server/modules/demo/demo.repo";
import type { ResultWrite } from "../../src/server/modules/identification/run.repo";
import { storeRun } from "../../src/server/modules/identification/run.service";
import { approveRunRow } from "../../src/server/modules/identification/run-approval.repo";
import { CHUNK_SIZE } from "../../src/server/modules/identification/run-columns";
import {
  getSchoolHistory,
  listRunResults,
} from "../../src/server/modules/identification/run-results.service";
import { type Database, type Db, MIGRATIONS_DIR, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase, testEngines } from "../support/db";
import { FIXTURE_RULE_SETS, syntheticSnapshot } from "../support/run-fixture";

const YEAR = 2025;
/** More schools than the reader's whole-column threshold, so both of its paths are taken. */
const SCHOOLS = 2100;
const MUNICIPALITIES = 7;

const actor = (over: Partial<Actor>): Actor => ({
  userId: 0,
  login: "test",
  fullName: "Тест",
  role: "region_admin",
  regionId: null,
  municipalityId: null,
  schoolId: null,
  isDemo: false,
  federalRegionIds: null,
  ...over,
});

/** A region with municipalities and schools; returns them as the snapshot needs them. */
async function buildRegionSchools(db: Db, count: number) {
  const regionId = await insertRegion(db, { code: `R${count}`, name: "Регион хранения" });
  const municipalityIds = await insertMunicipalities(
    db,
    Array.from({ length: MUNICIPALITIES }, (_, i) => ({
      regionId,
      code: `M${i}`,
      name: `Муниципалитет ${i}`,
      kind: "district" as const,
    })),
  );
  const rows = Array.from({ length: count }, (_, i) => ({
    regionId,
    municipalityId: municipalityIds.get(`M${i % MUNICIPALITIES}`) ?? 0,
    code: `S${String(i).padStart(5, "0")}`,
    fullName: `Школа ${i}`,
    shortName: `Школа ${i}`,
    kind: "СОШ",
    isRural: i % 3 === 0,
    isSmall: false,
    students: 300,
    teachers: 20,
  }));
  const ids = await insertSchools(db, rows);
  // The run's order is not the code order, so positions and codes disagree.
  const schools = rows
    .map((row) => ({
      schoolId: ids.get(row.code) ?? 0,
      code: row.code,
      name: row.shortName,
      isRural: row.isRural,
      municipalityId: row.municipalityId,
    }))
    .reverse();
  return { regionId, schools, municipalityIds: [...municipalityIds.values()] };
}

/** What the API should give for a result the engine produced. */
const expected = (result: ResultWrite, municipalityName: string): RunResult => ({
  schoolId: result.schoolId,
  schoolCode: result.schoolCode,
  schoolName: result.schoolName,
  municipalityId: result.municipalityId,
  municipalityName,
  isRural: result.isRural,
  category: result.category,
  riskFlags: result.riskFlags,
  reasons: result.reasons,
  details: result.details,
});

/** Checks results read through the API against the engine's, school by school. */
function expectSameAsEngine(read: RunResult[], results: ResultWrite[]) {
  const byId = new Map(results.map((r) => [r.schoolId, r]));
  for (const row of read) {
    const engine = byId.get(row.schoolId);
    expect(engine, `школа ${row.schoolCode}`).toBeDefined();
    if (engine) expect(row).toEqual(expected(engine, row.municipalityName));
  }
}

describe.each(testEngines())("stored runs on $kind", (engine) => {
  let database: Database;
  let region: Awaited<ReturnType<typeof buildRegionSchools>>;
  let results: ResultWrite[];
  let runId: number;

  beforeAll(async () => {
    database = await engine.open();
    region = await buildRegionSchools(database.db, SCHOOLS);
    results = syntheticSnapshot(region.schools, { year: YEAR, seed: 11 });
    const admin = actor({ regionId: region.regionId });
    runId = await storeRun(
      database.db,
      admin,
      { regionId: region.regionId, year: YEAR, ruleSets: FIXTURE_RULE_SETS },
      results,
    );
    await approveRunRow(database.db, runId, { userId: null, name: "Тест" });
  });

  afterAll(async () => {
    await database.close();
  });

  it("stores a row per criterion and chunk, and reads every school back as the engine produced it", async () => {
    const columns = await database.db
      .select({ criterionId: identificationRunCriteria.criterionId })
      .from(identificationRunCriteria)
      .where(eq(identificationRunCriteria.runId, runId));
    const criteria = FIXTURE_RULE_SETS.flatMap((r) => r.definition.criteria.map((c) => c.id));
    const chunks = Math.ceil(SCHOOLS / CHUNK_SIZE);
    expect(columns.map((c) => c.criterionId).sort()).toEqual(
      criteria.flatMap((id) => Array(chunks).fill(id)).sort(),
    );
    const all = await listRunResults({
      db: database.db,
      actor: actor({ regionId: region.regionId }),
      id: runId,
      query: {},
    });
    expect(all).toHaveLength(SCHOOLS);
    expectSameAsEngine(all, results);
  });

  it("gives a МОЦ its municipality and a school itself, each school's criteria its own", async () => {
    const municipalityId = region.municipalityIds[2] ?? 0;
    const moc = await listRunResults({
      db: database.db,
      actor: actor({ role: "moc_coordinator", regionId: region.regionId, municipalityId }),
      id: runId,
      query: {},
    });
    const own = results.filter((r) => r.municipalityId === municipalityId);
    expect(moc.map((r) => r.schoolId).sort()).toEqual(own.map((r) => r.schoolId).sort());
    expectSameAsEngine(moc, results);
    const flagged = await listRunResults({
      db: database.db,
      actor: actor({ regionId: region.regionId }),
      id: runId,
      query: { category: "flagged", municipalityId },
    });
    expect(flagged.length).toBeGreaterThan(0);
    expectSameAsEngine(flagged, results);

    const school = results.find((r) => r.category === "both") ?? results[0]!;
    const history = await getSchoolHistory({
      db: database.db,
      actor: actor({
        role: "school_director",
        regionId: region.regionId,
        municipalityId: school.municipalityId,
        schoolId: school.schoolId,
      }),
      schoolId: school.schoolId,
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ runId, category: school.category, reasons: school.reasons });
    expect(history[0]?.details).toEqual(school.details);
  });

  it("stores nothing of a run naming a school that does not exist", async () => {
    const [first] = results;
    if (!first) throw new Error("no results");
    const before = await database.db.select({ id: identificationRuns.id }).from(identificationRuns);
    const ghost = { ...first, schoolId: 999_999_999 };
    await expect(
      storeRun(
        database.db,
        actor({ regionId: region.regionId }),
        { regionId: region.regionId, year: YEAR, ruleSets: FIXTURE_RULE_SETS },
        [...results.slice(1, 50), ghost],
      ),
    ).rejects.toThrow();
    const after = await database.db.select({ id: identificationRuns.id }).from(identificationRuns);
    expect(after).toEqual(before);
    const orphans = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(identificationResults)
      .where(eq(identificationResults.schoolId, ghost.schoolId));
    expect(Number(orphans[0]?.n)).toBe(0);
  });
});

/** The migrations before the one that moved runs to criterion columns, in a folder of their own. */
async function migrationsBeforeColumns(): Promise<{ folder: string; remove: () => void }> {
  const folder = mkdtempSync(path.join(tmpdir(), "opora-migrations-"));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith("_run_criteria"));
  expect(cut).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, cut);
  await mkdir(path.join(folder, "meta"));
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) {
    await copyFile(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Writes a run as the code before the migration did: a JSON document per school. */
async function insertLegacyRun(db: Db, regionId: number, rows: ResultWrite[]): Promise<number> {
  // Plain SQL naming the columns of that time: the table has gained columns since.
  const ruleSets = JSON.stringify(FIXTURE_RULE_SETS.map(({ definition: _d, ...rest }) => rest));
  await db.execute(sql`
    insert into identification_runs (region_id, year, rule_sets, school_count, created_by_name)
    values (${regionId}, ${YEAR}, ${ruleSets}::jsonb, ${rows.length}, 'Тест')`);
  const [run] = await db
    .select({ id: identificationRuns.id })
    .from(identificationRuns)
    .orderBy(desc(identificationRuns.id))
    .limit(1);
  const id = run?.id ?? 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.execute(sql`
      insert into identification_results (run_id, school_id, municipality_id, school_code, school_name,
        is_rural, category, risk_flags, reasons, details)
      select ${id}, x.school_id, x.municipality_id, x.school_code, x.school_name, x.is_rural, x.category,
        x.risk_flags, x.reasons, x.details
      from jsonb_to_recordset(${JSON.stringify(
        batch.map((r) => ({
          school_id: r.schoolId,
          municipality_id: r.municipalityId,
          school_code: r.schoolCode,
          school_name: r.schoolName,
          is_rural: r.isRural,
          category: r.category,
          risk_flags: r.riskFlags,
          reasons: r.reasons,
          details: r.details,
        })),
      )}::jsonb) as x(school_id int, municipality_id int, school_code text, school_name text,
        is_rural boolean, category text, risk_flags jsonb, reasons jsonb, details jsonb)`);
  }
  return id;
}

describe.each(testEngines())("the migration to criterion columns on $kind", (engine) => {
  it("converts runs stored as JSON: every school reads back as the engine produced it", async () => {
    const migrations = await migrationsBeforeColumns();
    const dataDir = mkdtempSync(path.join(tmpdir(), "opora-pglite-"));
    const server =
      engine.kind === "postgresql" ? await createServerTestDatabase(process.env.DATABASE_URL ?? "") : null;
    const open = (migrationsFolder?: string) =>
      openDatabase({ databaseUrl: server?.url, dataDir, migrationsFolder });
    try {
      const before = await open(migrations.folder);
      const region = await buildRegionSchools(before.db, 1200);
      const first = syntheticSnapshot(region.schools, { year: YEAR, seed: 5 });
      const second = syntheticSnapshot(region.schools.slice(0, 700).reverse(), { year: YEAR, seed: 6 });
      const firstId = await insertLegacyRun(before.db, region.regionId, first);
      const secondId = await insertLegacyRun(before.db, region.regionId, second);
      await before.close();

      const after = await open();
      try {
        const admin = actor({ regionId: region.regionId });
        for (const [id, rows] of [
          [firstId, first],
          [secondId, second],
        ] as const) {
          const read = await listRunResults({ db: after.db, actor: admin, id, query: {} });
          expect(read).toHaveLength(rows.length);
          expectSameAsEngine(read, rows);
        }
        // A run stored after the migration sits beside the converted ones.
        const third = syntheticSnapshot(region.schools, { year: YEAR, seed: 7 });
        const thirdId = await storeRun(
          after.db,
          admin,
          { regionId: region.regionId, year: YEAR, ruleSets: FIXTURE_RULE_SETS },
          third,
        );
        expectSameAsEngine(
          await listRunResults({ db: after.db, actor: admin, id: thirdId, query: {} }),
          third,
        );
      } finally {
        await after.close();
      }
    } finally {
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      migrations.remove();
    }
  });
});
