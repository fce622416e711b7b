import { sql } from "drizzle-orm";
import type { IndicatorDefinition } from "../../src/core/indicators";
import { insertMunicipalities, insertRegion, insertSchools } from "../../src/server/modules/demo/demo.repo";
import { findIndicators, insertIndicator } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { vacuumValues } from "../../src/server/modules/values/value-columns.repo";
import type { Db } from "../../src/server/platform/db";

/** A school to load: its code, municipality (index into the municipality names), territory and size. */
export type LoadSchool = {
  code: string;
  name: string;
  municipality: number;
  isRural: boolean;
  students: number;
};

/** Values in columns: school index, indicator code index, year, value. */
export type LoadValues = {
  school: ArrayLike<number>;
  indicator: ArrayLike<number>;
  year: ArrayLike<number>;
  value: ArrayLike<number>;
};

const arr = (values: ArrayLike<number>, from: number, to: number) =>
  `{${Array.prototype.slice.call(values, from, to).join(",")}}`;

/**
 * Loads a region for a benchmark: the region, its municipalities, schools, the preloaded catalogue
 * (plus any extra indicators) and the values, in set-based statements (values without history:
 * this is a bulk load, not an import). Returns the region id and school ids in input order.
 */
export async function loadRegion(
  db: Db,
  opts: {
    code: string;
    name: string;
    municipalities: string[];
    schools: LoadSchool[];
    indicatorCodes: readonly string[];
    values: LoadValues;
    seedCatalogue?: boolean;
    extraIndicators?: IndicatorDefinition[];
  },
): Promise<{ regionId: number; schoolIds: number[] }> {
  const regionId = await insertRegion(db, { code: opts.code, name: opts.name });
  const munIds = await insertMunicipalities(
    db,
    opts.municipalities.map((name, i) => ({ regionId, code: `M${i + 1}`, name, kind: "district" as const })),
  );
  const byCode = await insertSchools(
    db,
    opts.schools.map((s) => ({
      regionId,
      municipalityId: munIds.get(`M${s.municipality + 1}`)!,
      code: s.code,
      fullName: s.name,
      shortName: s.name,
      kind: "СОШ",
      isRural: s.isRural,
      isSmall: s.students < 100,
      students: s.students,
      teachers: Math.max(5, Math.round(s.students / 12)),
    })),
  );
  const schoolIds = opts.schools.map((s) => byCode.get(s.code)!);
  if (opts.seedCatalogue !== false) await seedCatalogue(db, regionId);
  for (const def of opts.extraIndicators ?? []) await insertIndicator(db, regionId, def, null);
  const catalogue = new Map((await findIndicators(db, regionId)).map((i) => [i.code, i]));
  const ind = opts.indicatorCodes.map((code) => {
    const row = catalogue.get(code);
    if (!row) throw new Error(`no indicator ${code}`);
    return row;
  });
  const n = opts.values.value.length;
  const schoolIdCol = Int32Array.from({ length: n }, (_, k) => schoolIds[opts.values.school[k]!]!);
  const indicatorIdCol = Int32Array.from({ length: n }, (_, k) => ind[opts.values.indicator[k]!]!.id);
  const versionIdCol = Int32Array.from({ length: n }, (_, k) => ind[opts.values.indicator[k]!]!.versionId);
  const BATCH = 50_000;
  // A bulk load: foreign-key triggers off for the session of the transaction (the ids come from the
  // rows just inserted), as pg_restore does.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH);
      await tx.execute(sql`
        insert into indicator_values (indicator_id, version_id, school_id, year, value, source)
        select t.i, t.v, t.s, t.y, t.x, 'import'
        from unnest(${arr(indicatorIdCol, from, to)}::int[], ${arr(versionIdCol, from, to)}::int[],
          ${arr(schoolIdCol, from, to)}::int[], ${arr(opts.values.year, from, to)}::int[],
          ${arr(opts.values.value, from, to)}::float8[]) as t(i, v, s, y, x)`);
    }
  });
  await db.execute(sql`analyze`);
  // As the product does after an import: the visibility map lets runs read columns from the index.
  await vacuumValues(db);
  return { regionId, schoolIds };
}
