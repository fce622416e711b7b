import {
  type BlockScores,
  type DeficitScale,
  deficitBlocks,
  type FailingSubject,
  levelsOf,
  type PriorityVerdict,
  priorityOf,
  SUBJECT_RESULT_CODES,
  type SubjectResult,
  subjectOfIndicator,
} from "../../../core/teachers";
import type { Assessment, TeacherItem } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import { findLatestSubjectResults, findMetCriteria } from "./teacher-sources.repo";
import type { AssessmentRow, TeacherRow } from "./teachers.repo";

/** A diagnosis with its levels on the region's scale. */
export function toAssessment(row: AssessmentRow, scale: DeficitScale): Assessment {
  const scores: BlockScores = row.scores;
  return {
    id: row.id,
    assessedOn: row.assessedOn,
    year: row.year,
    source: row.source,
    scores,
    levels: levelsOf(scores, scale),
    deficits: deficitBlocks(scores, scale),
  };
}

/** What the priority rule reads of each school: its subject results and its failing subjects. */
export type SchoolPriorityFacts = Map<
  number,
  { results: SubjectResult[]; failingSubjects: FailingSubject[] }
>;

/**
 * Reads the priority facts of some schools for a year: the latest subject results up to it (ОГЭ/ЕГЭ
 * below-minimum shares) and the subjects of the met criteria of the school's identification.
 */
export async function loadPriorityFacts(
  db: Db,
  opts: { regionId: number; schoolIds: readonly number[]; year: number },
): Promise<SchoolPriorityFacts> {
  const out: SchoolPriorityFacts = new Map();
  for (const id of opts.schoolIds) out.set(id, { results: [], failingSubjects: [] });
  const results = await findLatestSubjectResults(db, opts.schoolIds, SUBJECT_RESULT_CODES, opts.year);
  for (const r of results) out.get(r.schoolId)?.results.push({ code: r.code, year: r.year, share: r.value });
  for (const schoolId of opts.schoolIds) {
    const met = await findMetCriteria(db, { regionId: opts.regionId, schoolId, year: opts.year });
    const facts = out.get(schoolId);
    for (const m of met) {
      const subject = subjectOfIndicator(m.indicatorCode);
      if (subject && facts && !facts.failingSubjects.some((f) => f.subject === subject)) {
        facts.failingSubjects.push({ subject, sentence: m.sentence });
      }
    }
  }
  return out;
}

/** The priority verdict of a teacher from the facts of their school. */
export function priorityOfTeacher(teacher: TeacherRow, facts: SchoolPriorityFacts): PriorityVerdict {
  const school = facts.get(teacher.schoolId);
  return priorityOf({
    subjects: teacher.subjects,
    position: teacher.position,
    results: school?.results ?? [],
    failingSubjects: school?.failingSubjects ?? [],
  });
}

/** A teacher as lists show them: the latest diagnosis and the priority verdict. */
export function toTeacherItem(
  teacher: TeacherRow,
  latest: AssessmentRow | undefined,
  scale: DeficitScale,
  priority: PriorityVerdict,
): TeacherItem {
  return {
    id: teacher.id,
    schoolId: teacher.schoolId,
    fullName: teacher.fullName,
    position: teacher.position,
    subjects: teacher.subjects,
    category: teacher.category,
    experienceYears: teacher.experienceYears,
    isActive: teacher.isActive,
    latest: latest ? toAssessment(latest, scale) : null,
    isPriority: priority.isPriority,
    priorityReason: priority.reason,
  };
}

/** The latest diagnosis of each teacher from rows ordered oldest first. */
export function latestByTeacher(rows: readonly AssessmentRow[]): Map<number, AssessmentRow> {
  const out = new Map<number, AssessmentRow>();
  for (const row of rows) out.set(row.teacherId, row);
  return out;
}
