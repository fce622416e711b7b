import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Actor } from "../../src/server/modules/access/actor";
import { type ImportKind, runImport } from "../../src/server/modules/import/import-run.service";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Db } from "../../src/server/platform/db";
import type { Role } from "../../src/shared/roles";
import { buildMunicipality, buildRegion, buildSchool } from "../support/factories";

/** A temporary folder for import files; remove() deletes it. */
export async function tempFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), "opora-import-"));
  return {
    dir,
    write: async (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** An actor of a role in a region (user id 0: no user row needed). */
export function actorIn(
  regionId: number,
  role: Role = "region_admin",
  municipalityId: number | null = null,
): Actor {
  return {
    userId: 0,
    login: "test",
    fullName: "Тест",
    role,
    regionId,
    municipalityId,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
  };
}

/** A region with the catalogue, two municipalities and three schools with known codes. */
export async function buildImportRegion(db: Db) {
  const region = await buildRegion(db);
  await seedCatalogue(db, region.id);
  const m1 = await buildMunicipality(db, { regionId: region.id, name: "Верхний район" });
  const m2 = await buildMunicipality(db, { regionId: region.id, name: "Нижний район" });
  const a = await buildSchool(db, { regionId: region.id, municipalityId: m1.id, code: "A-1" });
  const b = await buildSchool(db, { regionId: region.id, municipalityId: m1.id, code: "B-2" });
  const c = await buildSchool(db, { regionId: region.id, municipalityId: m2.id, code: "C-3" });
  return { region, m1, m2, schools: { a, b, c } };
}

/** Runs an import as the given actor in its region. */
export function importFile(
  db: Db,
  opts: { actor: Actor; kind?: ImportKind; file: string; mapping?: unknown; year?: number; dryRun?: boolean },
) {
  const regionId = opts.actor.regionId;
  if (regionId === null) throw new Error("actor without a region");
  return runImport({
    db,
    actor: opts.actor,
    regionId,
    kind: opts.kind ?? "values",
    file: { path: opts.file, fileName: path.basename(opts.file) },
    mapping: opts.mapping,
    year: opts.year,
    dryRun: opts.dryRun ?? false,
  });
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result;
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * A dump of everything an import may write: every value, every history row, the schools and
 * municipalities, and the audit and staging counts. Two equal dumps mean the database is as before.
 */
export async function dumpImportState(db: Db): Promise<string> {
  const values = await db.execute(
    sql`select indicator_id, version_id, school_id, municipality_id, year, value, source, source_ref, entered_by, entered_at from indicator_values order by id`,
  );
  const history = await db.execute(
    sql`select value_id, old_value, new_value, source, source_ref, changed_by from indicator_value_history order by id`,
  );
  const schools = await db.execute(
    sql`select id, municipality_id, code, full_name, short_name, kind, students, updated_at from schools order by id`,
  );
  const municipalities = await db.execute(sql`select id, code, name from municipalities order by id`);
  const counts = await db.execute(
    sql`select (select count(*) from audit_log) as audit, (select count(*) from import_staging) as staging, (select count(*) from mocs) as mocs`,
  );
  return JSON.stringify({
    values: rowsOf(values),
    history: rowsOf(history),
    schools: rowsOf(schools),
    municipalities: rowsOf(municipalities),
    counts: rowsOf(counts).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]))),
  });
}

/** Counts rows of a table (for assertions). */
export async function countRows(db: Db, table: string, where = "true"): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*) as n from ${table} where ${where}`));
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/** A school's short name (the name an import's dry run shows). */
export async function shortNameOf(db: Db, schoolId: number): Promise<string> {
  const result = await db.execute(sql`select short_name from schools where id = ${schoolId}`);
  return String(rowsOf(result)[0]?.short_name);
}
