import type { Db } from "../../platform/db";
import { AppError, forbidden, notFound } from "../../platform/errors";
import { can, requireReadableRegion } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { regionExists } from "./analytics.repo";

/**
 * Where an analysis runs and whose rows the actor sees. The model is always fitted on the whole
 * region; `municipalityId` limits the returned rows (a МОЦ coordinator sees its municipality's schools).
 */
export type AnalyticsScope = { regionId: number; municipalityId: number | null };

/**
 * Access to the contextual model and the clusters: region roles (permission analytics.run) see the
 * whole region (a federal operator names it); a МОЦ coordinator sees its municipality's rows of a
 * model fitted on its region; everyone else gets 403.
 */
export async function resolveAnalyticsScope(
  db: Db,
  actor: Actor,
  regionId?: number,
): Promise<AnalyticsScope> {
  const isRegionWide = can(actor, "analytics.run");
  const isMoc = actor.role === "moc_coordinator" && actor.municipalityId !== null;
  if (!isRegionWide && !isMoc) throw forbidden("Аналитика доступна региональным ролям и координаторам МОЦ");
  if (actor.regionId !== null && regionId !== undefined && regionId !== actor.regionId)
    throw notFound("Регион");
  const id = actor.regionId ?? regionId;
  if (id === undefined) {
    throw new AppError("invalid_input", "Выберите регион", [
      { path: "regionId", message: "Выберите регион" },
    ]);
  }
  requireReadableRegion(actor, id);
  if (!(await regionExists(db, id))) throw notFound("Регион");
  return { regionId: id, municipalityId: isRegionWide ? null : actor.municipalityId };
}
