import { buildCauseRegistry, type RegistryEntry } from "../../../core/causes";
import type { CauseRegistryView, RegistryQuery } from "../../../shared/school-causes-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission, resolveActorRegionId } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findRegionName } from "../hierarchy/hierarchy.repo";
import { findFactors } from "./factor.repo";
import {
  findConfirmedCodes,
  findProgrammeSchools,
  findRegistrySchools,
  findScopedMunicipalities,
  type RegistryFilter,
} from "./registry.repo";

/** The registry's entries: every programme school and every school with a confirmed cause, per year. */
async function registryEntries(db: Db, filter: RegistryFilter): Promise<RegistryEntry[]> {
  const [programme, confirmed] = await Promise.all([
    findProgrammeSchools(db, filter),
    findConfirmedCodes(db, filter),
  ]);
  const keyOf = (schoolId: number, year: number) => `${schoolId}:${year}`;
  const causes = new Map<string, { schoolId: number; year: number; codes: string[] }>();
  for (const row of programme) causes.set(keyOf(row.schoolId, row.year), { ...row, codes: [] });
  for (const row of confirmed) {
    const key = keyOf(row.schoolId, row.year);
    const entry = causes.get(key) ?? { schoolId: row.schoolId, year: row.year, codes: [] };
    entry.codes.push(row.code);
    causes.set(key, entry);
  }
  const ids = [...new Set([...causes.values()].map((entry) => entry.schoolId))];
  const schools = new Map((await findRegistrySchools(db, filter, ids)).map((row) => [row.schoolId, row]));
  return [...causes.values()].flatMap((entry) => {
    const school = schools.get(entry.schoolId);
    return school ? [{ ...school, year: entry.year, causeCodes: entry.codes }] : [];
  });
}

/**
 * The registry of causes of a year (реестр причин): per cause, the programme schools it is confirmed
 * for, their share and the change from the previous year, for the territory and each municipality.
 * Scoped: the region (and a federal operator) sees every municipality, a МОЦ its own; a school, a
 * mentor or a specialist is refused (403). `municipalityId` narrows it to one municipality in scope.
 * The programme schools of a year are those of the region's latest approved identification run of
 * that year, together with any school whose causes were confirmed that year.
 */
export async function getCauseRegistry({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: RegistryQuery;
}): Promise<CauseRegistryView> {
  requirePermission(actor, "municipality.read");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const options = await findScopedMunicipalities(db, regionId, municipalityScope(actor));
  const chosen =
    query.municipalityId === undefined ? undefined : options.find((m) => m.id === query.municipalityId);
  if (query.municipalityId !== undefined && !chosen) throw notFound("Муниципалитет");
  const single =
    chosen ?? (options.length === 1 && actor.role === "moc_coordinator" ? options[0] : undefined);
  const filter: RegistryFilter = {
    regionId,
    years: [query.year - 1, query.year],
    scope: schoolScope(actor),
    municipalityId: single?.id,
  };
  const [entries, factors, regionName] = await Promise.all([
    registryEntries(db, filter),
    findFactors(db, regionId),
    findRegionName(db, regionId),
  ]);
  const territory = single?.name ?? regionName ?? "";
  const registry = buildCauseRegistry({
    entries,
    year: query.year,
    factors: factors.map((row) => row.definition),
    regionName: territory,
  });
  return { ...registry, territory, municipalityId: single?.id ?? null, municipalityOptions: options };
}
