/** SQL of the monitoring: template versions, reports and their workflow steps, schools and bases. */
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import {
  monitoringReportEvents,
  monitoringReports,
  monitoringTemplates,
  municipalities,
  regions,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A stored template version. */
export type TemplateRow = typeof monitoringTemplates.$inferSelect;
/** A stored report. */
export type ReportRow = typeof monitoringReports.$inferSelect;

/** The region's template versions, newest first. */
export async function findTemplateVersions(db: Db, regionId: number): Promise<TemplateRow[]> {
  return db
    .select()
    .from(monitoringTemplates)
    .where(eq(monitoringTemplates.regionId, regionId))
    .orderBy(desc(monitoringTemplates.version));
}

/** One template version by id. */
export async function findTemplateById(db: Db, id: number): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(monitoringTemplates).where(eq(monitoringTemplates.id, id));
  return row;
}

/** Stores a template version; returns it. */
export async function insertTemplate(
  db: Db,
  row: typeof monitoringTemplates.$inferInsert,
): Promise<TemplateRow> {
  const [inserted] = await db.insert(monitoringTemplates).values(row).returning();
  if (!inserted) throw new Error("template not stored");
  return inserted;
}

/** A school's report for a year and stage. */
export async function findReport(
  db: Db,
  key: { schoolId: number; year: number; stage: ReportRow["stage"] },
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(monitoringReports)
    .where(
      and(
        eq(monitoringReports.schoolId, key.schoolId),
        eq(monitoringReports.year, key.year),
        eq(monitoringReports.stage, key.stage),
      ),
    );
  return row;
}

/** Stores a new report; returns it. */
export async function insertReport(db: Db, row: typeof monitoringReports.$inferInsert): Promise<ReportRow> {
  const [inserted] = await db.insert(monitoringReports).values(row).returning();
  if (!inserted) throw new Error("report not stored");
  return inserted;
}

/** Changes a report; returns it. */
export async function updateReport(
  db: Db,
  id: number,
  patch: Partial<typeof monitoringReports.$inferInsert>,
): Promise<ReportRow> {
  const [row] = await db
    .update(monitoringReports)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(monitoringReports.id, id))
    .returning();
  if (!row) throw new Error("report not updated");
  return row;
}

/** Records a workflow step. */
export async function insertReportEvent(
  db: Db,
  row: typeof monitoringReportEvents.$inferInsert,
): Promise<void> {
  await db.insert(monitoringReportEvents).values(row);
}

/** A report's workflow steps, oldest first. */
export async function findReportEvents(db: Db, reportId: number) {
  return db
    .select()
    .from(monitoringReportEvents)
    .where(eq(monitoringReportEvents.reportId, reportId))
    .orderBy(asc(monitoringReportEvents.at), asc(monitoringReportEvents.id));
}

/** The reports of the given schools for a year (all stages when none is given). */
export async function findReportsOfSchools(
  db: Db,
  schoolIds: readonly number[],
  years: readonly number[],
  stage?: ReportRow["stage"],
): Promise<ReportRow[]> {
  if (schoolIds.length === 0 || years.length === 0) return [];
  return db
    .select()
    .from(monitoringReports)
    .where(
      and(
        inArray(monitoringReports.schoolId, [...schoolIds]),
        inArray(monitoringReports.year, [...years]),
        stage === undefined ? undefined : eq(monitoringReports.stage, stage),
      ),
    );
}

/** A school with its region, municipality and names, within the scope; undefined when outside it. */
export async function findScopedSchool(db: Db, schoolId: number, scope: SQL | undefined) {
  const [row] = await db
    .select({
      schoolId: schools.id,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
      schoolName: schools.shortName,
      fullName: schools.fullName,
      municipalityName: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(and(eq(schools.id, schoolId), scope));
  return row;
}

/** Names and municipalities of schools by id, by municipality then name. */
export async function findSchoolNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: schools.id,
      schoolCode: schools.code,
      schoolName: schools.shortName,
      municipalityId: schools.municipalityId,
      municipalityName: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(inArray(schools.id, [...ids]))
    .orderBy(asc(municipalities.name), asc(schools.shortName));
}

/** The number of schools and of municipalities of the region (the bases of 1.2 and 1.1). */
export async function countRegion(
  db: Db,
  regionId: number,
): Promise<{ schools: number; municipalities: number }> {
  const [s] = await db.select({ n: count() }).from(schools).where(eq(schools.regionId, regionId));
  const [m] = await db
    .select({ n: count() })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return { schools: s?.n ?? 0, municipalities: m?.n ?? 0 };
}

/** The region's name. */
export async function findRegionName(db: Db, regionId: number): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row?.name ?? "";
}
