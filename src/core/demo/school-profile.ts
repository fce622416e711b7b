import type { DemoSchool } from "./demo-region.types";
import { createRng, type Rng } from "./random";

/**
 * The hidden traits of a school that drive its demo values:
 * - disadvantage: how hard its social context is (higher for small rural schools), in SD units;
 * - effectiveness: how well it teaches whatever its context, mostly independent noise;
 * - shocks: a year-to-year wobble (AR(1)), so a school's results correlate across years.
 * Its achievement in a year is −0.6·disadvantage + effectiveness + shock.
 */
export type SchoolProfile = {
  school: DemoSchool;
  disadvantage: number;
  effectiveness: number;
  /** Achievement by year, in SD units of the region's schools. */
  achievement: Map<number, number>;
  hasGrade9: boolean;
  hasGrade11: boolean;
};

/** How strongly context lowers achievement; the rest is effectiveness and chance. */
export const CONTEXT_WEIGHT = 0.6;

/** Schools of these kinds teach grades 10–11 and sit ЕГЭ. */
export function hasGrade11(school: DemoSchool): boolean {
  return school.kind !== "ООШ" && school.kind !== "НОШ";
}

/** Schools of every kind except primary ones teach grade 9 and sit ОГЭ. */
export function hasGrade9(school: DemoSchool): boolean {
  return school.kind !== "НОШ";
}

function isSelective(school: DemoSchool): boolean {
  return school.kind === "гимназия" || school.kind === "лицей";
}

/**
 * The expected disadvantage of a school of this type before its own noise. Rural schools are worse
 * off on average but overlap widely with towns, so that, as in seeds 001 and 003, about 70 % of the
 * schools flagged ШНРО or ШФНСУ are rural while 65 % of all schools are (checked by the browser test).
 */
function baseDisadvantage(school: DemoSchool): number {
  if (isSelective(school)) return -0.9;
  if (!school.isRural) return school.municipalityCode === "smolensk" ? -0.4 : -0.1;
  return school.isSmall ? 0.3 : 0.05;
}

/** Yearly shocks as a stationary AR(1) series: each year keeps half of the last one's wobble. */
function drawShocks(rng: Rng, count: number): number[] {
  const shocks: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const previous = shocks[index - 1];
    shocks.push(previous === undefined ? rng.normal(0, 0.3) : 0.5 * previous + rng.normal(0, 0.26));
  }
  return shocks;
}

/**
 * How a school the demo needs in the programme struggles: below what its context predicts (an
 * underperforming school, ШНРО), or in a hard context as well (both ШНРО and ШФНСУ).
 */
export type DemoStruggle = "below_expected" | "hard_context";

/**
 * Draws a school's hidden traits; the stream depends on the seed and the school's code only. A
 * `struggle` (the demo directors' schools, which must lead programme schools) keeps the draw and
 * pushes the traits far enough that the preloaded rule sets identify the school every year.
 */
export function createSchoolProfile(
  seed: number,
  school: DemoSchool,
  years: readonly number[],
  struggle: DemoStruggle | null = null,
): SchoolProfile {
  const rng = createRng(seed, `profile:${school.code}`);
  // Towns have their hard neighbourhoods too (former factory settlements, hostels): many urban ШФНСУ.
  const neighbourhood = !school.isRural && !isSelective(school) && rng.chance(0.3) ? 1.3 : 0;
  const drawnDisadvantage = baseDisadvantage(school) + neighbourhood + rng.normal(0, 0.6);
  const drawnEffectiveness = rng.normal(0, 0.5) + (isSelective(school) ? 0.4 : 0);
  const disadvantage = struggle === "hard_context" ? Math.max(drawnDisadvantage, 1.6) : drawnDisadvantage;
  const effectiveness =
    struggle === null
      ? drawnEffectiveness
      : Math.min(drawnEffectiveness, struggle === "below_expected" ? -2.2 : -1.4);
  const shocks = drawShocks(rng, years.length);
  const achievement = new Map(
    years.map((year, index) => [year, -CONTEXT_WEIGHT * disadvantage + effectiveness + (shocks[index] ?? 0)]),
  );
  return {
    school,
    disadvantage,
    effectiveness,
    achievement,
    hasGrade9: hasGrade9(school),
    hasGrade11: hasGrade11(school),
  };
}

/** Logistic function: maps a logit to a probability. */
export function logistic(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** Logit of a probability in (0, 1). */
export function logit(probability: number): number {
  return Math.log(probability / (1 - probability));
}
