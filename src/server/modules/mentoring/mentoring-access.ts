import { and, eq } from "drizzle-orm";
import type { MentorRow } from "../../../shared/mentoring-api";
import { municipalities } from "../../db/schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** Who reads the mentors registry and the candidates: the МОЦ and the region (mentoring.manage), the federal operator. */
export function requireMentorReader(actor: Actor): void {
  if (actor.role !== "federal_operator" && !can(actor, "mentoring.manage")) {
    throw new AppError("forbidden", "Реестр наставников ведут МОЦ и регион");
  }
}

/** The region and (for a МОЦ always) the municipality a request works in; a municipality outside is 404. */
export async function resolvePlace(
  db: Db,
  actor: Actor,
  q: { regionId?: number; municipalityId?: number },
): Promise<{ regionId: number; municipalityId: number | null }> {
  const regionId = resolveActorRegionId(actor, q.regionId);
  if (actor.role === "moc_coordinator") {
    if (q.municipalityId !== undefined && q.municipalityId !== actor.municipalityId)
      throw notFound("Муниципалитет");
    if (actor.municipalityId === null) throw notFound("Муниципалитет");
    return { regionId, municipalityId: actor.municipalityId };
  }
  if (q.municipalityId === undefined) return { regionId, municipalityId: null };
  const [row] = await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(and(eq(municipalities.id, q.municipalityId), eq(municipalities.regionId, regionId)));
  if (!row) throw notFound("Муниципалитет");
  return { regionId, municipalityId: row.id };
}

/** Whether the actor manages mentors of a municipality: a МОЦ its own, the region's users their region's. */
export function ownsMunicipality(actor: Actor, regionId: number, municipalityId: number): boolean {
  if (actor.role === "moc_coordinator") return actor.municipalityId === municipalityId;
  return actor.regionId === regionId;
}

/** A mentor row as the repo reads it: what the actor may do with it is added by presentMentor. */
export type StoredMentor = Omit<MentorRow, "isOtherMunicipality" | "canEdit"> & {
  lat: number | null;
  lon: number | null;
};

/**
 * A mentor as the actor sees it: without coordinates, marked «другой муниципалитет» for a МОЦ when it
 * is another district's (the matching may use them, the МОЦ does not edit them), editable by those
 * who manage its municipality.
 */
export function presentMentor(actor: Actor, { lat: _a, lon: _b, ...row }: StoredMentor): MentorRow {
  return {
    ...row,
    isOtherMunicipality: actor.role === "moc_coordinator" && actor.municipalityId !== row.municipalityId,
    canEdit: can(actor, "mentoring.manage") && ownsMunicipality(actor, row.regionId, row.municipalityId),
  };
}
