import { and, desc, eq, inArray } from "drizzle-orm";
import {
  buildTable2,
  computeRule,
  criterionMeans,
  EMPTY_FACTS,
  type SchoolRecord,
  type YearBases,
} from "../../../core/monitoring";
import type { Table2View } from "../../../shared/monitoring-api";
import { identificationRuns, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission, resolveActorRegionId } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findProgrammeSchools, findScopedMunicipalities } from "../causes/registry.repo";
import { findSchoolFacts } from "./facts.repo";
import { countRegion, findRegionName, findReportsOfSchools } from "./monitoring.repo";
import { isFrozen } from "./report-view";
import { ensureCurrentTemplate } from "./template.service";

/** The programme years the region has (the years after its approved identification runs), newest first. */
export async function findProgrammeYears(db: Db, regionId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: identificationRuns.year })
    .from(identificationRuns)
    .where(and(eq(identificationRuns.regionId, regionId), eq(identificationRuns.status, "approved")))
    .orderBy(desc(identificationRuns.year));
  return rows.map((r) => r.year + 1);
}

/**
 * The territory a МОЦ or the region works in: the region (resolved for a federal operator) and a
 * municipality — the chosen one, which must be in the actor's scope, or a МОЦ's own.
 */
export async function resolveTerritory(
  db: Db,
  actor: Actor,
  query: { regionId?: number; municipalityId?: number },
): Promise<{ regionId: number; municipality: { id: number; name: string } | undefined }> {
  requirePermission(actor, "municipality.read");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const options = await findScopedMunicipalities(db, regionId, municipalityScope(actor));
  if (query.municipalityId !== undefined) {
    const chosen = options.find((m) => m.id === query.municipalityId);
    if (!chosen) throw notFound("Муниципалитет");
    return { regionId, municipality: chosen };
  }
  const own = actor.role === "moc_coordinator" ? options[0] : undefined;
  if (actor.role === "moc_coordinator" && !own) throw notFound("Муниципалитет");
  return { regionId, municipality: own };
}

async function countTerritory(db: Db, regionId: number, municipalityId: number | undefined) {
  if (municipalityId === undefined) return countRegion(db, regionId);
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.regionId, regionId), eq(schools.municipalityId, municipalityId)));
  return { schools: rows.length, municipalities: 1 };
}

/**
 * Table 2 of the region (or of one municipality) for two or more programme years: for the programme
 * schools of each year Y (the newest approved identification run of Y−1), each indicator's count and
 * whole percent of its base, and the change between the years. A school's final report counts once it
 * is submitted or approved, with the values it was submitted with; for a school whose final report is
 * not (yet) submitted, the computed indicators are computed from today's data and the reported ones
 * count as not reported. The rows follow the region's current template. For the documents helper's
 * regional report too.
 */
export async function buildRegionTable2(
  db: Db,
  actor: Actor,
  query: { regionId?: number; years: readonly number[]; municipalityId?: number },
): Promise<Table2View> {
  const territory = await resolveTerritory(db, actor, query);
  const { regionId } = territory;
  const years = [...new Set(query.years)].sort((a, b) => a - b);
  const template = await db.transaction((tx) => ensureCurrentTemplate(tx, actor, regionId));
  const programme = await findProgrammeSchools(db, {
    regionId,
    years: years.map((y) => y - 1),
    scope: schoolScope(actor),
    municipalityId: territory.municipality?.id,
  });
  const ids = [...new Set(programme.map((p) => p.schoolId))];
  const [reports, schoolRows, counts, regionName] = await Promise.all([
    findReportsOfSchools(db, ids, years, "final"),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: schools.id, municipalityId: schools.municipalityId })
          .from(schools)
          .where(inArray(schools.id, ids)),
    countTerritory(db, regionId, territory.municipality?.id),
    findRegionName(db, regionId),
  ]);
  const municipalityOf = new Map(schoolRows.map((s) => [s.id, s.municipalityId]));
  const reportOf = new Map(reports.map((r) => [`${r.schoolId}:${r.year}`, r]));
  const records: SchoolRecord[] = [];
  const reportsCounted: Table2View["reportsCounted"] = [];
  for (const year of years) {
    const yearIds = programme.filter((p) => p.year === year - 1).map((p) => p.schoolId);
    const facts = await findSchoolFacts(db, yearIds, year);
    let counted = 0;
    for (const schoolId of yearIds) {
      const report = reportOf.get(`${schoolId}:${year}`);
      const frozen = report !== undefined && isFrozen(report.status);
      if (frozen) counted++;
      const values = Object.fromEntries(
        template.content.indicators.map((ind) => {
          if (frozen) return [ind.code, report.entries[ind.code]?.value ?? null];
          if (ind.source.kind === "computed")
            return [ind.code, computeRule(ind.source.rule, facts.get(schoolId) ?? EMPTY_FACTS)];
          return [ind.code, null];
        }),
      );
      records.push({ year, schoolId, municipalityId: municipalityOf.get(schoolId) ?? 0, values });
    }
    reportsCounted.push({ year, reports: counted });
  }
  const bases: YearBases[] = years.map((year) => ({
    year,
    programme: programme.filter((p) => p.year === year - 1).length,
    region: counts.schools,
    municipalities: counts.municipalities,
  }));
  const table = buildTable2(records, template.content, bases);
  return {
    regionId,
    regionName,
    municipalityName: territory.municipality?.name ?? null,
    years: table.years,
    bases: table.bases,
    reportsCounted,
    rows: table.rows,
    criterionMeans: criterionMeans(table),
  };
}
