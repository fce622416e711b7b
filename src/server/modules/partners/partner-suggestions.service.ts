import {
  type AnalyticsIndicator,
  AnalyticsInputError,
  type AnalyticsSchool,
  clusterSchools,
  fitContextModel,
} from "../../../core/analytics";
import {
  clusterName,
  type PartnerCandidate,
  type PartnerSuggestion,
  pointOf,
  suggestPartners,
} from "../../../core/partners";
import type { Db } from "../../platform/db";
import { findSchoolsWithValues } from "../analytics/analytics.repo";
import { findIndicators } from "../indicators/indicator.repo";
import {
  findLatestApprovedRun,
  findRegionSchoolPlaces,
  findRunCategoryMap,
  type SchoolPlace,
} from "./partners.repo";

/**
 * The results a partner school may be high in: the mean scores of ОГЭ and ЕГЭ in mathematics and
 * Russian, each a contextual model of its own on the same context indicators (a school without
 * grade 11 is judged by the ОГЭ alone).
 */
export const PARTNER_OUTCOMES = ["oge_math_mean", "oge_rus_mean", "ege_math_mean", "ege_rus_mean"] as const;

/** The context of the contextual model, as on the analytics page. */
export const PARTNER_CONTEXT = [
  "parents_higher_education_share",
  "low_income_share",
  "single_parent_share",
] as const;

/** The survey «Социальные условия функционирования школы»: the clusters of social conditions, as on the clusters page. */
export const PARTNER_CLUSTER_INDICATORS = [
  "parents_higher_education_share",
  "low_income_share",
  "single_parent_share",
  "prevention_register_share",
  "distance_to_center_km",
] as const;

/** The category codes of a programme school (ШНРО, ШФНСУ or both). */
const PROGRAMME = new Set(["shnro", "shfnsu", "both"]);

/** What the suggestions of a region are made from: the run, the candidates, the clusters, in words. */
export type RegionPartnerBasis = {
  runId: number | null;
  year: number | null;
  /** The programme schools of the run. */
  programmeSchoolIds: Set<number>;
  candidates: PartnerCandidate[];
  clusterOf: Map<number, number>;
  clusterNames: Map<number, string>;
  places: Map<number, SchoolPlace>;
  notes: string[];
};

type Catalogue = Map<string, AnalyticsIndicator & { id: number }>;

function pick(catalogue: Catalogue, codes: readonly string[]) {
  return codes.flatMap((code) => {
    const indicator = catalogue.get(code);
    return indicator ? [indicator] : [];
  });
}

/**
 * The region's basis for suggesting partner schools: the programme schools of the latest approved
 * identification run; the candidates — schools outside the programme that the contextual model of
 * the run's year finds resilient (a high result in hard conditions) or high in a result and not below
 * their expectation, by any of PARTNER_OUTCOMES; and the clusters of social conditions of that year
 * (k by silhouette, seed 42, as the clusters page computes them). Nothing of it is stored: it is
 * computed from the values on each request. When the clusters cannot be built (too few schools with
 * the survey's values), suggestions fall back to distance alone and the notes say so.
 */
