import {
  type BlockScores,
  PROFESSIONAL_BLOCKS,
  SELF_ASSESSMENT_STATEMENTS,
  scoreSelfAssessment,
} from "../../teachers";
import { createPerson } from "../people";
import { createRng } from "../random";

/** A demo teacher of a school, before it is stored. */
export type DemoTeacher = {
  fullName: string;
  position: "teacher" | "director" | "deputy";
  subjects: string[];
  category: "none" | "first" | "highest";
  experienceYears: number;
};

/** A demo diagnosis of the teacher at `index` in the school's list. */
export type DemoDiagnosis = {
  index: number;
  assessedOn: string;
  source: "test" | "self";
  scores: BlockScores;
};

/** The subjects of a school's staff, with how many teachers of each a school of 30 has. */
const SUBJECT_WEIGHTS: readonly [string[], number][] = [
  [["русский язык", "литература"], 5],
  [["математика"], 4],
  [["математика", "информатика"], 1],
  [["начальные классы"], 6],
  [["английский язык"], 3],
  [["история", "обществознание"], 2],
  [["биология"], 1],
  [["химия"], 1],
  [["физика"], 1],
  [["география"], 1],
  [["физическая культура"], 2],
  [["музыка"], 1],
  [["изобразительное искусство", "технология"], 1],
  [["ОБЗР"], 1],
];

const TOTAL_WEIGHT = SUBJECT_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/**
 * The staff of a demo school: a director and a deputy or two (who also teach), then teachers by
 * subject in the usual proportions, `size` people in all (15–40 for the programme's schools), with
 * realistic categories and years of experience. Deterministic by seed and school code.
 */
export function generateDemoStaff(seed: number, schoolCode: string, size: number): DemoTeacher[] {
  const rng = createRng(seed, `teachers:${schoolCode}`);
  const names = new Set<string>();
  const person = () => {
    for (;;) {
      const { fullName } = createPerson(rng, 0.82);
      if (!names.has(fullName)) {
        names.add(fullName);
        return fullName;
      }
    }
  };
  const pickSubjects = () => {
    let roll = rng.next() * TOTAL_WEIGHT;
    for (const [subjects, weight] of SUBJECT_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return [...subjects];
    }
    return ["русский язык"];
  };
  const experience = () => Math.max(0, Math.min(45, Math.round(rng.normal(19, 11))));
  const categoryOf = (years: number): DemoTeacher["category"] => {
    if (years < 3) return "none";
    const roll = rng.next();
    return roll < 0.35 + years / 100 ? "highest" : roll < 0.8 ? "first" : "none";
  };
  const staff: DemoTeacher[] = [];
  const deputies = size >= 25 ? 2 : 1;
  for (let i = 0; i < size; i++) {
    const position = i === 0 ? "director" : i <= deputies ? "deputy" : "teacher";
    const years = position === "teacher" ? experience() : rng.int(15, 38);
    const subjects = i === 1 ? ["математика"] : i === 2 ? ["русский язык", "литература"] : pickSubjects();
    staff.push({
      fullName: person(),
      position,
      subjects,
      category: categoryOf(years),
      experienceYears: years,
    });
  }
  return staff;
}

const clip = (x: number) => Math.max(5, Math.min(100, Math.round(x)));

/**
 * The diagnoses of a school's staff in the school year ending `year`: a test in October for most
 * (about 80%), a self-assessment for some others (about 12%, answers drawn around their level and
 * scored by the questionnaire's formula), a re-test in May for about a third of those tested. Teachers
 * in `priority` (indexes) score lower in the subject and assessment blocks; at re-assessment scores
 * rise on average, most where there was a deficit.
 */
export function generateDemoDiagnoses(
  seed: number,
  schoolCode: string,
  staff: readonly DemoTeacher[],
  opts: { year: number; priority: ReadonlySet<number> },
): DemoDiagnosis[] {
  const rng = createRng(seed, `diagnoses:${schoolCode}`);
  const out: DemoDiagnosis[] = [];
  staff.forEach((_, index) => {
    const roll = rng.next();
    const weak = opts.priority.has(index);
    const level = rng.normal(weak ? 52 : 64, 8);
    const base: BlockScores = {};
    for (const block of PROFESSIONAL_BLOCKS) {
      const dip = weak && (block === "subject" || block === "assessment") ? 14 : 0;
      const digitalDip = block === "digital" ? 6 : 0;
      base[block] = clip(rng.normal(level - dip - digitalDip, 12));
    }
    const day = String(rng.int(1, 28)).padStart(2, "0");
    if (roll < 0.8) {
      out.push({ index, assessedOn: `${opts.year - 1}-10-${day}`, source: "test", scores: base });
      if (rng.chance(weak ? 0.6 : 0.3)) {
        const after: BlockScores = {};
        for (const block of PROFESSIONAL_BLOCKS) {
          const before = base[block] ?? 50;
          after[block] = clip(before + rng.normal(before < 50 ? 14 : 4, 6));
        }
        out.push({ index, assessedOn: `${opts.year}-05-${day}`, source: "test", scores: after });
      }
    } else if (roll < 0.92) {
      const answers: Record<string, number> = {};
      for (const s of SELF_ASSESSMENT_STATEMENTS) {
        answers[s.id] = Math.max(
          1,
          Math.min(5, Math.round(1 + ((base[s.block] ?? 50) / 100) * 4 + rng.normal(0, 0.6))),
        );
      }
      out.push({
        index,
        assessedOn: `${opts.year - 1}-11-${day}`,
        source: "self",
        scores: scoreSelfAssessment(answers),
      });
    }
  });
  return out;
}

/** The activities of a demo ИОМ for the deficits named, with deadlines in the school year ending `year`. */
export function demoPlanItems(year: number, deficitLabels: readonly string[], seed: number, key: string) {
  const rng = createRng(seed, `iom:${key}`);
  const first = deficitLabels[0] ?? "профессиональные дефициты";
  return [
    {
      text: `Посетить уроки наставника и разобрать их по блоку «${first}»`,
      deadline: `${year - 1}-12-20`,
      isDone: true,
    },
    { text: "Провести открытый урок с самоанализом", deadline: `${year}-03-15`, isDone: rng.chance(0.6) },
    { text: "Представить опыт на заседании ШМО", deadline: `${year}-04-25`, isDone: rng.chance(0.4) },
    { text: "Пройти повторную диагностику дефицитов", deadline: `${year}-05-25`, isDone: false },
  ];
}
