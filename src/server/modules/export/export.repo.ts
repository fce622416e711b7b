import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { indicatorValues, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A school as a row of an export or a template. */
export type ExportSchool = { id: number; code: string; name: string; municipality: string };

/** Schools of a region in scope (optionally of one municipality or one school), by municipality and code. */
export async function findExportSchools(
  db: Db,
  opts: { regionId: number; scope: SQL | undefined; municipalityId?: number; schoolId?: number },
): Promise<ExportSchool[]> {
  return db
    .select({
      id: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipality: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(
      and(
        eq(schools.regionId, opts.regionId),
        opts.scope,
        opts.municipalityId === undefined ? undefined : eq(schools.municipalityId, opts.municipalityId),
        opts.schoolId === undefined ? undefined : eq(schools.id, opts.schoolId),
      ),
    )
    .orderBy(asc(municipalities.name), asc(schools.code));
}

/** The year's school values of the given schools, long form (school id, indicator id, value). */
export async function findExportValues(db: Db, opts: { year: number; schoolIds: number[] }) {
  const out: { schoolId: number | null; indicatorId: number; value: number }[] = [];
  for (let i = 0; i < opts.schoolIds.length; i += 5000) {
    const chunk = opts.schoolIds.slice(i, i + 5000);
    out.push(
      ...(await db
        .select({
          schoolId: indicatorValues.schoolId,
          indicatorId: indicatorValues.indicatorId,
          value: indicatorValues.value,
        })
        .from(indicatorValues)
        .where(and(eq(indicatorValues.year, opts.year), inArray(indicatorValues.schoolId, chunk)))),
    );
  }
  return out;
}

/** A municipality as a row of the municipality sheet of an export. */
export type ExportMunicipality = { id: number; code: string; name: string };

/** Municipalities of a region in scope, by name. */
export async function findExportMunicipalities(
  db: Db,
  opts: { regionId: number; scope: SQL | undefined },
): Promise<ExportMunicipality[]> {
  return db
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, opts.regionId), opts.scope))
    .orderBy(asc(municipalities.name), asc(municipalities.code));
}

/** The year's own values of the given municipalities (municipality-level indicators), long form. */
export async function findExportMunicipalityValues(
  db: Db,
  opts: { year: number; municipalityIds: number[] },
) {
  if (!opts.municipalityIds.length) return [];
  return db
    .select({
      municipalityId: indicatorValues.municipalityId,
      indicatorId: indicatorValues.indicatorId,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(
      and(eq(indicatorValues.year, opts.year), inArray(indicatorValues.municipalityId, opts.municipalityIds)),
    );
}
