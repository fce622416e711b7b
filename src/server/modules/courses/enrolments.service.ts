import { readEnrolmentStatus } from "../../../core/events";
import type { EnrolmentItem, EnrolmentPatch, TableImportResult } from "../../../shared/events-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findSchoolInScope } from "../hierarchy/school.repo";
import { coursePermissions, enrolRegion } from "./courses.policy";
import {
  deleteEnrolmentRow,
  type EnrolmentValues,
  findCandidates,
  findCourseRow,
  findCoursesByTitle,
  findEnrolments,
  findTeachersByCodeAndName,
  findTeachersInScope,
  insertEnrolments,
  updateEnrolmentRow,
  upsertEnrolments,
} from "./courses.repo";
import { type FieldSpec, importTable, type RowRead, readDate } from "./table-import";

/**
 * Enrols teachers (rows of the teacher registry) in a course: a МОЦ those of its municipality's
 * schools, the region any of the region's; a teacher out of scope is 404 for the whole request, one
 * already enrolled is left as they are. Returns the course's enrolments in scope.
 */
export async function enrolTeachers({
  db,
  actor,
  courseId,
  input,
}: {
  db: Db;
  actor: Actor;
  courseId: number;
  input: { teacherIds: number[]; enrolledOn: string };
}): Promise<{ added: number; items: EnrolmentItem[] }> {
  const regionId = enrolRegion(actor);
  const course = await findCourseRow(db, regionId, courseId);
  if (!course) throw notFound("Курс");
  const ids = [...new Set(input.teacherIds)];
  const found = await findTeachersInScope(db, regionId, schoolScope(actor), ids);
  if (found.length !== ids.length) throw notFound("Педагог");
  return db.transaction(async (tx) => {
    const added = await insertEnrolments(
      tx,
      ids.map((teacherId) => ({
        courseId,
        teacherId,
        status: "enrolled",
        enrolledOn: input.enrolledOn,
        completedOn: null,
      })),
      actor.userId || null,
    );
    if (added.length > 0) {
      await recordAudit(tx, {
        actor,
        action: "create",
        entity: "course_enrolment",
        entityId: courseId,
        after: { courseId, teacherIds: added.map((a) => a.teacherId), enrolledOn: input.enrolledOn },
        regionId,
      });
    }
    return {
      added: added.length,
      items: await findEnrolments(tx, regionId, schoolScope(actor), { courseId }),
    };
  });
}

async function enrolmentInScope(db: Db, actor: Actor, regionId: number, id: number): Promise<EnrolmentItem> {
  const [row] = await findEnrolments(db, regionId, schoolScope(actor), { id });
  if (!row) throw notFound("Зачисление");
  return row;
}

/** Marks an enrolment completed (on a date, not before the enrolment), dropped, or back to enrolled. */
export async function updateEnrolment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: EnrolmentPatch;
}): Promise<EnrolmentItem> {
  const regionId = enrolRegion(actor);
  const before = await enrolmentInScope(db, actor, regionId, id);
  const completedOn = input.status === "completed" ? (input.completedOn ?? null) : null;
  if (input.status === "completed" && completedOn === null) {
    const message = "Укажите дату завершения курса";
    throw new AppError("invalid_input", message, [{ path: "completedOn", message }]);
  }
  if (completedOn !== null && completedOn < before.enrolledOn) {
    const message = "Дата завершения раньше даты зачисления";
    throw new AppError("invalid_input", message, [{ path: "completedOn", message }]);
  }
  return db.transaction(async (tx) => {
    await updateEnrolmentRow(tx, id, { status: input.status, completedOn });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "course_enrolment",
      entityId: id,
      before: { status: before.status, completedOn: before.completedOn },
      after: { status: input.status, completedOn },
      regionId,
    });
    return enrolmentInScope(tx, actor, regionId, id);
  });
}

/** Takes an enrolment back (entered by mistake). */
export async function deleteEnrolment({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ ok: true }> {
  const regionId = enrolRegion(actor);
  const before = await enrolmentInScope(db, actor, regionId, id);
  await db.transaction(async (tx) => {
    await deleteEnrolmentRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "course_enrolment",
      entityId: id,
      before,
      regionId,
    });
  });
  return { ok: true };
}

/** A school's enrolments (the school's card): for everyone who sees the school. */
export async function listSchoolEnrolments({
  db,
  actor,
  schoolId,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
}) {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const regionId = actor.regionId ?? (await schoolRegion(db, actor, schoolId));
  const items = await findEnrolments(db, regionId, schoolScope(actor), { schoolId });
  return { items, permissions: coursePermissions(actor) };
}

async function schoolRegion(db: Db, actor: Actor, schoolId: number): Promise<number> {
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  return school.regionId;
}

/** Teachers the actor may enrol in a course (in scope, not yet enrolled), by name or school. */
export async function listCandidates({
  db,
  actor,
  courseId,
  q,
}: {
  db: Db;
  actor: Actor;
  courseId: number;
  q?: string;
}) {
  const regionId = enrolRegion(actor);
  if (!(await findCourseRow(db, regionId, courseId))) throw notFound("Курс");
  return { items: await findCandidates(db, regionId, schoolScope(actor), courseId, q) };
}

type EnrolmentField = "course" | "schoolCode" | "teacher" | "status" | "enrolledOn" | "completedOn";

