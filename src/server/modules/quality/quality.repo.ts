import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import {
  causeFactors,
  confirmedCauses,
  indicators,
  indicatorVersions,
  mocReports,
  monitoringReports,
  monitoringTemplates,
  municipalities,
  planCheckIns,
  plans,
  planVersions,
  schoolDecisions,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A МОЦ report as stored, with its municipality's name. */
export type MocReportRow = typeof mocReports.$inferSelect & { municipalityName: string };

const reportColumns = {
  id: mocReports.id,
  regionId: mocReports.regionId,
  municipalityId: mocReports.municipalityId,
  year: mocReports.year,
  title: mocReports.title,
  sections: mocReports.sections,
  recommendations: mocReports.recommendations,
  sourceFileName: mocReports.sourceFileName,
  createdBy: mocReports.createdBy,
  updatedBy: mocReports.updatedBy,
  updatedByName: mocReports.updatedByName,
  createdAt: mocReports.createdAt,
  updatedAt: mocReports.updatedAt,
  municipalityName: municipalities.name,
};

/** The МОЦ reports of a region's year, within the scope condition (over `municipalities`), by municipality. */
export async function findMocReports(
  db: Db,
  filter: { regionId: number; year: number; scope: SQL | undefined },
): Promise<MocReportRow[]> {
  return db
    .select(reportColumns)
    .from(mocReports)
    .innerJoin(municipalities, eq(municipalities.id, mocReports.municipalityId))
    .where(and(eq(mocReports.regionId, filter.regionId), eq(mocReports.year, filter.year), filter.scope))
    .orderBy(asc(municipalities.name));
}

/** One МОЦ report, or undefined. */
export async function findMocReportById(db: Db, id: number): Promise<MocReportRow | undefined> {
  const [row] = await db
    .select(reportColumns)
    .from(mocReports)
    .innerJoin(municipalities, eq(municipalities.id, mocReports.municipalityId))
    .where(eq(mocReports.id, id));
  return row;
}

/** The report of a municipality's year, if there is one. */
export async function findMocReportId(
  db: Db,
  municipalityId: number,
  year: number,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: mocReports.id })
    .from(mocReports)
    .where(and(eq(mocReports.municipalityId, municipalityId), eq(mocReports.year, year)));
  return row?.id;
}

/** Inserts a МОЦ report; returns its id. */
export async function insertMocReport(db: Db, row: typeof mocReports.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(mocReports).values(row).returning({ id: mocReports.id });
  if (!inserted) throw new Error("insert moc_reports returned nothing");
  return inserted.id;
}

/** Changes a МОЦ report. */
export async function updateMocReportRow(
  db: Db,
  id: number,
  patch: Partial<typeof mocReports.$inferInsert>,
): Promise<void> {
  await db
    .update(mocReports)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(mocReports.id, id));
}

/** Deletes a МОЦ report. */
export async function deleteMocReportRow(db: Db, id: number): Promise<void> {
  await db.delete(mocReports).where(eq(mocReports.id, id));
}

/** The region's catalogue indicators (not retired): code and current name. */
export async function findIndicatorOptions(
  db: Db,
  regionId: number,
): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: indicators.code, name: indicatorVersions.name })
    .from(indicators)
    .innerJoin(indicatorVersions, eq(indicatorVersions.id, indicators.currentVersionId))
    .where(and(eq(indicators.regionId, regionId), eq(indicators.isRetired, false)))
    .orderBy(asc(indicators.code));
}

/** A confirmed cause with its school and factor named. */
export type CauseOption = {
  id: number;
  schoolName: string;
  title: string;
  municipalityId: number;
  year: number;
};

const causeColumns = {
  id: confirmedCauses.id,
  schoolName: schools.shortName,
  factor: causeFactors.definition,
  municipalityId: schools.municipalityId,
  year: confirmedCauses.year,
};

function toCauseOption(row: {
  id: number;
  schoolName: string;
  factor: { title: string };
  municipalityId: number;
  year: number;
}): CauseOption {
  return { ...row, title: row.factor.title };
}

/** The causes confirmed for a municipality's schools in a school year or the one before. */
export async function findCauseOptions(db: Db, municipalityId: number, year: number): Promise<CauseOption[]> {
  const rows = await db
    .select(causeColumns)
    .from(confirmedCauses)
    .innerJoin(schools, eq(schools.id, confirmedCauses.schoolId))
    .innerJoin(causeFactors, eq(causeFactors.id, confirmedCauses.factorId))
    .where(and(eq(schools.municipalityId, municipalityId), inArray(confirmedCauses.year, [year, year - 1])))
    .orderBy(asc(schools.shortName), asc(confirmedCauses.id));
  return rows.map(toCauseOption);
}

