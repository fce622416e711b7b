import type { Me } from "../../../shared/api";
import { PERMISSIONS } from "../../../shared/roles";
import type { Db } from "../../platform/db";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findMunicipalityName, findRegionName } from "../hierarchy/hierarchy.repo";

/** The signed-in user's profile with computed permissions, for the UI. */
export async function getMe({
  db,
  actor,
  csrfToken,
}: {
  db: Db;
  actor: Actor;
  csrfToken: string;
}): Promise<Me> {
  return {
    id: actor.userId,
    login: actor.login,
    fullName: actor.fullName,
    role: actor.role,
    regionId: actor.regionId,
    regionName: actor.regionId === null ? null : await findRegionName(db, actor.regionId),
    municipalityId: actor.municipalityId,
    municipalityName:
      actor.municipalityId === null ? null : await findMunicipalityName(db, actor.municipalityId),
    schoolId: actor.schoolId,
    permissions: PERMISSIONS.filter((p) => can(actor, p)),
    csrfToken,
    isDemo: actor.isDemo,
  };
}
