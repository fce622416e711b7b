import type { MaterialLevel } from "../../../core/materials";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** Where a material belongs: its region, level, and for a municipal or school one its municipality. */
export type MaterialPlace = { regionId: number; level: MaterialLevel; municipalityId: number | null };

/** Why a write of a material is refused: no right (403), or the material is out of the actor's reach (404). */
export type MaterialRefusal = "forbidden" | "not_found";

/**
 * Who writes which materials of the bank (`materials.write`): the region's roles every material of
 * their region; a МОЦ only municipal and school materials of its own municipality; nobody another
 * region's. A federal operator and a school have no right. Null when the write is allowed.
 */
export function refuseMaterialWrite(actor: Actor, place: MaterialPlace): MaterialRefusal | null {
  if (!can(actor, "materials.write")) return "forbidden";
  if (actor.regionId !== place.regionId) return "not_found";
  if (actor.role === "region_admin" || actor.role === "region_analyst") return null;
  if (actor.role === "moc_coordinator") {
    if (place.level !== "municipal" && place.level !== "school") return "forbidden";
    return place.municipalityId !== null && place.municipalityId === actor.municipalityId
      ? null
      : "not_found";
  }
  return "forbidden";
}

/** True when the actor may change or delete the material. */
export function canEditMaterial(actor: Actor, place: MaterialPlace): boolean {
  return refuseMaterialWrite(actor, place) === null;
}
