import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { resolveActorRegionId } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findLatestApprovedRunYear } from "../addressed/addressed.repo";
import { findProgrammeSchools, findScopedMunicipalities } from "../causes/registry.repo";
import { findRegionName } from "../hierarchy/hierarchy.repo";

/** The programme schools of a year the actor may see, and the territory they belong to. */
export type ProgrammeScope = {
  regionId: number;
  year: number;
  territory: string;
  municipalityId: number | null;
  municipalityOptions: { id: number; name: string }[];
  schoolIds: number[];
};

/**
 * The programme year people mean by default: the one after the region's latest approved
 * identification run (the run of 2025 starts the programmes of 2025/26, year 2026).
 */
async function defaultYear(db: Db, regionId: number): Promise<number> {
  const runYear = await findLatestApprovedRunYear(db, regionId);
  if (runYear !== null) return runYear + 1;
  const now = new Date();
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/**
 * The programme schools of programme year Y — those the newest approved identification run of Y−1
 * listed — within the actor's scope (the region, a МОЦ's municipality, a school itself, a mentor's
 * assigned schools), optionally of one municipality of the actor's scope (another is 404).
 */
export async function resolveProgrammeScope(
  db: Db,
  actor: Actor,
  query: { year?: number; municipalityId?: number; regionId?: number },
): Promise<ProgrammeScope> {
  const regionId = resolveActorRegionId(actor, query.regionId);
  const options = await findScopedMunicipalities(db, regionId, municipalityScope(actor));
  const chosen =
    query.municipalityId === undefined ? undefined : options.find((m) => m.id === query.municipalityId);
  if (query.municipalityId !== undefined && !chosen) throw notFound("Муниципалитет");
  const single =
    chosen ?? (options.length === 1 && actor.role === "moc_coordinator" ? options[0] : undefined);
  const year = query.year ?? (await defaultYear(db, regionId));
  const programme = await findProgrammeSchools(db, {
    regionId,
    years: [year - 1],
    scope: schoolScope(actor),
    municipalityId: single?.id,
  });
  return {
    regionId,
    year,
    territory: single?.name ?? (await findRegionName(db, regionId)) ?? "",
    municipalityId: single?.id ?? null,
    municipalityOptions: options,
    schoolIds: [...new Set(programme.map((row) => row.schoolId))],
  };
}
