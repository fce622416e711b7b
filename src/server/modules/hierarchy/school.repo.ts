import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

const schoolColumns = {
  id: schools.id,
  regionId: schools.regionId,
  municipalityId: schools.municipalityId,
  municipalityName: municipalities.name,
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
};

/** A school row with its municipality's name. */
export type SchoolRow = {
  id: number;
  regionId: number;
  municipalityId: number;
  municipalityName: string;
  code: string;
  fullName: string;
  shortName: string;
  kind: string;
  isRural: boolean;
  isSmall: boolean;
  students: number;
  teachers: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

/** Schools matching the scope and filters, with the total count for paging. */
export async function findSchools(
  db: Db,
  opts: { scope: SQL | undefined; municipalityId?: number; q?: string; limit: number; offset: number },
): Promise<{ total: number; items: SchoolRow[] }> {
  const conditions: (SQL | undefined)[] = [opts.scope];
  if (opts.municipalityId) conditions.push(eq(schools.municipalityId, opts.municipalityId));
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(schools.shortName, like), ilike(schools.fullName, like), ilike(schools.code, like)),
    );
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(schools).where(where);
  const items = await db
    .select(schoolColumns)
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(schools.code))
    .limit(opts.limit)
    .offset(opts.offset);
  return { total: total?.n ?? 0, items };
}

/** One school in scope, or undefined (out of scope and missing look the same). */
export async function findSchoolInScope(
  db: Db,
  id: number,
  scope: SQL | undefined,
): Promise<SchoolRow | undefined> {
  const [row] = await db
    .select(schoolColumns)
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(and(eq(schools.id, id), scope));
  return row;
}

/** A school by its code in a region. */
export async function findSchoolByCode(db: Db, regionId: number, code: string) {
  const [row] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.regionId, regionId), eq(schools.code, code)));
  return row;
}

/** Inserts a school; returns its id. */
export async function insertSchool(db: Db, values: typeof schools.$inferInsert): Promise<number> {
  const [row] = await db.insert(schools).values(values).returning({ id: schools.id });
  if (!row) throw new Error("Школа не создана");
  return row.id;
}

/** Updates a school's columns. */
export async function updateSchoolRow(db: Db, id: number, values: Partial<typeof schools.$inferInsert>) {
  await db
    .update(schools)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(schools.id, id));
}
