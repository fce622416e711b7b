import type { School } from "../../../shared/api";
import type { SchoolInput, SchoolUpdate } from "../../../shared/hierarchy";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requirePermission, schoolPermissions } from "../access/access.policy";
import { requireMunicipalityAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findMunicipality } from "./hierarchy.repo";
import {
  findSchoolByCode,
  findSchoolInScope,
  findSchools,
  insertSchool,
  type SchoolRow,
  updateSchoolRow,
} from "./school.repo";

function present(actor: Actor, row: SchoolRow): School {
  return { ...row, permissions: schoolPermissions(actor) };
}

/** Schools the actor may see, filtered and paged. */
export async function listSchools({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { municipalityId?: number; q?: string; limit: number; offset: number };
}) {
  requirePermission(actor, "school.read");
  const page = await findSchools(db, { scope: schoolScope(actor), ...query });
  return { total: page.total, items: page.items.map((r) => present(actor, r)) };
}

/** One school; 404 when it does not exist or is out of the actor's scope. */
export async function getSchoolById({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<School> {
  requirePermission(actor, "school.read");
  const row = await findSchoolInScope(db, id, schoolScope(actor));
  if (!row) throw notFound("Школа");
  return present(actor, row);
}

async function requireMunicipalityInRegion(db: Db, actor: Actor, municipalityId: number): Promise<number> {
  await requireMunicipalityAccess(db, {
    actor,
    permission: "school.read",
    municipalityIds: [municipalityId],
  });
  const m = await findMunicipality(db, municipalityId);
  if (!m) throw notFound("Муниципалитет");
  return m.regionId;
}

async function requireUniqueCode(db: Db, regionId: number, code: string, exceptId?: number): Promise<void> {
  const existing = await findSchoolByCode(db, regionId, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError("conflict", `Школа с кодом «${code}» уже есть в регионе`, [
      { path: "code", message: "Код уже занят" },
    ]);
  }
}

/** Creates a school in a municipality the actor administers. */
export async function createSchool({ db, actor, input }: { db: Db; actor: Actor; input: SchoolInput }) {
  requirePermission(actor, "school.create");
  const regionId = await requireMunicipalityInRegion(db, actor, input.municipalityId);
  await requireUniqueCode(db, regionId, input.code);
  const id = await db.transaction(async (tx) => {
    const newId = await insertSchool(tx, { ...input, regionId });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "school",
      entityId: newId,
      after: input,
      regionId,
    });
    return newId;
  });
  return getSchoolById({ db, actor, id });
}

/**
 * Updates a school. Anyone with school.update may change its description (names, sizes, address);
 * its code and municipality (its identity and place in the hierarchy) need school.create.
 */
export async function updateSchool({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: SchoolUpdate;
}) {
  requirePermission(actor, "school.update");
  const before = await getSchoolById({ db, actor, id });
  const changesIdentity =
    (input.code !== undefined && input.code !== before.code) ||
    (input.municipalityId !== undefined && input.municipalityId !== before.municipalityId);
  if (changesIdentity) {
    requirePermission(actor, "school.create");
    if (input.municipalityId !== undefined) {
      const regionId = await requireMunicipalityInRegion(db, actor, input.municipalityId);
      if (regionId !== before.regionId)
        throw new AppError("invalid_input", "Нельзя перенести школу в другой регион");
    }
    if (input.code !== undefined) await requireUniqueCode(db, before.regionId, input.code, id);
  }
  await db.transaction(async (tx) => {
    await updateSchoolRow(tx, id, input);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "school",
      entityId: id,
      before,
      after: input,
      regionId: before.regionId,
    });
  });
  return getSchoolById({ db, actor, id });
}
