import { schoolYearOf } from "../../../core/teachers";
import type { TeacherCard, TeacherInput, TeacherList, TeacherPatch } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { regionScale } from "./deficit-scale.service";
import {
  latestByTeacher,
  loadPriorityFacts,
  priorityOfTeacher,
  toAssessment,
  toTeacherItem,
} from "./teacher-view";
import {
  findAssessments,
  findSchoolTeachers,
  findTeacherByName,
  insertTeachers,
  type TeacherRow,
  updateTeacherRow,
} from "./teachers.repo";
import { requireTeacher, requireTeacherSchool, schoolRef, teacherPermissions } from "./teachers-access";

/** The school year of today, when a request names none. */
export function currentSchoolYear(): number {
  return schoolYearOf(new Date().toISOString().slice(0, 10));
}

/**
 * A school's teachers (the deactivated too, flagged), each with the latest diagnosis and its levels on
 * the region's scale and whether they are in the priority group of the year, with the sentence why.
 * For anyone who reads the school.
 */
export async function listSchoolTeachers({
  db,
  actor,
  schoolId,
  year = currentSchoolYear(),
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  year?: number;
}): Promise<TeacherList> {
  const school = await requireTeacherSchool(db, actor, schoolId, "school.read");
  const rows = await findSchoolTeachers(db, [school.id]);
  const [assessments, scale, facts] = await Promise.all([
    findAssessments(
      db,
      rows.map((t) => t.id),
    ),
    regionScale(db, school.regionId),
    loadPriorityFacts(db, { regionId: school.regionId, schoolIds: [school.id], year }),
  ]);
  const latest = latestByTeacher(assessments);
  return {
    school: schoolRef(school),
    year,
    items: rows.map((t) => toTeacherItem(t, latest.get(t.id), scale, priorityOfTeacher(t, facts))),
    permissions: teacherPermissions(actor),
  };
}

/** The teacher's card: the registry entry, every diagnosis oldest first, the priority verdict. */
export async function getTeacherCard({
  db,
  actor,
  teacherId,
  year = currentSchoolYear(),
}: {
  db: Db;
  actor: Actor;
  teacherId: number;
  year?: number;
}): Promise<TeacherCard> {
  const { teacher, school } = await requireTeacher(db, actor, teacherId, "school.read");
  const [assessments, scale, facts] = await Promise.all([
    findAssessments(db, [teacher.id]),
    regionScale(db, school.regionId),
    loadPriorityFacts(db, { regionId: school.regionId, schoolIds: [school.id], year }),
  ]);
  return {
    teacher: toTeacherItem(teacher, assessments.at(-1), scale, priorityOfTeacher(teacher, facts)),
    school: schoolRef(school),
    assessments: assessments.map((a) => toAssessment(a, scale)),
    permissions: teacherPermissions(actor),
  };
}

async function refuseDuplicate(db: Db, schoolId: number, fullName: string, selfId?: number) {
  const same = await findTeacherByName(db, schoolId, fullName);
  if (same && same.id !== selfId) {
    throw new AppError("conflict", `В школе уже есть педагог «${same.fullName}»`, [
      { path: "fullName", message: "Такой педагог уже есть в реестре школы" },
    ]);
  }
}

const audited = (t: TeacherRow) => ({
  fullName: t.fullName,
  position: t.position,
  subjects: t.subjects,
  category: t.category,
  experienceYears: t.experienceYears,
  isActive: t.isActive,
});

/** Adds a teacher to a school's registry (teachers.write: the director, its МОЦ, the region). */
export async function createTeacher({
  db,
  actor,
  schoolId,
  input,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  input: TeacherInput;
}): Promise<TeacherCard> {
  const school = await requireTeacherSchool(db, actor, schoolId, "teachers.write");
  await refuseDuplicate(db, school.id, input.fullName);
  const id = await db.transaction(async (tx) => {
    const [row] = await insertTeachers(tx, [{ ...input, schoolId: school.id }]);
    if (!row) throw new Error("Педагог не добавлен");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "teacher",
      entityId: row.id,
      after: audited(row),
      regionId: school.regionId,
    });
    return row.id;
  });
  return getTeacherCard({ db, actor, teacherId: id });
}

/** Changes a teacher's registry entry; `isActive: false` deactivates them (they stay in the history). */
export async function updateTeacher({
  db,
  actor,
  teacherId,
  patch,
}: {
  db: Db;
  actor: Actor;
  teacherId: number;
  patch: TeacherPatch;
}): Promise<TeacherCard> {
  const { teacher, school } = await requireTeacher(db, actor, teacherId, "teachers.write");
  if (patch.fullName !== undefined) await refuseDuplicate(db, school.id, patch.fullName, teacher.id);
  await db.transaction(async (tx) => {
    const after = await updateTeacherRow(tx, teacher.id, patch);
    if (!after) throw new Error("Педагог не изменён");
    const action =
      patch.isActive === false && teacher.isActive
        ? "deactivate"
        : patch.isActive === true && !teacher.isActive
          ? "activate"
          : "update";
    await recordAudit(tx, {
      actor,
      action,
      entity: "teacher",
      entityId: teacher.id,
      before: audited(teacher),
      after: audited(after),
      regionId: school.regionId,
    });
  });
  return getTeacherCard({ db, actor, teacherId });
}
