import type { MocStaffInput } from "../../../shared/hierarchy";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requireMunicipalityAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import {
  deleteStaff,
  ensureMoc,
  findMunicipality,
  findStaffMember,
  insertStaff,
  updateStaff,
} from "./hierarchy.repo";

/** Adds a member to a municipality's МОЦ (creating the МОЦ if the municipality has none). */
export async function createStaffMember({
  db,
  actor,
  municipalityId,
  input,
}: {
  db: Db;
  actor: Actor;
  municipalityId: number;
  input: MocStaffInput;
}) {
  await requireMunicipalityAccess(db, {
    actor,
    permission: "staff.write",
    municipalityIds: [municipalityId],
  });
  const m = await findMunicipality(db, municipalityId);
  if (!m) throw notFound("Муниципалитет");
  return db.transaction(async (tx) => {
    const mocId = await ensureMoc(tx, municipalityId, `МОЦ ${m.name}`);
    const row = await insertStaff(tx, { ...input, mocId });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "moc_staff",
      entityId: row.id,
      after: row,
      regionId: m.regionId,
    });
    return row;
  });
}

async function requireStaffInScope(db: Db, actor: Actor, id: number) {
  const found = await findStaffMember(db, id);
  if (!found) throw notFound("Сотрудник");
  await requireMunicipalityAccess(db, {
    actor,
    permission: "staff.write",
    municipalityIds: [found.municipalityId],
  });
  return found.staff;
}

/** Edits a МОЦ staff member. */
export async function updateStaffMember({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: Partial<MocStaffInput>;
}) {
  const before = await requireStaffInScope(db, actor, id);
  return db.transaction(async (tx) => {
    const row = await updateStaff(tx, id, input);
    await recordAudit(tx, { actor, action: "update", entity: "moc_staff", entityId: id, before, after: row });
    if (!row) throw notFound("Сотрудник");
    return row;
  });
}

/** Removes a МОЦ staff member. */
export async function deleteStaffMember({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const before = await requireStaffInScope(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteStaff(tx, id);
    await recordAudit(tx, { actor, action: "delete", entity: "moc_staff", entityId: id, before });
  });
}