/** The columns of an enrolment table. */
export const ENROLMENT_FIELDS: readonly FieldSpec<EnrolmentField>[] = [
  { field: "course", label: "Курс", aliases: ["Название курса", "Название", "Программа"], required: true },
  { field: "schoolCode", label: "Код школы", aliases: ["Код ОО", "Код"], required: true },
  { field: "teacher", label: "ФИО", aliases: ["Педагог", "ФИО педагога", "Слушатель"], required: true },
  { field: "status", label: "Статус", aliases: ["Результат"], required: false },
  { field: "enrolledOn", label: "Дата зачисления", aliases: ["Зачислен", "Дата записи"], required: true },
  {
    field: "completedOn",
    label: "Дата завершения",
    aliases: ["Завершил", "Дата окончания", "Дата удостоверения"],
    required: false,
  },
];

type EnrolmentRecord = {
  course: string;
  schoolCode: string;
  teacher: string;
  status: EnrolmentValues["status"];
  enrolledOn: string;
  completedOn: string | null;
};

function readEnrolmentRow(cells: Record<EnrolmentField, string>): RowRead<EnrolmentRecord, EnrolmentField> {
  const problems: { field: EnrolmentField; message: string }[] = [];
  for (const field of ["course", "schoolCode", "teacher"] as const) {
    if (cells[field] === "") problems.push({ field, message: "пустая ячейка" });
  }
  const enrolledOn = readDate(cells.enrolledOn);
  if (enrolledOn === null) problems.push({ field: "enrolledOn", message: `не дата: «${cells.enrolledOn}»` });
  const completedOn = cells.completedOn === "" ? null : readDate(cells.completedOn);
  if (cells.completedOn !== "" && completedOn === null)
    problems.push({ field: "completedOn", message: `не дата: «${cells.completedOn}»` });
  const status =
    cells.status === "" ? (completedOn ? "completed" : "enrolled") : readEnrolmentStatus(cells.status);
  if (status === null)
    problems.push({
      field: "status",
      message: `неизвестный статус «${cells.status}» (обучается, завершил, выбыл)`,
    });
  if (status === "completed" && completedOn === null)
    problems.push({ field: "completedOn", message: "курс завершён — укажите дату завершения" });
  if (enrolledOn && completedOn && completedOn < enrolledOn)
    problems.push({ field: "completedOn", message: "дата завершения раньше даты зачисления" });
  if (problems.length > 0 || status === null || enrolledOn === null) return { problems };
  return {
    record: {
      course: cells.course,
      schoolCode: cells.schoolCode,
      teacher: cells.teacher,
      status,
      enrolledOn,
      completedOn: status === "completed" ? completedOn : null,
    },
  };
}

/**
 * Imports enrolments: each row names a course of the catalogue by title, a school by code and a
 * teacher of that school by full name (all in the actor's scope); a teacher already in the course
 * has the enrolment updated. All or nothing, with a dry run; one audit entry.
 */
export async function importEnrolments({
  db,
  actor,
  file,
  mapping,
  dryRun,
}: {
  db: Db;
  actor: Actor;
  file: { path: string; fileName: string };
  mapping?: string;
  dryRun: boolean;
}): Promise<TableImportResult> {
  const regionId = enrolRegion(actor);
  const matched: EnrolmentValues[] = [];
  return importTable({
    file,
    fields: ENROLMENT_FIELDS,
    mapping,
    dryRun,
    readRow: readEnrolmentRow,
    check: async (records, addIssue) => {
      const byTitle = await findCoursesByTitle(db, regionId);
      const codes = [...new Set(records.map((r) => r.record.schoolCode))];
      const teachersByKey = await findTeachersByCodeAndName(db, regionId, schoolScope(actor), codes);
      const seen = new Map<string, number>();
      for (const { row, record } of records) {
        const courses = byTitle.get(record.course.trim().toLowerCase()) ?? [];
        const teacherId = teachersByKey.get(
          `${record.schoolCode}\u0000${record.teacher.trim().toLowerCase()}`,
        );
        if (courses.length === 0) addIssue(row, "course", `курса «${record.course}» нет в каталоге региона`);
        else if (courses.length > 1)
          addIssue(row, "course", `в каталоге несколько курсов «${record.course}» — переименуйте их`);
        if (teacherId === undefined)
          addIssue(
            row,
            "teacher",
            `в школе «${record.schoolCode}» нет педагога «${record.teacher}» (или школа вне вашей зоны)`,
          );
        const course = courses[0];
        if (courses.length !== 1 || !course || teacherId === undefined) continue;
        const key = `${course.id}:${teacherId}`;
        const first = seen.get(key);
        if (first !== undefined) {
          addIssue(row, "teacher", `повтор: этот педагог на этом курсе уже в строке ${first}`);
          continue;
        }
        seen.set(key, row);
        matched.push({
          courseId: course.id,
          teacherId,
          status: record.status,
          enrolledOn: record.enrolledOn,
          completedOn: record.completedOn,
        });
      }
    },
    apply: () =>
      db.transaction(async (tx) => {
        const counts = await upsertEnrolments(tx, matched, actor.userId || null);
        await recordAudit(tx, {
          actor,
          action: "import",
          entity: "course_enrolment",
          regionId,
          after: { file: file.fileName, rows: matched.length, ...counts },
        });
        return counts;
      }),
  });
}
