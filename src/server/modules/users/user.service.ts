import { eq } from "drizzle-orm";
import type { User } from "../../../shared/api";
import { schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requiredScope, requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";
import { deleteUserSessions } from "../auth/session.repo";
import { findMunicipality } from "../hierarchy/hierarchy.repo";
import {
  countSchoolsIn,
  findSchoolPlace,
  findUserById,
  findUsers,
  insertUser,
  isLoginTaken,
  replaceAssignments,
  updateUserRow,
} from "./user.repo";
import type { UserCreate, UserUpdate } from "./user.schemas";

const invalid = (path: string, message: string) =>
  new AppError("invalid_input", message, [{ path, message }]);

/** Works out and checks the user's place in the hierarchy from the role and the input. */
async function resolvePlace(db: Db, actor: Actor, input: UserCreate): Promise<UserPlace> {
  const need = requiredScope(input.role);
  if (input.role === "federal_operator" && actor.role !== "federal_operator") {
    throw new AppError("forbidden", "Федерального оператора может создать только федеральный оператор");
  }
  let regionId = actor.role === "federal_operator" ? (input.regionId ?? null) : actor.regionId;
  let municipalityId: number | null = null;
  let schoolId: number | null = null;
  if (need.school) {
    if (!input.schoolId) throw invalid("schoolId", "Для директора укажите школу");
    const place = await findSchoolPlace(db, input.schoolId);
    // Out of the actor's region: 404, as for a school that does not exist.
    if (!place || (regionId !== null && place.regionId !== regionId)) throw notFound("Школа");
    ({ regionId, municipalityId } = place);
    schoolId = input.schoolId;
  }
  if (need.municipality) {
    if (!input.municipalityId) throw invalid("municipalityId", "Для координатора МОЦ укажите муниципалитет");
    const m = await findMunicipality(db, input.municipalityId);
    if (!m || (regionId !== null && m.regionId !== regionId)) throw notFound("Муниципалитет");
    regionId = m.regionId;
    municipalityId = m.id;
  }
  if (need.region && regionId === null) throw invalid("regionId", "Укажите регион");
  if (!need.region) regionId = null;
  return { regionId, municipalityId, schoolId };
}

async function checkAssignments(db: Db, regionId: number | null, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await countSchoolsIn(
    db,
    unique,
    regionId === null ? undefined : eq(schools.regionId, regionId),
  );
  if (found !== unique.length)
    throw invalid("assignedSchoolIds", "Некоторые назначенные школы не найдены в регионе");
}

/** Where a new user sits in the hierarchy, as resolved from the role and the input. */
export type UserPlace = { regionId: number | null; municipalityId: number | null; schoolId: number | null };

/**
 * Inserts a checked new user with their assigned schools and the audit entry, on `tx` (the caller's
 * transaction, so that the user and whatever the caller wrote before it stand or fall together).
 */
export async function storeNewUser(
  tx: Db,
  opts: { actor: Actor; input: UserCreate; place: UserPlace; assigned: number[]; passwordHash: string },
): Promise<number> {
  const { actor, input, place, assigned } = opts;
  const id = await insertUser(tx, {
    login: input.login,
    fullName: input.fullName,
    role: input.role,
    passwordHash: opts.passwordHash,
    ...place,
  });
  await replaceAssignments(tx, id, assigned);
  const after = {
    login: input.login,
    fullName: input.fullName,
    role: input.role,
    ...place,
    assignedSchoolIds: assigned,
  };
  await recordAudit(tx, {
    actor,
    action: "create",
    entity: "user",
    entityId: id,
    after,
    regionId: place.regionId,
  });
  return id;
}

/** Creates a user (a region admin, or a federal operator); the command line uses createUserFromCommandLine. */
export async function createUser({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: UserCreate;
}): Promise<User> {
  requirePermission(actor, "user.manage");
  if (await isLoginTaken(db, input.login)) throw new AppError("conflict", `Логин «${input.login}» уже занят`);
  const place = await resolvePlace(db, actor, input);
  const isAssigned = input.role === "mentor" || input.role === "specialist";
  const assigned = isAssigned ? [...new Set(input.assignedSchoolIds)] : [];
  await checkAssignments(db, place.regionId, assigned);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction((tx) => storeNewUser(tx, { actor, input, place, assigned, passwordHash }));
  return getUser(db, actor, id);
}

async function getUser(db: Db, actor: Actor, id: number): Promise<User> {
  const user = (await findUsers(db, actor.regionId)).find((u) => u.id === id);
  if (!user) throw notFound("Пользователь");
  return user;
}

/** Users of the admin's region. */
export async function listUsers({ db, actor }: { db: Db; actor: Actor }): Promise<User[]> {
  requirePermission(actor, "user.manage");
  return findUsers(db, actor.regionId);
}

/** Edits a user: name, active flag, password (ends their sessions), assigned schools. */
export async function updateUser({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: UserUpdate;
}) {
  requirePermission(actor, "user.manage");
  const before = await getUser(db, actor, id);
  const row = await findUserById(db, id);
  if (!row) throw notFound("Пользователь");
  if (id === actor.userId && input.isActive === false)
    throw invalid("isActive", "Нельзя отключить самого себя");
  if (input.assignedSchoolIds) await checkAssignments(db, row.regionId, input.assignedSchoolIds);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const values = { fullName: input.fullName, isActive: input.isActive, passwordHash };
    // Only the assigned schools may change: there is then no column to set.
    if (Object.values(values).some((v) => v !== undefined)) await updateUserRow(tx, id, values);
    if (input.assignedSchoolIds) await replaceAssignments(tx, id, [...new Set(input.assignedSchoolIds)]);
    if (passwordHash || input.isActive === false) await deleteUserSessions(tx, id);
    const after = { ...input, password: input.password ? "(изменён)" : undefined };
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "user",
      entityId: id,
      before,
      after,
      regionId: row.regionId,
    });
  });
  return getUser(db, actor, id);
}
