import {
  type BlockScores,
  PROFESSIONAL_BLOCK_LABELS,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "./blocks";
import { type DeficitLevel, type DeficitScale, deficitBlocks, levelOf } from "./scale";
import { normalizeSubject } from "./subjects";

/** A course as the ИОМ reads it (courses table). */
export type CourseFacts = {
  id: number;
  title: string;
  hours: number;
  blocks: readonly string[];
  /** Subjects it is for; empty: any subject. */
  subjects: readonly string[];
};

/** A recommended course with the deficit blocks it addresses and the sentence why. */
export type CourseRecommendation = {
  courseId: number;
  title: string;
  hours: number;
  blocks: ProfessionalBlock[];
  reason: string;
};

/** How many courses the ИОМ recommends at most. */
export const MAX_RECOMMENDED_COURSES = 5;

const blockPhrase = (blocks: readonly ProfessionalBlock[], scores: BlockScores) =>
  blocks.map((b) => `«${PROFESSIONAL_BLOCK_LABELS[b]}» (балл ${Math.round(scores[b] ?? 0)})`).join(" и ");

function subjectFit(course: CourseFacts, subjects: readonly string[]): "subject" | "any" | "none" {
  if (course.subjects.length === 0) return "any";
  const own = new Set(subjects.map(normalizeSubject));
  return course.subjects.some((s) => own.has(normalizeSubject(s))) ? "subject" : "none";
}

/**
 * The courses a teacher's ИОМ recommends: those whose blocks meet the teacher's deficit blocks (the
 * latest diagnosis on the region's scale) and whose subjects fit (a course for no subject in
 * particular fits anyone; one for named subjects only their teachers). Ranked by the deficits
 * covered, the weakest first (the sum of (deficit bound − score) over the covered blocks), then by
 * a course of the teacher's own subject before a general one, then by fewer hours; at most
 * MAX_RECOMMENDED_COURSES. Each with its sentence: «Курс «…» (36 ч) адресован дефициту «…» (балл 42)».
 */
export function recommendCourses(input: {
  scores: BlockScores;
  scale: DeficitScale;
  subjects: readonly string[];
  courses: readonly CourseFacts[];
}): CourseRecommendation[] {
  const deficits = deficitBlocks(input.scores, input.scale);
  if (deficits.length === 0) return [];
  const ranked = input.courses.flatMap((course) => {
    const fit = subjectFit(course, input.subjects);
    const blocks = deficits.filter((b) => course.blocks.includes(b));
    if (fit === "none" || blocks.length === 0) return [];
    const weight = blocks.reduce((sum, b) => sum + (100 - (input.scores[b] ?? 0)), 0);
    return [{ course, blocks, fit, weight }];
  });
  ranked.sort(
    (a, b) =>
      b.weight - a.weight ||
      Number(b.fit === "subject") - Number(a.fit === "subject") ||
      a.course.hours - b.course.hours ||
      a.course.id - b.course.id,
  );
  return ranked.slice(0, MAX_RECOMMENDED_COURSES).map(({ course, blocks, fit }) => {
    const word = blocks.length === 1 ? "дефициту" : "дефицитам";
    const forSubject = fit === "subject" ? `; курс по предмету учителя` : "";
    return {
      courseId: course.id,
      title: course.title,
      hours: course.hours,
      blocks,
      reason: `Курс «${course.title}» (${course.hours} ч) адресован ${word} ${blockPhrase(blocks, input.scores)}${forSubject}.`,
    };
  });
}

/** An enrolment as the mismatch check reads it. */
export type EnrolmentFacts = {
  enrolmentId: number;
  course: CourseFacts;
  status: "enrolled" | "completed" | "dropped";
};

/** A course enrolment that matches none of the teacher's deficits, with its sentence. */
export type MismatchFlag = { enrolmentId: number; courseId: number; title: string; reason: string };

/**
 * The seed's failure «направлены на курсы без учёта выявленных профессиональных дефицитов»: an
 * enrolment (not dropped) in a course whose blocks meet none of the teacher's deficit blocks. With no
 * diagnosis at all the enrolment is flagged too (sent with no diagnosis); with a diagnosis showing no
 * deficit it is not (the course is then the teacher's own development, not a missed deficit).
 */
export function mismatchedEnrolments(input: {
  scores: BlockScores | null;
  scale: DeficitScale;
  enrolments: readonly EnrolmentFacts[];
}): MismatchFlag[] {
  const deficits = input.scores ? deficitBlocks(input.scores, input.scale) : null;
  if (deficits !== null && deficits.length === 0) return [];
  return input.enrolments.flatMap((e) => {
    if (e.status === "dropped") return [];
    const head = `Направлен на курс «${e.course.title}» (${e.course.hours} ч) без учёта выявленных дефицитов`;
    if (deficits === null || !input.scores) {
      return [
        {
          enrolmentId: e.enrolmentId,
          courseId: e.course.id,
          title: e.course.title,
          reason: `${head}: диагностика дефицитов не проводилась.`,
        },
      ];
    }
    if (deficits.some((b) => e.course.blocks.includes(b))) return [];
    const courseBlocks = PROFESSIONAL_BLOCKS.filter((b) => e.course.blocks.includes(b));
    const addressed =
      courseBlocks.length === 0
        ? "курс не адресован ни одному блоку профстандарта"
        : `курс адресован блокам ${courseBlocks.map((b) => `«${PROFESSIONAL_BLOCK_LABELS[b]}»`).join(", ")}`;
    const reason = `${head}: ${addressed}, а дефициты — ${blockPhrase(deficits, input.scores)}.`;
    return [{ enrolmentId: e.enrolmentId, courseId: e.course.id, title: e.course.title, reason }];
  });
}

/** The change of one block between the first diagnosis and a later one (re-assessment). */
export type BlockChange = {
  block: ProfessionalBlock;
  before: number;
  after: number;
  delta: number;
  levelBefore: DeficitLevel;
  levelAfter: DeficitLevel;
};

/** The change per block assessed in both diagnoses, in the blocks' order. */
export function blockChanges(before: BlockScores, after: BlockScores, scale: DeficitScale): BlockChange[] {
  return PROFESSIONAL_BLOCKS.flatMap((block) => {
    const a = before[block];
    const b = after[block];
    if (a === undefined || b === undefined) return [];
    return [
      {
        block,
        before: a,
        after: b,
        delta: Math.round((b - a) * 10) / 10,
        levelBefore: levelOf(a, block, scale),
        levelAfter: levelOf(b, block, scale),
      },
    ];
  });
}

/** The school year a date belongs to (the year it ends: September onwards is the next year's). */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year + 1 : year;
}
