import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  causeFactors,
  confirmedCauses,
  identificationResults,
  identificationRuns,
  municipalities,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** Which schools a registry counts: a region's, within the actor's scope, optionally one municipality's. */
export type RegistryFilter = {
  regionId: number;
  years: readonly number[];
  scope: SQL | undefined;
  municipalityId?: number;
};

function schoolFilter(filter: RegistryFilter): SQL | undefined {
  return and(
    eq(schools.regionId, filter.regionId),
    filter.scope,
    filter.municipalityId === undefined ? undefined : eq(schools.municipalityId, filter.municipalityId),
  );
}

const latestRun = alias(identificationRuns, "latest_run");

/**
 * The programme schools (ШНРО, ШФНСУ or both) of each year: the schools so categorised by the region's
 * latest approved identification run of that year — the list the region made official.
 */
export async function findProgrammeSchools(db: Db, filter: RegistryFilter) {
  if (filter.years.length === 0) return [];
  const newestApproved = db
    .select({ id: latestRun.id })
    .from(latestRun)
    .where(
      and(
        eq(latestRun.regionId, identificationRuns.regionId),
        eq(latestRun.year, identificationRuns.year),
        eq(latestRun.status, "approved"),
      ),
    )
    .orderBy(desc(latestRun.approvedAt), desc(latestRun.id))
    .limit(1);
  return db
    .select({ schoolId: identificationResults.schoolId, year: identificationRuns.year })
    .from(identificationResults)
    .innerJoin(identificationRuns, eq(identificationRuns.id, identificationResults.runId))
    .innerJoin(schools, eq(schools.id, identificationResults.schoolId))
    .where(
      and(
        eq(identificationRuns.regionId, filter.regionId),
        inArray(identificationRuns.year, [...filter.years]),
        eq(identificationRuns.status, "approved"),
        sql`${identificationRuns.id} = (${newestApproved})`,
        inArray(identificationResults.category, ["shnro", "shfnsu", "both"]),
        schoolFilter(filter),
      ),
    );
}

/** The confirmed causes (factor codes) of the schools of the filter, by school and year. */
export async function findConfirmedCodes(db: Db, filter: RegistryFilter) {
  if (filter.years.length === 0) return [];
  return db
    .select({ schoolId: confirmedCauses.schoolId, year: confirmedCauses.year, code: causeFactors.code })
    .from(confirmedCauses)
    .innerJoin(causeFactors, eq(causeFactors.id, confirmedCauses.factorId))
    .innerJoin(schools, eq(schools.id, confirmedCauses.schoolId))
    .where(and(inArray(confirmedCauses.year, [...filter.years]), schoolFilter(filter)));
}

/** Names and municipalities of schools of the filter, by id. */
export async function findRegistrySchools(db: Db, filter: RegistryFilter, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: schools.id,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
      municipalityName: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(and(inArray(schools.id, [...ids]), schoolFilter(filter)));
}

/** The municipalities of a region in the actor's scope, by name. */
export async function findScopedMunicipalities(db: Db, regionId: number, scope: SQL | undefined) {
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), scope))
    .orderBy(asc(municipalities.name));
}
