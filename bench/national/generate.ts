/**
 * A deterministic generator of a national-scale region: schools with a latent social context and a
 * latent school effect, and 30 school indicators per year shaped by them (so that rule sets catch
 * some schools, the contextual model has something to explain and clusters exist).
 */

/** mulberry32 with Box–Muller normals: fast and reproducible. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

type Shape = "share" | "score" | "count" | "bool";

/**
 * How an indicator depends on the school: value = f(base + ctx·context + eff·effect + noise·ε),
 * with f the logistic function for shares, identity for scores, rounding for counts.
 * A positive ctx means a harder context raises the value.
 */
type Spec = {
  code: string;
  shape: Shape;
  base: number;
  ctx: number;
  eff: number;
  noise: number;
  max: number;
};

const s = (code: string, base: number, ctx: number, eff: number, noise = 0.4): Spec => ({
  code,
  shape: "share",
  base,
  ctx,
  eff,
  noise,
  max: 1,
});

/** The 30 school indicators of the preloaded catalogue. */
export const NATIONAL_SPECS: Spec[] = [
  s("good_marks_share", -0.5, -0.4, -0.5),
  s("distinction_9_share", -4, -0.4, -0.4),
  s("no_certificate_share", -3.6, 0.5, 0.5),
  { code: "gold_medals_regional", shape: "count", base: 1, ctx: -0.6, eff: -0.5, noise: 0.8, max: 50 },
  { code: "gold_medals_federal", shape: "count", base: 0.8, ctx: -0.6, eff: -0.5, noise: 0.8, max: 50 },
  s("ege_rus_below_min_share", -4.5, 0.5, 0.6),
  s("ege_math_below_min_share", -1.7, 0.5, 0.6),
  s("ege_elective_below_min_share", -0.9, 0.4, 0.5),
  s("prevention_register_share", -2, 0.6, 0.2),
  { code: "teacher_vacancies", shape: "count", base: 1, ctx: 0.8, eff: 0.3, noise: 0.8, max: 30 },
  s("teachers_trained_share", 1, -0.2, -0.3),
  { code: "has_psychologist", shape: "bool", base: 0.3, ctx: -0.7, eff: -0.3, noise: 0.6, max: 1 },
  { code: "methodical_events", shape: "count", base: 1.7, ctx: -0.3, eff: -0.4, noise: 0.8, max: 30 },
  { code: "ege_math_mean", shape: "score", base: 58, ctx: -5, eff: -5, noise: 3, max: 100 },
  { code: "ege_rus_mean", shape: "score", base: 68, ctx: -4, eff: -4, noise: 3, max: 100 },
  { code: "oge_math_mean", shape: "score", base: 3.7, ctx: -0.25, eff: -0.25, noise: 0.12, max: 5 },
  { code: "oge_rus_mean", shape: "score", base: 3.9, ctx: -0.2, eff: -0.2, noise: 0.12, max: 5 },
  s("oge_math_below_min_share", -2.2, 0.6, 0.6),
  s("oge_rus_below_min_share", -3, 0.5, 0.5),
  s("olympiad_participants_share", -1.3, -0.5, -0.4),
  s("olympiad_winners_share", -3.8, -0.5, -0.5),
  s("disadvantaged_families_share", -2.2, 0.7, 0.1),
  s("parents_higher_education_share", -0.4, -0.9, 0, 0.2),
  s("single_parent_share", -1.4, 0.5, 0, 0.2),
  s("non_native_russian_share", -3, 0.4, 0, 0.3),
  s("low_income_share", -1.7, 0.8, 0, 0.2),
  s("students_with_disabilities_share", -3, 0.3, 0, 0.3),
  s("extracurricular_share", 0.4, -0.6, -0.2, 0.3),
  s("teachers_pension_age_share", -1.3, 0.5, 0, 0.3),
  { code: "distance_to_center_km", shape: "count", base: 18, ctx: 12, eff: 0, noise: 4, max: 200 },
];

/** A generated school. */
export type GeneratedSchool = { code: string; municipality: number; isRural: boolean; students: number };

/** Generated values in columns, ready for an `unnest` insert. */
export type GeneratedValues = {
  school: Int32Array;
  indicator: Int16Array;
  year: Int16Array;
  value: Float64Array;
};

function shapeValue(spec: Spec, x: number): number {
  switch (spec.shape) {
    case "share":
      return Math.round((1 / (1 + Math.exp(-x))) * 1000) / 1000;
    case "score":
      return Math.round(Math.min(spec.max, Math.max(0, x)) * 10) / 10;
    case "count":
      return Math.max(0, Math.min(spec.max, Math.round(x)));
    case "bool":
      return x > 0 ? 1 : 0;
  }
}

/** Generates `schoolCount` schools in `municipalityCount` municipalities and their values for the years. */
export function generateNation(opts: {
  schoolCount: number;
  municipalityCount: number;
  years: readonly number[];
  seed: number;
}): { schools: GeneratedSchool[]; values: GeneratedValues } {
  const r = rng(opts.seed);
  const n = opts.schoolCount;
  const total = n * opts.years.length * NATIONAL_SPECS.length;
  const values: GeneratedValues = {
    school: new Int32Array(total),
    indicator: new Int16Array(total),
    year: new Int16Array(total),
    value: new Float64Array(total),
  };
  const schools: GeneratedSchool[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const context = r.normal();
    const effect = r.normal();
    const isRural = context + 0.5 * r.normal() > 0;
    schools.push({
      code: `N${String(i + 1).padStart(6, "0")}`,
      municipality: i % opts.municipalityCount,
      isRural,
      students: isRural ? 40 + Math.floor(r.next() * 200) : 300 + Math.floor(r.next() * 900),
    });
    opts.years.forEach((year) => {
      NATIONAL_SPECS.forEach((spec, j) => {
        const x = spec.base + spec.ctx * context + spec.eff * effect + spec.noise * r.normal();
        values.school[k] = i;
        values.indicator[k] = j;
        values.year[k] = year;
        values.value[k] = shapeValue(spec, x);
        k++;
      });
    });
  }
  return { schools, values };
}