/** Confirmed causes by id. */
export async function findCausesByIds(db: Db, ids: readonly number[]): Promise<CauseOption[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(causeColumns)
    .from(confirmedCauses)
    .innerJoin(schools, eq(schools.id, confirmedCauses.schoolId))
    .innerJoin(causeFactors, eq(causeFactors.id, confirmedCauses.factorId))
    .where(inArray(confirmedCauses.id, [...ids]));
  return rows.map(toCauseOption);
}

/** A school programme of a region's year with its current content and its school. */
export type ProgrammeTextRow = {
  planId: number;
  schoolId: number;
  schoolName: string;
  municipalityId: number;
  content: (typeof planVersions.$inferSelect)["content"];
};

/** The school programmes (school-level plans) of a region's year, each with its current version. */
export async function findProgrammeTexts(
  db: Db,
  regionId: number,
  year: number,
): Promise<ProgrammeTextRow[]> {
  return db
    .select({
      planId: plans.id,
      schoolId: schools.id,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
      content: planVersions.content,
    })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .innerJoin(schools, eq(schools.id, plans.schoolId))
    .where(and(eq(plans.regionId, regionId), eq(plans.year, year), eq(plans.level, "school")))
    .orderBy(asc(plans.id));
}

/** The check-ins of the school programmes of a region's year: what was done, as the execution report lists it. */
export async function findExecutionTexts(
  db: Db,
  regionId: number,
  year: number,
): Promise<{ planId: number; schoolId: number; schoolName: string; municipalityId: number; text: string }[]> {
  return db
    .select({
      planId: plans.id,
      schoolId: schools.id,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
      text: sql<string>`${planCheckIns.text} || ' ' || ${planCheckIns.evidenceText}`,
    })
    .from(planCheckIns)
    .innerJoin(plans, eq(plans.id, planCheckIns.planId))
    .innerJoin(schools, eq(schools.id, plans.schoolId))
    .where(and(eq(plans.regionId, regionId), eq(plans.year, year), eq(plans.level, "school")))
    .orderBy(asc(plans.id), asc(planCheckIns.doneOn), asc(planCheckIns.id));
}

/** The narratives («аналитическая справка») of the schools' monitoring reports of a programme year, not empty. */
export async function findMonitoringNarratives(
  db: Db,
  regionId: number,
  year: number,
): Promise<{ reportId: number; stage: string; schoolName: string; municipalityId: number; text: string }[]> {
  return db
    .select({
      reportId: monitoringReports.id,
      stage: monitoringReports.stage,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
      text: monitoringReports.narrative,
    })
    .from(monitoringReports)
    .innerJoin(schools, eq(schools.id, monitoringReports.schoolId))
    .where(
      and(
        eq(monitoringReports.regionId, regionId),
        eq(monitoringReports.year, year),
        sql`btrim(${monitoringReports.narrative}) <> ''`,
      ),
    )
    .orderBy(asc(monitoringReports.id));
}

/** The submitted or approved final monitoring reports of a region's programme years, with their schools. */
export async function findFinalMonitoringReports(db: Db, regionId: number, years: readonly number[]) {
  return db
    .select({
      reportId: monitoringReports.id,
      schoolId: monitoringReports.schoolId,
      year: monitoringReports.year,
      entries: monitoringReports.entries,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
    })
    .from(monitoringReports)
    .innerJoin(schools, eq(schools.id, monitoringReports.schoolId))
    .where(
      and(
        eq(monitoringReports.regionId, regionId),
        inArray(monitoringReports.year, [...years]),
        eq(monitoringReports.stage, "final"),
        inArray(monitoringReports.status, ["submitted", "approved"]),
      ),
    )
    .orderBy(asc(monitoringReports.id));
}

/** The region's current monitoring template (its newest version), if one was made. */
export async function findCurrentMonitoringTemplate(db: Db, regionId: number) {
  const [row] = await db
    .select({ content: monitoringTemplates.content })
    .from(monitoringTemplates)
    .where(eq(monitoringTemplates.regionId, regionId))
    .orderBy(desc(monitoringTemplates.version))
    .limit(1);
  return row?.content;
}

/** The standing decisions (proposed or approved, not returned) of a region's schools in the given years. */
export async function findStandingDecisions(db: Db, regionId: number, years: readonly number[]) {
  return db
    .select({ schoolId: schoolDecisions.schoolId, year: schoolDecisions.year, kind: schoolDecisions.kind })
    .from(schoolDecisions)
    .where(
      and(
        eq(schoolDecisions.regionId, regionId),
        inArray(schoolDecisions.year, [...years]),
        inArray(schoolDecisions.status, ["proposed", "approved"]),
      ),
    );
}

/** The region of a municipality, if it exists. */
export async function findMunicipalityPlace(
  db: Db,
  municipalityId: number,
): Promise<{ regionId: number; name: string } | undefined> {
  const [row] = await db
    .select({ regionId: municipalities.regionId, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}
