import { DEFAULT_DEFICIT_SCALE, type DeficitScale, readDeficitScale } from "../../../core/teachers";
import type { DeficitScaleAnswer } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import { forbidden } from "../../platform/errors";
import { can, REGION_WIDE_ROLES, requirePermission, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findDeficitScale, upsertDeficitScale } from "./teacher-sources.repo";

/** The region's deficit scale: its own, or the core's default (below 50 deficit, 50–69 partial, 70+ mastered). */
export async function regionScale(db: Db, regionId: number): Promise<DeficitScale> {
  const stored = await findDeficitScale(db, regionId);
  return stored === null ? DEFAULT_DEFICIT_SCALE : readDeficitScale(stored);
}

/** Only the region's operator (a region-wide role with teachers.write) sets the scale. */
function canEditScale(actor: Actor): boolean {
  return REGION_WIDE_ROLES.includes(actor.role) && can(actor, "teachers.write");
}

/** The region's deficit scale, for anyone of the region (a federal operator names the region). */
export async function getDeficitScale({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<DeficitScaleAnswer> {
  requirePermission(actor, "school.read");
  const region = resolveActorRegionId(actor, regionId);
  const stored = await findDeficitScale(db, region);
  return {
    regionId: region,
    scale: stored === null ? DEFAULT_DEFICIT_SCALE : readDeficitScale(stored),
    isDefault: stored === null,
    permissions: { canEdit: canEditScale(actor) },
  };
}

/** Sets the region's deficit scale (the regional operator: region admin or analyst). */
export async function setDeficitScale({
  db,
  actor,
  scale,
}: {
  db: Db;
  actor: Actor;
  scale: DeficitScale;
}): Promise<DeficitScaleAnswer> {
  requirePermission(actor, "teachers.write");
  if (!canEditScale(actor)) throw forbidden("Уровни дефицитов устанавливает региональный оператор");
  const region = resolveActorRegionId(actor);
  const before = await findDeficitScale(db, region);
  await db.transaction(async (tx) => {
    await upsertDeficitScale(tx, region, scale, actor.userId > 0 ? actor.userId : null);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "deficit_scale",
      entityId: region,
      before,
      after: scale,
      regionId: region,
    });
  });
  return getDeficitScale({ db, actor });
}
