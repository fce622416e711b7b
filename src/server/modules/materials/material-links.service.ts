import type { MaterialLinkEntity } from "../../../core/materials";
import type { MaterialLinkList } from "../../../shared/materials-api";
import type { Permission } from "../../../shared/roles";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, canReadRegion, requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { toMaterialItem } from "./material-view";
import {
  deleteLinkRow,
  findLinkById,
  findLinkedMaterials,
  findLinkTarget,
  findMaterialById,
  insertLink,
} from "./materials.repo";

const TARGET_NAMES: Record<MaterialLinkEntity, string> = { measure: "Мера", course: "Курс", plan: "План" };

/**
 * The measure, course or plan a link is on, checked for the actor: of a region the actor reads (a
 * measure or a course is the region's, read by all of it); a plan also within the actor's scope (its
 * school, or its municipality for a road map). 404 otherwise, saying nothing.
 */
async function requireTarget(
  db: Db,
  actor: Actor,
  entity: MaterialLinkEntity,
  entityId: number,
  permission: Permission,
) {
  requirePermission(actor, permission);
  const target = await findLinkTarget(db, entity, entityId);
  if (!target || !canReadRegion(actor, target.regionId)) throw notFound(TARGET_NAMES[entity]);
  if (entity === "plan") {
    if (target.schoolId !== null) {
      await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [target.schoolId] });
    } else if (target.municipalityId !== null) {
      await requireMunicipalityAccess(db, {
        actor,
        permission: "school.read",
        municipalityIds: [target.municipalityId],
      });
    }
  }
  return target;
}

/** The materials linked from a measure, a course or a plan, for everyone who reads it. */
export async function listLinkedMaterials({
  db,
  actor,
  entity,
  entityId,
}: {
  db: Db;
  actor: Actor;
  entity: MaterialLinkEntity;
  entityId: number;
}): Promise<MaterialLinkList> {
  const target = await requireTarget(db, actor, entity, entityId, "school.read");
  const rows = await findLinkedMaterials(db, { entity, entityId, regionId: target.regionId });
  return {
    items: rows.map(({ linkId, row }) => ({ linkId, material: toMaterialItem(row, actor) })),
    permissions: { canLink: can(actor, "materials.write") && actor.regionId === target.regionId },
  };
}

/** Puts a material of the bank on a measure, a course or a plan of the same region (`materials.write`). */
export async function createMaterialLink({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { materialId: number; entity: MaterialLinkEntity; entityId: number };
}): Promise<{ linkId: number }> {
  const target = await requireTarget(db, actor, input.entity, input.entityId, "materials.write");
  if (actor.regionId !== target.regionId) throw notFound(TARGET_NAMES[input.entity]);
  const material = await findMaterialById(db, input.materialId);
  if (!material || material.regionId !== target.regionId) {
    const message = "Нет такого материала в банке региона";
    throw new AppError("invalid_input", message, [{ path: "materialId", message }]);
  }
  return db.transaction(async (tx) => {
    const linkId = await insertLink(tx, { ...input, createdBy: actor.userId || null });
    if (linkId === undefined) throw new AppError("conflict", "Материал уже привязан");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "material_link",
      entityId: linkId,
      after: input,
      regionId: target.regionId,
    });
    return { linkId };
  });
}

/** Takes a material off a measure, a course or a plan (`materials.write`). */
export async function deleteMaterialLink({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  requirePermission(actor, "materials.write");
  const link = await findLinkById(db, id);
  if (!link || link.regionId !== actor.regionId) throw notFound("Привязка");
  await requireTarget(db, actor, link.entity, link.entityId, "materials.write");
  await db.transaction(async (tx) => {
    await deleteLinkRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "material_link",
      entityId: id,
      before: { materialId: link.materialId, entity: link.entity, entityId: link.entityId },
      regionId: link.regionId,
    });
  });
  return { id };
}
