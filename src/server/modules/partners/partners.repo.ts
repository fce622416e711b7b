import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  identificationResults,
  identificationRuns,
  municipalities,
  partnerAgreements,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** An agreement as stored, with its school and its partner school named. */
export type AgreementRow = typeof partnerAgreements.$inferSelect & {
  schoolCode: string;
  schoolName: string;
  schoolMunicipalityId: number;
  schoolMunicipalityName: string;
  partnerSchoolCode: string | null;
  partnerSchoolName: string | null;
  partnerMunicipalityId: number | null;
  partnerMunicipalityName: string | null;
};

const partnerSchool = alias(schools, "partner_school");
const partnerMunicipality = alias(municipalities, "partner_municipality");

function selectAgreements(db: Db) {
  return db
    .select({
      agreement: partnerAgreements,
      schoolCode: schools.code,
      schoolName: schools.shortName,
      schoolMunicipalityId: schools.municipalityId,
      schoolMunicipalityName: municipalities.name,
      partnerSchoolCode: partnerSchool.code,
      partnerSchoolName: partnerSchool.shortName,
      partnerMunicipalityId: partnerSchool.municipalityId,
      partnerMunicipalityName: partnerMunicipality.name,
    })
    .from(partnerAgreements)
    .innerJoin(schools, eq(schools.id, partnerAgreements.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .leftJoin(partnerSchool, eq(partnerSchool.id, partnerAgreements.partnerSchoolId))
    .leftJoin(partnerMunicipality, eq(partnerMunicipality.id, partnerSchool.municipalityId));
}

/**
 * Agreements of the schools the scope (a condition over `schools`) lets through, optionally of one
 * school or one municipality, newest first within a school.
 */
export async function findAgreements(
  db: Db,
  opts: { scope: SQL | undefined; regionId?: number; schoolId?: number; municipalityId?: number },
): Promise<AgreementRow[]> {
  const rows = await selectAgreements(db)
    .where(
      and(
        opts.scope,
        opts.regionId === undefined ? undefined : eq(partnerAgreements.regionId, opts.regionId),
        opts.schoolId === undefined ? undefined : eq(partnerAgreements.schoolId, opts.schoolId),
        opts.municipalityId === undefined ? undefined : eq(schools.municipalityId, opts.municipalityId),
      ),
    )
    .orderBy(asc(schools.code), desc(partnerAgreements.startsOn), asc(partnerAgreements.id));
  return rows.map(({ agreement, ...names }) => ({ ...agreement, ...names }));
}

/** One agreement by id (whatever its scope: the service checks the school), or undefined. */
export async function findAgreementById(db: Db, id: number): Promise<AgreementRow | undefined> {
  const [row] = await selectAgreements(db).where(eq(partnerAgreements.id, id));
  if (!row) return undefined;
  const { agreement, ...names } = row;
  return { ...agreement, ...names };
}

/** Stores a new agreement; returns its id. */
export async function insertAgreement(
  db: Db,
  values: typeof partnerAgreements.$inferInsert,
): Promise<number> {
  const [row] = await db.insert(partnerAgreements).values(values).returning({ id: partnerAgreements.id });
  if (!row) throw new Error("agreement not inserted");
  return row.id;
}

/** Stores many agreements at once (the demo). */
export async function insertAgreements(
  db: Db,
  values: (typeof partnerAgreements.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < values.length; i += 500)
    await db.insert(partnerAgreements).values(values.slice(i, i + 500));
}

/** Changes an agreement. */
export async function updateAgreementRow(
  db: Db,
  id: number,
  values: Partial<typeof partnerAgreements.$inferInsert>,
): Promise<void> {
  await db
    .update(partnerAgreements)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(partnerAgreements.id, id));
}

/** Deletes an agreement. */
export async function deleteAgreementRow(db: Db, id: number): Promise<void> {
  await db.delete(partnerAgreements).where(eq(partnerAgreements.id, id));
}

/** The latest approved identification run of a region: its id and year; undefined when none. */
export async function findLatestApprovedRun(
  db: Db,
  regionId: number,
): Promise<{ id: number; year: number } | undefined> {
  const [row] = await db
    .select({ id: identificationRuns.id, year: identificationRuns.year })
    .from(identificationRuns)
    .where(and(eq(identificationRuns.regionId, regionId), eq(identificationRuns.status, "approved")))
    .orderBy(desc(identificationRuns.year), desc(identificationRuns.approvedAt), desc(identificationRuns.id))
    .limit(1);
  return row;
}

/** Each school's category in a run. */
export async function findRunCategoryMap(db: Db, runId: number) {
  const rows = await db
    .select({ schoolId: identificationResults.schoolId, category: identificationResults.category })
    .from(identificationResults)
    .where(eq(identificationResults.runId, runId));
  return new Map(rows.map((row) => [row.schoolId, row.category]));
}

/** A school of a region with its place: code, name, municipality, coordinates. */
export type SchoolPlace = {
  id: number;
  code: string;
  name: string;
  municipalityId: number;
  municipalityName: string;
  latitude: number | null;
  longitude: number | null;
};

/** Every school of a region with its place (for distances and names). */
export async function findRegionSchoolPlaces(db: Db, regionId: number): Promise<SchoolPlace[]> {
  return db
    .select({
      id: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipalityId: schools.municipalityId,
      municipalityName: municipalities.name,
      latitude: schools.latitude,
      longitude: schools.longitude,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(eq(schools.regionId, regionId))
    .orderBy(asc(schools.code));
}

/** The municipalities of a region the scope (a condition over `municipalities`) lets through, by name. */
export async function findMunicipalitiesInScope(db: Db, regionId: number, scope: SQL | undefined) {
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), scope))
    .orderBy(asc(municipalities.name));
}

/** Schools of a region by id with their region (to check a partner school). */
export async function findSchoolRegions(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ id: schools.id, regionId: schools.regionId })
    .from(schools)
    .where(inArray(schools.id, ids));
  return new Map(rows.map((row) => [row.id, row.regionId]));
}
