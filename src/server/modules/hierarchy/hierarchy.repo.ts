import { and, asc, count, eq, type SQL, sql, sum } from "drizzle-orm";
import { mocStaff, mocs, municipalities, regions, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** The name of a region, or null. */
export async function findRegionName(db: Db, regionId: number): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row?.name ?? null;
}

/** The name of a municipality, or null. */
export async function findMunicipalityName(db: Db, municipalityId: number): Promise<string | null> {
  const [row] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row?.name ?? null;
}

/** Regions matching a scope condition. */
export async function findRegions(db: Db, scope: SQL | undefined) {
  return db.select().from(regions).where(scope).orderBy(asc(regions.name));
}

/** Municipalities in scope with their school figures, in one grouped query. */
export async function findMunicipalitySummaries(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({
      id: municipalities.id,
      regionId: municipalities.regionId,
      code: municipalities.code,
      name: municipalities.name,
      kind: municipalities.kind,
      schoolCount: count(schools.id),
      ruralCount: sql<number>`count(${schools.id}) filter (where ${schools.isRural})`.mapWith(Number),
      smallCount:
        sql<number>`count(${schools.id}) filter (where ${schools.isRural} and ${schools.isSmall})`.mapWith(
          Number,
        ),
      students: sql<number>`coalesce(${sum(schools.students)}, 0)`.mapWith(Number),
      ruralStudents:
        sql<number>`coalesce(sum(${schools.students}) filter (where ${schools.isRural}), 0)`.mapWith(Number),
    })
    .from(municipalities)
    .leftJoin(schools, eq(schools.municipalityId, municipalities.id))
    .where(where)
    .groupBy(municipalities.id)
    .orderBy(asc(municipalities.kind), asc(municipalities.name));
  return rows.map((r) => ({ ...r, ruralShare: r.schoolCount ? r.ruralCount / r.schoolCount : 0 }));
}

/** A municipality's figures. */
export type MunicipalitySummaryRow = Awaited<ReturnType<typeof findMunicipalitySummaries>>[number];

/** The МОЦ of a municipality with its staff, or null. */
export async function findMocWithStaff(db: Db, municipalityId: number) {
  const [moc] = await db.select().from(mocs).where(eq(mocs.municipalityId, municipalityId));
  if (!moc) return null;
  const staff = await db
    .select({
      id: mocStaff.id,
      fullName: mocStaff.fullName,
      position: mocStaff.position,
      email: mocStaff.email,
      phone: mocStaff.phone,
    })
    .from(mocStaff)
    .where(eq(mocStaff.mocId, moc.id))
    .orderBy(asc(mocStaff.id));
  return { id: moc.id, name: moc.name, staff };
}

/** A municipality row by id, or undefined. */
export async function findMunicipality(db: Db, id: number) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return row;
}

/** Creates a МОЦ for a municipality if it has none; returns its id. */
export async function ensureMoc(db: Db, municipalityId: number, name: string): Promise<number> {
  const [existing] = await db
    .select({ id: mocs.id })
    .from(mocs)
    .where(eq(mocs.municipalityId, municipalityId));
  if (existing) return existing.id;
  const [created] = await db.insert(mocs).values({ municipalityId, name }).returning({ id: mocs.id });
  if (!created) throw new Error("МОЦ не создан");
  return created.id;
}

/** A staff member with the municipality it belongs to. */
export async function findStaffMember(db: Db, id: number) {
  const [row] = await db
    .select({ staff: mocStaff, municipalityId: mocs.municipalityId })
    .from(mocStaff)
    .innerJoin(mocs, eq(mocs.id, mocStaff.mocId))
    .where(eq(mocStaff.id, id));
  return row;
}

/** Inserts a staff member. */
export async function insertStaff(db: Db, values: typeof mocStaff.$inferInsert) {
  const [row] = await db.insert(mocStaff).values(values).returning();
  if (!row) throw new Error("Сотрудник не создан");
  return row;
}

/** Updates a staff member. */
export async function updateStaff(db: Db, id: number, values: Partial<typeof mocStaff.$inferInsert>) {
  const [row] = await db.update(mocStaff).set(values).where(eq(mocStaff.id, id)).returning();
  return row;
}

/** Deletes a staff member. */
export async function deleteStaff(db: Db, id: number): Promise<void> {
  await db.delete(mocStaff).where(eq(mocStaff.id, id));
}

/** Counts schools per condition (used by tests and the CLI). */
export async function countSchools(db: Db, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(schools).where(and(where));
  return row?.n ?? 0;
}

/** Ids of a region, municipality or school by their codes (for the command line). */
export async function findIdsByCodes(
  db: Db,
  codes: { regionCode: string; municipalityCode?: string; schoolCode?: string },
): Promise<{ regionId?: number; municipalityId?: number; schoolId?: number }> {
  const [region] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.code, codes.regionCode));
  if (!region) return {};
  const [m] = codes.municipalityCode
    ? await db
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(and(eq(municipalities.regionId, region.id), eq(municipalities.code, codes.municipalityCode)))
    : [];
  const [s] = codes.schoolCode
    ? await db
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.regionId, region.id), eq(schools.code, codes.schoolCode)))
    : [];
  return { regionId: region.id, municipalityId: m?.id, schoolId: s?.id };
}

/** Creates a region if no region has the code; returns its id. */
export async function ensureRegion(db: Db, code: string, name: string): Promise<number> {
  const [existing] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  if (existing) return existing.id;
  const [created] = await db.insert(regions).values({ code, name }).returning({ id: regions.id });
  if (!created) throw new Error("Регион не создан");
  return created.id;
}

/** True when no region exists yet (a fresh installation). */
export async function isEmptyInstallation(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) === 0;
}
