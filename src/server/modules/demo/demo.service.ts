import { type DemoRegion, generateDemoRegion } from "../../../core/demo";
import type { Db } from "../../platform/db";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";
import { setSetting } from "../system/settings.repo";
import { insertUser, replaceAssignments } from "../users/user.repo";
import {
  deleteRegionCascade,
  deleteUsersByLogin,
  findRegionIdByCode,
  insertMocWithStaff,
  insertMunicipalities,
  insertRegion,
  insertSchools,
} from "./demo.repo";

/** What was loaded. */
export type DemoLoadSummary = { regionId: number; municipalities: number; schools: number; users: number };

function requireId(map: Map<string, number>, code: string | undefined, what: string): number {
  const id = code === undefined ? undefined : map.get(code);
  if (id === undefined) throw new Error(`Демо-данные: не найден ${what} «${code}»`);
  return id;
}

/**
 * Loads (or reloads) the generated demo region in one transaction: deletes a previous demo region
 * with the same code, inserts the hierarchy, МОЦ staff and demo users, marks the installation as demo.
 */
export async function loadDemoRegion({
  db,
  actor = SYSTEM_ACTOR,
  demo = generateDemoRegion(),
}: {
  db: Db;
  actor?: Actor;
  demo?: DemoRegion;
}): Promise<DemoLoadSummary> {
  const hashes = await Promise.all(demo.users.map((u) => hashPassword(u.password)));
  return db.transaction(async (tx) => {
    const previous = await findRegionIdByCode(tx, demo.region.code);
    if (previous !== undefined) await deleteRegionCascade(tx, previous);
    await deleteUsersByLogin(
      tx,
      demo.users.map((u) => u.login),
    );
    const regionId = await insertRegion(tx, { ...demo.region, isDemo: true });
    const muni = await insertMunicipalities(
      tx,
      demo.municipalities.map((m) => ({ ...m, regionId })),
    );
    const schoolIds = await insertSchools(
      tx,
      demo.schools.map(({ municipalityCode, ...s }) => ({
        ...s,
        regionId,
        municipalityId: requireId(muni, municipalityCode, "муниципалитет"),
      })),
    );
    for (const moc of demo.mocs) {
      const municipalityId = requireId(muni, moc.municipalityCode, "муниципалитет");
      await insertMocWithStaff(tx, { municipalityId, name: moc.name }, moc.staff);
    }
    for (const [i, u] of demo.users.entries()) {
      const schoolId = u.schoolCode ? requireId(schoolIds, u.schoolCode, "школа") : null;
      const municipalityId = u.municipalityCode ? requireId(muni, u.municipalityCode, "муниципалитет") : null;
      const userId = await insertUser(tx, {
        login: u.login,
        passwordHash: hashes[i] ?? "",
        fullName: u.fullName,
        role: u.role,
        regionId: u.role === "federal_operator" ? null : regionId,
        municipalityId,
        schoolId,
      });
      await replaceAssignments(
        tx,
        userId,
        (u.assignedSchoolCodes ?? []).map((c) => requireId(schoolIds, c, "школа")),
      );
    }
    await setSetting(tx, "demo", true);
    const summary = {
      regionId,
      municipalities: muni.size,
      schools: schoolIds.size,
      users: demo.users.length,
    };
    await recordAudit(tx, {
      actor,
      action: "demo_load",
      entity: "region",
      entityId: regionId,
      after: summary,
      regionId,
    });
    return summary;
  });
}
