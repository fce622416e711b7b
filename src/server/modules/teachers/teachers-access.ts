import type { Permission } from "../../../shared/roles";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { can } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findSchoolInScope, type SchoolRow } from "../hierarchy/school.repo";
import { findTeacherById, type TeacherRow } from "./teachers.repo";

/**
 * A school whose teachers the actor acts on: 403 without the permission, 404 when the school is out of
 * the actor's scope (the school itself, its МОЦ, the region; a mentor or specialist only an assigned
 * school). Nothing is said about whether it exists.
 */
export async function requireTeacherSchool(
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

/** A teacher the actor acts on, with the school: 404 for a teacher of a school out of scope. */
export async function requireTeacher(
  db: Db,
  actor: Actor,
  teacherId: number,
  permission: Permission,
): Promise<{ teacher: TeacherRow; school: SchoolRow }> {
  const teacher = await findTeacherById(db, teacherId);
  if (!teacher) {
    // the permission is checked first, so a refusal for want of a right says 403 whatever the id
    await requireSchoolAccess(db, { actor, permission, schoolIds: [] });
    throw notFound("Педагог");
  }
  const school = await requireTeacherSchool(db, actor, teacher.schoolId, permission);
  return { teacher, school };
}

/** The school as the teachers answers name it. */
export function schoolRef(school: SchoolRow) {
  return {
    id: school.id,
    code: school.code,
    name: school.shortName || school.fullName,
    municipalityId: school.municipalityId,
    municipalityName: school.municipalityName,
  };
}

/** What the actor may do with teachers, for the UI. */
export function teacherPermissions(actor: Actor) {
  return { canWrite: can(actor, "teachers.write") };
}
