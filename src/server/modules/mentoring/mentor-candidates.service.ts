import { type CandidateSchool, type MentorCandidate, mentorCandidates } from "../../../core/mentoring";
import type { AddCandidateInput, CandidateList, MentorRow } from "../../../shared/mentoring-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { loadRegionPartnerBasis } from "../partners/partner-suggestions.service";
import { regionScale } from "../teachers/deficit-scale.service";
import { findDiagnosedStaff, findMentorIdsOfTeachers } from "./mentor-candidates.repo";
import { findTeacherPlace, mentorExistsFor } from "./mentoring.repo";
import { insertAuditedMentor, readMentor } from "./mentoring.service";
import { ownsMunicipality, requireMentorReader, resolvePlace } from "./mentoring-access";

/**
 * Mentor candidates (issue 12, point 6): the staff of the schools the contextual model finds
 * resilient or high in a result — the same schools the partner suggestions offer (partners'
 * loadRegionPartnerBasis: the latest approved run's year, programme schools left out) — whose current
 * score of some block is at the «освоено» level of the region's deficit scale. Nothing is stored: the
 * list is computed on each request; adding a candidate stores a mentor with the sentence as its note.
 */
async function candidatesOf(
  db: Db,
  place: { regionId: number; municipalityId: number | null },
): Promise<{ candidates: MentorCandidate[]; notes: string[] }> {
  const basis = await loadRegionPartnerBasis(db, place.regionId);
  const schools: CandidateSchool[] = basis.candidates
    .filter((c) => place.municipalityId === null || c.municipalityId === place.municipalityId)
    .map((c) => ({
      schoolId: c.schoolId,
      name: c.name,
      municipalityId: c.municipalityId,
      municipalityName: c.municipalityName,
      strength: c.strength,
      highIn: c.highIn,
      aboveExpectedSd: c.aboveExpectedSd ?? null,
    }));
  const staff = await findDiagnosedStaff(
    db,
    schools.map((s) => s.schoolId),
  );
  const [scale, mentorOf] = await Promise.all([
    regionScale(db, place.regionId),
    findMentorIdsOfTeachers(
      db,
      staff.map((t) => t.id),
    ),
  ]);
  return { candidates: mentorCandidates({ schools, teachers: staff, scale, mentorOf }), notes: basis.notes };
}

/** The candidates of a region, of one of its municipalities, or (a МОЦ) of its own municipality. */
export async function listCandidates(
  db: Db,
  actor: Actor,
  q: { year: number; regionId?: number; municipalityId?: number },
): Promise<CandidateList> {
  requireMentorReader(actor);
  const place = await resolvePlace(db, actor, q);
  const { candidates, notes } = await candidatesOf(db, place);
  return { candidates, notes, canAdd: can(actor, "mentoring.manage") };
}

/**
 * Adds a candidate to the mentors registry with a capacity, in one step: the МОЦ of the candidate's
 * municipality or the region. The candidate is recomputed (a teacher who is no longer one is refused);
 * the mentor gets the strong blocks, the teacher's subjects, the school's source and the sentence.
 * Audited as `mentor_from_candidate`.
 */
export async function addCandidate(
  db: Db,
  actor: Actor,
  teacherId: number,
  input: AddCandidateInput,
  year: number,
): Promise<MentorRow> {
  requirePermission(actor, "mentoring.manage");
  const teacher = await findTeacherPlace(db, teacherId);
  if (!teacher || !ownsMunicipality(actor, teacher.regionId, teacher.municipalityId))
    throw notFound("Педагог");
  const { candidates } = await candidatesOf(db, {
    regionId: teacher.regionId,
    municipalityId: teacher.municipalityId,
  });
  const candidate = candidates.find((c) => c.teacherId === teacher.id);
  if (!candidate) {
    throw new AppError(
      "conflict",
      "Педагог не кандидат в наставники: его школа не устойчивая и не с высокими результатами по контекстной модели или ни один блок диагностики не на уровне «освоено»",
    );
  }
  if (candidate.mentorId !== null) throw new AppError("conflict", "Этот педагог уже в реестре наставников");
  const id = await db.transaction(async (tx) => {
    if (await mentorExistsFor(tx, { teacherId: teacher.id }))
      throw new AppError("conflict", "Этот педагог уже в реестре наставников");
    return insertAuditedMentor(
      tx,
      actor,
      {
        regionId: teacher.regionId,
        kind: teacher.position === "teacher" ? "teacher" : "head",
        teacherId: teacher.id,
        fullName: teacher.fullName,
        schoolId: teacher.schoolId,
        municipalityId: teacher.municipalityId,
        subjects: teacher.subjects,
        strengths: candidate.strengths,
        capacity: input.capacity,
        source: candidate.source,
        note: candidate.sentence,
      },
      "mentor_from_candidate",
    );
  });
  return readMentor(db, actor, id, year);
}
