import type { MonitoringStage } from "../../../core/monitoring";
import type { ReportList } from "../../../shared/monitoring-api";
import type { Db } from "../../platform/db";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findProgrammeSchools } from "../causes/registry.repo";
import { findReportsOfSchools, findSchoolNames } from "./monitoring.repo";
import { findProgrammeYears, resolveTerritory } from "./table2.service";

/**
 * The programme schools of a year (the region's, a municipality's, a МОЦ's own) with the state of
 * their reports of the stage; the year defaults to the newest programme year. For the МОЦ and the region.
 */
export async function listReports({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { year?: number; stage: MonitoringStage; regionId?: number; municipalityId?: number };
}): Promise<ReportList> {
  const territory = await resolveTerritory(db, actor, query);
  const years = await findProgrammeYears(db, territory.regionId);
  const year = query.year ?? years[0] ?? new Date().getUTCFullYear();
  const programme = await findProgrammeSchools(db, {
    regionId: territory.regionId,
    years: [year - 1],
    scope: schoolScope(actor),
    municipalityId: territory.municipality?.id,
  });
  const ids = programme.map((p) => p.schoolId);
  const [names, reports] = await Promise.all([
    findSchoolNames(db, ids),
    findReportsOfSchools(db, ids, [year], query.stage),
  ]);
  const reportOf = new Map(reports.map((r) => [r.schoolId, r]));
  return {
    regionId: territory.regionId,
    year,
    stage: query.stage,
    years,
    items: names.map((s) => {
      const report = reportOf.get(s.schoolId);
      return {
        schoolId: s.schoolId,
        schoolCode: s.schoolCode,
        schoolName: s.schoolName,
        municipalityName: s.municipalityName,
        reportId: report?.id ?? null,
        status: report?.status ?? "none",
        updatedAt: report?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}
