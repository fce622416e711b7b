import type { Permission } from "../../../shared/roles";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission, resolveActorRegionId } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findSchoolInScope, type SchoolRow } from "../hierarchy/school.repo";
import type { ChangedBy } from "./response.repo";

/**
 * The region a causes request works in: the actor's own, or for a federal operator the one named
 * (which it must be allowed to read). Checks the permission first.
 */
export function causesRegion(actor: Actor, permission: Permission, regionId?: number): number {
  requirePermission(actor, permission);
  return resolveActorRegionId(actor, regionId);
}

/**
 * A school the actor may act on with the permission: 403 without the permission, 404 when the school
 * is out of the actor's scope (nothing is said about whether it exists).
 */
export async function requireCausesSchool(
  db: Db,
  actor: Actor,
  schoolId: number,
  permission: Permission,
): Promise<SchoolRow> {
  await requireSchoolAccess(db, { actor, permission, schoolIds: [schoolId] });
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  return school;
}

/** The school as causes answers name it. */
export function schoolRef(school: SchoolRow) {
  return {
    id: school.id,
    code: school.code,
    name: school.shortName,
    municipalityId: school.municipalityId,
    municipalityName: school.municipalityName,
  };
}

/** Who makes a change, as the causes tables keep it. */
export function changedBy(actor: Actor): ChangedBy {
  return { userId: actor.userId > 0 ? actor.userId : null, name: actor.fullName };
}
