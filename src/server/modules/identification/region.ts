import { AppError, notFound } from "../../platform/errors";
import { REGION_WIDE_ROLES } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** The region the actor works in; a federal operator names one. */
export function resolveRegionId(actor: Actor, regionId?: number): number {
  const id = actor.regionId ?? regionId;
  if (id === undefined || id === null) {
    throw new AppError("invalid_input", "Укажите регион", [{ path: "regionId", message: "Обязательно" }]);
  }
  return id;
}

/** True for the actors who see a whole region's runs, approved or not: region roles and the federal operator. */
export function isRegionReader(actor: Actor): boolean {
  return actor.role === "federal_operator" || REGION_WIDE_ROLES.includes(actor.role);
}

/** 404 unless the actor works in this region (a federal operator works in every region). */
export function requireRegion(actor: Actor, regionId: number, what = "Объект"): void {
  if (actor.role !== "federal_operator" && actor.regionId !== regionId) throw notFound(what);
}
