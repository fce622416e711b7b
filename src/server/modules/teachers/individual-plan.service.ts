import {
  blockChanges,
  type CourseFacts,
  latestScoresByBlock,
  mismatchedEnrolments,
  PROFESSIONAL_BLOCK_LABELS,
  type ProfessionalBlock,
  recommendCourses,
} from "../../../core/teachers";
import type { IndividualPlan, IndividualPlanInput } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { regionScale } from "./deficit-scale.service";
import { findIndividualPlan, saveIndividualPlan } from "./individual-plan.repo";
import { findConfirmedMentors, findEnrolments, findRegionCourses } from "./teacher-sources.repo";
import { toAssessment } from "./teacher-view";
import { findAssessments } from "./teachers.repo";
import { requireTeacher, teacherPermissions } from "./teachers-access";

const toCourse = (c: {
  id: number;
  title: string;
  hours: number;
  blocks: string[];
  subjects: string[];
}): CourseFacts => c;

/**
 * A teacher's ИОМ of a year, read live: the deficits of the latest score of each block up to the
 * year's end (a block diagnosed only at an earlier sitting keeps that score; blocks at deficit level
 * on the region's scale) → the recommended courses of the region's catalogue
 * (course blocks ∩ deficits, subject fit; each with its sentence and the teacher's enrolment, if any)
 * → the confirmed mentor of the year → the stored activities with deadlines → the re-assessment: the
 * change per block from the scores as of the first diagnosis of the year (or the one before the
 * latest) to the latest score of each block diagnosed again since.
 * Also the flags of enrolments in courses that meet none of the deficits.
 */
export async function getIndividualPlan({
  db,
  actor,
  teacherId,
  year,
}: {
  db: Db;
  actor: Actor;
  teacherId: number;
  year: number;
}): Promise<IndividualPlan> {
  const { teacher, school } = await requireTeacher(db, actor, teacherId, "school.read");
  const [all, scale, courses, enrolments, mentors, stored] = await Promise.all([
    findAssessments(db, [teacher.id]),
    regionScale(db, school.regionId),
    findRegionCourses(db, school.regionId),
    findEnrolments(db, [teacher.id]),
    findConfirmedMentors(db, [teacher.id], year),
    findIndividualPlan(db, teacher.id, year),
  ]);
  const upToYear = all.filter((a) => a.year <= year);
  const latest = upToYear.at(-1);
  const ofYear = upToYear.filter((a) => a.year === year);
  const first = ofYear.length > 1 ? ofYear[0] : upToYear.length > 1 ? upToYear.at(-2) : undefined;
  const current = latest ? { ...latest, scores: latestScoresByBlock(upToYear) } : undefined;
  const cut = first ? upToYear.indexOf(first) + 1 : 0;
  const before = first ? { ...first, scores: latestScoresByBlock(upToYear.slice(0, cut)) } : undefined;
  // the re-assessment compares only the blocks diagnosed again after `first`
  const rediagnosed = latestScoresByBlock(upToYear.slice(cut));
  const diagnosis = current ? toAssessment(current, scale) : null;
  const byCourse = new Map(enrolments.map((e) => [e.course.id, e.status]));
  const recommended = current
    ? recommendCourses({
        scores: current.scores,
        scale,
        subjects: teacher.subjects,
        courses: courses.map(toCourse),
      })
    : [];
  const mentor = mentors[0];
  return {
    teacherId: teacher.id,
    year,
    isSaved: stored !== undefined,
    note: stored?.note ?? "",
    diagnosis,
    deficits: (diagnosis?.deficits ?? []).map((block: ProfessionalBlock) => ({
      block,
      label: PROFESSIONAL_BLOCK_LABELS[block],
      score: current?.scores[block] ?? 0,
    })),
    courses: recommended.map((r) => ({ ...r, enrolment: byCourse.get(r.courseId) ?? null })),
    mentor: mentor ? { pairId: mentor.pairId, fullName: mentor.fullName, reason: mentor.reason } : null,
    items: (stored?.items ?? []).map((i) => ({
      id: i.id,
      text: i.text,
      deadline: i.deadline,
      isDone: i.isDone,
    })),
    reassessment:
      current && before && before.id !== current.id
        ? {
            before: toAssessment(before, scale),
            after: toAssessment(current, scale),
            changes: blockChanges(before.scores, rediagnosed, scale),
          }
        : null,
    mismatches: mismatchedEnrolments({
      scores: current?.scores ?? null,
      scale,
      enrolments: enrolments.map((e) => ({
        enrolmentId: e.enrolmentId,
        status: e.status,
        course: toCourse(e.course),
      })),
    }),
    permissions: teacherPermissions(actor),
  };
}

/** Writes a teacher's ИОМ of a year — its note and activities with deadlines (teachers.write). */
export async function saveTeacherPlan({
  db,
  actor,
  teacherId,
  input,
}: {
  db: Db;
  actor: Actor;
  teacherId: number;
  input: IndividualPlanInput;
}): Promise<IndividualPlan> {
  const { teacher, school } = await requireTeacher(db, actor, teacherId, "teachers.write");
  const before = await findIndividualPlan(db, teacher.id, input.year);
  await db.transaction(async (tx) => {
    const id = await saveIndividualPlan(tx, {
      teacherId: teacher.id,
      year: input.year,
      note: input.note,
      items: input.items,
      userId: actor.userId > 0 ? actor.userId : null,
    });
    await recordAudit(tx, {
      actor,
      action: before ? "update" : "create",
      entity: "individual_plan",
      entityId: id,
      before: before
        ? {
            note: before.note,
            items: before.items.map(({ text, deadline, isDone }) => ({ text, deadline, isDone })),
          }
        : undefined,
      after: { teacherId: teacher.id, year: input.year, note: input.note, items: input.items },
      regionId: school.regionId,
    });
  });
  return getIndividualPlan({ db, actor, teacherId: teacher.id, year: input.year });
}
