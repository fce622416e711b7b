import { eq, type SQL, sql } from "drizzle-orm";
import { mocs, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A municipality of the region, for matching the registry's municipality column. */
export type RegionMunicipality = { id: number; code: string; name: string; isInScope: boolean };

/** Whether a row is in the scope given (undefined: no restriction), as a boolean column. */
function inScope(scope: SQL | undefined) {
  return sql<boolean>`coalesce(${scope ?? sql`true`}, false)`;
}

/** The region's municipalities, each with whether the actor's scope (municipalityScope) holds it. */
export async function findRegionMunicipalities(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
): Promise<RegionMunicipality[]> {
  const rows = await db
    .select({
      id: municipalities.id,
      code: municipalities.code,
      name: municipalities.name,
      isInScope: inScope(scope),
    })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return rows.map((row) => ({ ...row, isInScope: row.isInScope === true }));
}

/** A stored school with the fields a registry import may change. */
export type StoredSchool = Omit<typeof schools.$inferSelect, "createdAt" | "updatedAt" | "regionId">;

/** A school of the region, with whether the actor's scope holds it. */
export type RegionSchool = StoredSchool & { isInScope: boolean };

/** The region's schools, with every field a registry import compares and whether the scope (schoolScope) holds each. */
export async function findRegionSchools(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
): Promise<RegionSchool[]> {
  const rows = await db
    .select({
      id: schools.id,
      municipalityId: schools.municipalityId,
      code: schools.code,
      fullName: schools.fullName,
      shortName: schools.shortName,
      kind: schools.kind,
      isRural: schools.isRural,
      isSmall: schools.isSmall,
      students: schools.students,
      teachers: schools.teachers,
      address: schools.address,
      latitude: schools.latitude,
      longitude: schools.longitude,
      isInScope: inScope(scope),
    })
    .from(schools)
    .where(eq(schools.regionId, regionId));
  return rows.map((row) => ({ ...row, isInScope: row.isInScope === true }));
}

type Rows<T> = { rows: T[] } | T[];

function rowsOf<T>(result: Rows<T>): T[] {
  return Array.isArray(result) ? result : result.rows;
}

/** Creates municipalities (kind «district») with a МОЦ each; returns their ids by code. */
export async function insertRegistryMunicipalities(
  db: Db,
  regionId: number,
  list: { code: string; name: string }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += 5000) {
    const chunk = list.slice(i, i + 5000);
    const result = await db.execute(sql`
      insert into ${municipalities} (region_id, code, name, kind)
      select ${regionId}, t.code, t.name, 'district'
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as t(code text, name text)
      returning id, code`);
    for (const row of rowsOf(result as Rows<{ id: number; code: string }>)) ids.set(row.code, Number(row.id));
  }
  const created = [...ids.values()];
  for (let i = 0; i < created.length; i += 5000) {
    const chunk = created.slice(i, i + 5000);
    await db.execute(sql`
      insert into ${mocs} (municipality_id, name)
      select m.id, 'МОЦ: ' || m.name from ${municipalities} m
      where m.id in (select (jsonb_array_elements_text(${JSON.stringify(chunk)}::jsonb))::int)
      on conflict do nothing`);
  }
  return ids;
}

/** A school row to create or update by its code in the region. */
export type SchoolWrite = Omit<StoredSchool, "id">;

/** Creates or updates schools by (region, code) in set-based statements. */
export async function upsertRegistrySchools(db: Db, regionId: number, list: SchoolWrite[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2000) {
    const chunk = list.slice(i, i + 2000);
    await db.execute(sql`
      insert into ${schools} (region_id, municipality_id, code, full_name, short_name, kind, is_rural, is_small,
        students, teachers, address, latitude, longitude)
      select ${regionId}, t."municipalityId", t.code, t."fullName", t."shortName", t.kind, t."isRural", t."isSmall",
        t.students, t.teachers, t.address, t.latitude, t.longitude
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as t("municipalityId" int, code text,
        "fullName" text, "shortName" text, kind text, "isRural" boolean, "isSmall" boolean, students int,
        teachers int, address text, latitude float8, longitude float8)
      on conflict (region_id, code) do update set municipality_id = excluded.municipality_id,
        full_name = excluded.full_name, short_name = excluded.short_name, kind = excluded.kind,
        is_rural = excluded.is_rural, is_small = excluded.is_small, students = excluded.students,
        teachers = excluded.teachers, address = excluded.address, latitude = excluded.latitude,
        longitude = excluded.longitude, updated_at = now()`);
  }
}
