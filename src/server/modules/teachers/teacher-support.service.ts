import { and, inArray } from "drizzle-orm";
import {
  type CourseFacts,
  deficitBlocks,
  mismatchedEnrolments,
  type ProfessionalBlock,
  schoolYearOf,
} from "../../../core/teachers";
import { schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { regionScale } from "./deficit-scale.service";
import { findConfirmedMentors, findEnrolments } from "./teacher-sources.repo";
import { findAssessments, findSchoolTeachers } from "./teachers.repo";

/** A teacher as the support dashboard names them. */
export type SupportTeacher = { teacherId: number; fullName: string; deficits: ProfessionalBlock[] };

/** One school's teachers' support in a year, for the addressed-support dashboard (issue 12, point 9). */
export type SchoolTeacherSupport = {
  schoolId: number;
  /** Active teachers whose latest diagnosis up to the year shows at least one deficit. */
  withDeficit: SupportTeacher[];
  /** Of those, the ones with no confirmed mentor of the year and no course enrolment of the year. */
  withoutSupport: SupportTeacher[];
  /** Enrolments of the year in courses that meet none of the teacher's deficits, each with its sentence. */
  mismatched: {
    teacherId: number;
    fullName: string;
    enrolmentId: number;
    courseId: number;
    reason: string;
  }[];
};

const toCourse = (c: {
  id: number;
  title: string;
  hours: number;
  blocks: string[];
  subjects: string[];
}): CourseFacts => c;

/**
 * For the lead's dashboard: per school of the list that the actor may see (schoolScope; others are
 * left out silently), in the school year `year` (the year it ends):
 * - withDeficit: active teachers whose latest diagnosis dated in or before the year has a block at
 *   deficit level on the region's scale;
 * - withoutSupport: of those, the ones with neither a confirmed mentoring pair of the year nor an
 *   enrolment (not dropped) made in the year — «педагог с дефицитом без наставника и без курса»;
 * - mismatched: enrolments made in the year (not dropped) in a course whose blocks meet none of the
 *   teacher's deficits, or of a teacher never diagnosed (mismatchedEnrolments).
 * Schools come back in the order given, each present even with no teacher.
 */
export async function teacherSupportBySchool({
  db,
  actor,
  schoolIds,
  year,
}: {
  db: Db;
  actor: Actor;
  schoolIds: readonly number[];
  year: number;
}): Promise<SchoolTeacherSupport[]> {
  if (schoolIds.length === 0) return [];
  const visible = await db
    .select({ id: schools.id, regionId: schools.regionId })
    .from(schools)
    .where(and(inArray(schools.id, [...schoolIds]), schoolScope(actor)));
  const regionOf = new Map(visible.map((s) => [s.id, s.regionId]));
  const list = await findSchoolTeachers(db, [...regionOf.keys()], { includeInactive: false });
  const ids = list.map((t) => t.id);
  const [assessments, enrolments, pairs] = await Promise.all([
    findAssessments(db, ids),
    findEnrolments(db, ids),
    findConfirmedMentors(db, ids, year),
  ]);
  const scales = new Map<number, Awaited<ReturnType<typeof regionScale>>>();
  for (const regionId of new Set(regionOf.values())) scales.set(regionId, await regionScale(db, regionId));
  const mentored = new Set(pairs.map((p) => p.teacherId));
  const out = new Map<number, SchoolTeacherSupport>();
  for (const id of schoolIds) {
    if (regionOf.has(id)) out.set(id, { schoolId: id, withDeficit: [], withoutSupport: [], mismatched: [] });
  }
  for (const t of list) {
    const scale = scales.get(regionOf.get(t.schoolId) ?? 0);
    const entry = out.get(t.schoolId);
    if (!scale || !entry) continue;
    const latest = assessments.filter((a) => a.teacherId === t.id && a.year <= year).at(-1);
    const ofYear = enrolments.filter(
      (e) => e.teacherId === t.id && e.status !== "dropped" && schoolYearOf(e.enrolledOn) === year,
    );
    const deficits = latest ? deficitBlocks(latest.scores, scale) : [];
    if (deficits.length > 0) {
      const who = { teacherId: t.id, fullName: t.fullName, deficits };
      entry.withDeficit.push(who);
      if (!mentored.has(t.id) && ofYear.length === 0) entry.withoutSupport.push(who);
    }
    const flags = mismatchedEnrolments({
      scores: latest?.scores ?? null,
      scale,
      enrolments: ofYear.map((e) => ({
        enrolmentId: e.enrolmentId,
        status: e.status,
        course: toCourse(e.course),
      })),
    });
    for (const f of flags)
      entry.mismatched.push({
        teacherId: t.id,
        fullName: t.fullName,
        enrolmentId: f.enrolmentId,
        courseId: f.courseId,
        reason: f.reason,
      });
  }
  return [...out.values()];
}

/** For one school: the same as teacherSupportBySchool (undefined when out of the actor's scope). */
export async function teacherSupportOfSchool(opts: { db: Db; actor: Actor; schoolId: number; year: number }) {
  const [row] = await teacherSupportBySchool({ ...opts, schoolIds: [opts.schoolId] });
  return row;
}
