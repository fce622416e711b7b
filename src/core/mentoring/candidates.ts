import {
  type BlockScores,
  type DeficitScale,
  levelOf,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "../teachers";

/** Why a school's staff may mentor: the contextual model finds it resilient or high in a result. */
export type CandidateSchool = {
  schoolId: number;
  name: string;
  municipalityId: number;
  municipalityName: string;
  strength: "resilient" | "high_result";
  /** The results it is high in, in words («ОГЭ по математике (средний балл)»). */
  highIn: readonly string[];
  /** How far above its expected result, in residual σ of the contextual model; null when no model was fitted. */
  aboveExpectedSd: number | null;
};

/** A teacher or head of such a school with their current scores by block. */
export type CandidateTeacher = {
  id: number;
  fullName: string;
  position: "teacher" | "director" | "deputy";
  subjects: readonly string[];
  schoolId: number;
  scores: BlockScores;
};

/** A mentor candidate: who, where, their strong blocks, the sentence why, and whether already a mentor. */
export type MentorCandidate = {
  teacherId: number;
  fullName: string;
  position: CandidateTeacher["position"];
  subjects: string[];
  schoolId: number;
  schoolName: string;
  municipalityId: number;
  municipalityName: string;
  source: CandidateSchool["strength"];
  /** The blocks at the «освоено» level of the region's scale, with their scores. */
  strengths: BlockScores;
  sentence: string;
  /** The mentor registry entry of this teacher, if they are in it already. */
  mentorId: number | null;
};

/** The blocks as an adjective before «блок»: «предметный 92, оценочный 88». */
export const BLOCK_ADJECTIVES: Record<ProfessionalBlock, string> = {
  subject: "предметный",
  methodical: "методический",
  psychological: "психолого-педагогический",
  assessment: "оценочный",
  digital: "цифровой",
  normative: "нормативно-правовой",
};

/** How many of the results a school is high in the sentence names; the rest are counted. */
export const MAX_RESULTS_NAMED = 2;

/** «0,8»: a number of σ as the sentences print it. */
function formatSd(sd: number): string {
  return Math.abs(sd).toFixed(1).replace(".", ",");
}

/** «Средняя отметка ОГЭ» → «средняя отметка ОГЭ» inside a sentence; an acronym («ОГЭ по …») stays. */
function lowerFirst(name: string): string {
  const second = name.charAt(1);
  return second && second !== second.toUpperCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The first half of the sentence: what the contextual model says of the school. */
export function schoolReason(school: CandidateSchool): string {
  const sd = school.aboveExpectedSd;
  const vsExpected =
    sd === null
      ? null
      : sd >= 0.05
        ? `результат выше ожидаемого на ${formatSd(sd)} σ`
        : "результат на уровне ожидаемого";
  if (school.strength === "resilient") {
    return `Школа устойчивая по контекстной модели (${vsExpected ?? "высокий результат в трудных социальных условиях"})`;
  }
  const named = school.highIn.slice(0, MAX_RESULTS_NAMED).map(lowerFirst);
  const more = school.highIn.length - named.length;
  if (more > 0)
    named.push(`ещё ${more} ${more === 1 ? "результат" : more < 5 ? "результата" : "результатов"}`);
  const details = [...named, ...(vsExpected ? [vsExpected] : [])];
  const basis =
    sd === null ? "Школа с высокими результатами" : "Школа с высокими результатами по контекстной модели";
  return details.length > 0 ? `${basis} (${details.join("; ")})` : basis;
}

/** The strong blocks of a teacher on a scale: those at the «освоено» level. */
export function strongBlocks(scores: BlockScores, scale: DeficitScale): BlockScores {
  const out: BlockScores = {};
  for (const block of PROFESSIONAL_BLOCKS) {
    const score = scores[block];
    if (score !== undefined && levelOf(score, block, scale) === "mastered") out[block] = score;
  }
  return out;
}

/** «сильные блоки: предметный 92, оценочный 88», strongest first. */
export function strengthsPhrase(strengths: BlockScores): string {
  const list = PROFESSIONAL_BLOCKS.flatMap((block) => {
    const score = strengths[block];
    return score === undefined ? [] : [{ block, score }];
  }).sort((a, b) => b.score - a.score);
  const words = list.map((x) => `${BLOCK_ADJECTIVES[x.block]} ${Math.round(x.score)}`);
  return `${list.length === 1 ? "сильный блок" : "сильные блоки"}: ${words.join(", ")}`;
}

const mean = (s: BlockScores) => {
  const v = Object.values(s).filter((x): x is number => typeof x === "number");
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
};

/**
 * The mentor candidates among the staff of resilient or high-result schools: every active teacher or
 * head of such a school with at least one block at the «освоено» level of the region's scale (their
 * current score of the block). Each comes with its sentence: the school's reason, then the strong
 * blocks. Resilient schools' staff first, then by the mean of the strong blocks, their number, the name.
 */
export function mentorCandidates(input: {
  schools: readonly CandidateSchool[];
  teachers: readonly CandidateTeacher[];
  scale: DeficitScale;
  /** The mentor registry entry of each teacher already in it. */
  mentorOf: ReadonlyMap<number, number>;
}): MentorCandidate[] {
  const schoolById = new Map(input.schools.map((s) => [s.schoolId, s]));
  const out: MentorCandidate[] = [];
  for (const teacher of input.teachers) {
    const school = schoolById.get(teacher.schoolId);
    if (!school) continue;
    const strengths = strongBlocks(teacher.scores, input.scale);
    if (Object.keys(strengths).length === 0) continue;
    out.push({
      teacherId: teacher.id,
      fullName: teacher.fullName,
      position: teacher.position,
      subjects: [...teacher.subjects],
      schoolId: school.schoolId,
      schoolName: school.name,
      municipalityId: school.municipalityId,
      municipalityName: school.municipalityName,
      source: school.strength,
      strengths,
      sentence: `${schoolReason(school)}; ${strengthsPhrase(strengths)}`,
      mentorId: input.mentorOf.get(teacher.id) ?? null,
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.source === "resilient") - Number(a.source === "resilient") ||
      mean(b.strengths) - mean(a.strengths) ||
      Object.keys(b.strengths).length - Object.keys(a.strengths).length ||
      a.fullName.localeCompare(b.fullName, "ru") ||
      a.teacherId - b.teacherId,
  );
}