export async function loadRegionPartnerBasis(
  db: Db,
  regionId: number,
  opts: { withSuggestions?: boolean } = {},
): Promise<RegionPartnerBasis> {
  const placesList = await findRegionSchoolPlaces(db, regionId);
  const places = new Map(placesList.map((place) => [place.id, place]));
  const basis: RegionPartnerBasis = {
    runId: null,
    year: null,
    programmeSchoolIds: new Set(),
    candidates: [],
    clusterOf: new Map(),
    clusterNames: new Map(),
    places,
    notes: [],
  };
  const run = await findLatestApprovedRun(db, regionId);
  if (!run) {
    basis.notes.push(
      "В регионе нет утверждённого выявления: нельзя определить школы программы и школы-партнёры.",
    );
    return basis;
  }
  basis.runId = run.id;
  basis.year = run.year;
  const categories = await findRunCategoryMap(db, run.id);
  for (const [schoolId, category] of categories)
    if (PROGRAMME.has(category)) basis.programmeSchoolIds.add(schoolId);
  if (opts.withSuggestions === false) return basis;
  const catalogue: Catalogue = new Map(
    (await findIndicators(db, regionId))
      .filter((row) => row.level === "school")
      .map((row) => [row.code, { id: row.id, code: row.code, name: row.name, direction: row.direction }]),
  );
  const outcomes = pick(catalogue, PARTNER_OUTCOMES);
  const context = pick(catalogue, PARTNER_CONTEXT);
  const clusterIndicators = pick(catalogue, PARTNER_CLUSTER_INDICATORS);
  const all = [...new Map([...outcomes, ...context, ...clusterIndicators].map((i) => [i.code, i])).values()];
  const schools = await findSchoolsWithValues(db, { regionId, year: run.year, indicators: all });

  const strengths = new Map<number, { isResilient: boolean; highIn: string[]; sd: number | null }>();
  const used: string[] = [];
  for (const outcome of outcomes) {
    try {
      const model = fitContextModel({ schools, outcome, context });
      used.push(`«${outcome.name}» (${model.model.n} школ)`);
      for (const row of model.schools) {
        const isResilient = row.quadrant === "resilient";
        const isHigh = row.isHighResult && !row.isBelowExpected;
        if (!isResilient && !isHigh) continue;
        const entry = strengths.get(row.schoolId) ?? { isResilient: false, highIn: [], sd: null };
        entry.isResilient ||= isResilient;
        if (isHigh) entry.highIn.push(outcome.name);
        entry.sd = Math.max(entry.sd ?? Number.NEGATIVE_INFINITY, row.standardizedResidual);
        strengths.set(row.schoolId, entry);
      }
    } catch (error) {
      if (!(error instanceof AnalyticsInputError)) throw error;
      const best = bestThird(schools, outcome);
      for (const schoolId of best) {
        const entry = strengths.get(schoolId) ?? { isResilient: false, highIn: [], sd: null };
        entry.highIn.push(outcome.name);
        strengths.set(schoolId, entry);
      }
      basis.notes.push(
        `Контекстная модель по показателю «${outcome.name}» не построена (${error.message}): высокий результат — лучшая треть школ региона по этому показателю (${best.length} школ).`,
      );
    }
  }
  if (used.length > 0) {
    basis.notes.push(
      `Высокие результаты и устойчивость — по контекстной модели за ${run.year} год: ${used.join(", ")}; школы программы (выявление № ${run.id}) не предлагаются.`,
    );
  }
  try {
    const clusters = clusterSchools({ schools, indicators: clusterIndicators });
    const names = new Map(clusterIndicators.map((i) => [i.code, i.name]));
    for (const profile of clusters.profiles)
      basis.clusterNames.set(profile.cluster, clusterName(profile, names));
    for (const row of clusters.schools) basis.clusterOf.set(row.schoolId, row.cluster);
    basis.notes.push(
      `Кластеры социальных условий: ${clusters.k} кластеров по ${clusterIndicators.length} показателям опроса «Социальные условия функционирования школы» за ${run.year} год.`,
    );
  } catch (error) {
    if (!(error instanceof AnalyticsInputError)) throw error;
    basis.notes.push(
      `Кластеры социальных условий не построены (${error.message}): школы-партнёры подобраны только по расстоянию.`,
    );
  }
  for (const [schoolId, strength] of strengths) {
    const place = places.get(schoolId);
    if (!place || basis.programmeSchoolIds.has(schoolId)) continue;
    basis.candidates.push({
      schoolId,
      code: place.code,
      name: place.name,
      municipalityId: place.municipalityId,
      municipalityName: place.municipalityName,
      point: pointOf(place),
      strength: strength.isResilient ? "resilient" : "high_result",
      highIn: strength.highIn,
      aboveExpectedSd: strength.sd,
      cluster: basis.clusterOf.get(schoolId) ?? null,
    });
  }
  return basis;
}

/**
 * The fallback when the contextual model cannot be fitted (too few schools, a constant context):
 * the best third of the schools with a value of the result, by its direction; none below 3 schools.
 */
function bestThird(schools: readonly AnalyticsSchool[], outcome: AnalyticsIndicator): number[] {
  const sign = outcome.direction === "higher_better" ? 1 : -1;
  const rows = schools.flatMap((school) => {
    const value = school.values[outcome.code];
    return value === undefined || !Number.isFinite(value)
      ? []
      : [{ id: school.schoolId, score: sign * value }];
  });
  if (rows.length < 3) return [];
  rows.sort((a, b) => b.score - a.score || a.id - b.id);
  return rows.slice(0, Math.ceil(rows.length / 3)).map((row) => row.id);
}

/** The suggested partner schools of one school from the region's basis, leaving out its current partners. */
export function suggestionsFor(
  basis: RegionPartnerBasis,
  schoolId: number,
  partnerIds: ReadonlySet<number>,
  limit = 5,
): PartnerSuggestion[] {
  const place = basis.places.get(schoolId);
  if (!place) return [];
  return suggestPartners({
    seeker: { schoolId, point: pointOf(place), cluster: basis.clusterOf.get(schoolId) ?? null },
    candidates: basis.candidates,
    clusterNames: basis.clusterNames,
    excludeIds: partnerIds,
    limit,
  });
}
