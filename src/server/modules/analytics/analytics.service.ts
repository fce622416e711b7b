import {
  AnalyticsInputError,
  type AnalyticsOptions,
  type ClustersQuery,
  type ClustersResponse,
  type ContextModelQuery,
  type ContextModelResponse,
  clusterSchools,
  fitContextModel,
} from "../../../core/analytics";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { findIndicators } from "../indicators/indicator.repo";
import { findRunCategories, findSchoolsWithValues, findValueCoverage } from "./analytics.repo";
import { resolveIndicators } from "./analytics-indicators";
import { resolveAnalyticsScope } from "./analytics-scope";
import { defaultDataYear } from "./analytics-years";

/** Turns the engine's input problems (too few schools, collinear indicators…) into a 400. */
function asInputError(err: unknown): never {
  if (err instanceof AnalyticsInputError) throw new AppError("invalid_input", err.message);
  throw err;
}

const unique = (codes: readonly string[]) => [...new Set(codes)];

/** Keeps only the rows of one municipality when the scope says so. */
function inScope<T extends { municipalityId: number }>(rows: T[], municipalityId: number | null): T[] {
  return municipalityId === null ? rows : rows.filter((r) => r.municipalityId === municipalityId);
}

/**
 * The contextual model for a year: the result regressed on the context indicators over every
 * school of the region, each school's expected result, interval, residual and group.
 * The group rule is returned in `model.rule` (see core/analytics/quadrants.ts).
 */
export async function runContextModel({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: ContextModelQuery;
}): Promise<ContextModelResponse> {
  const scope = await resolveAnalyticsScope(db, actor, query.regionId);
  const context = unique(query.context);
  const [outcomeList, contextList] = await resolveIndicators(db, scope.regionId, [
    { path: "outcome", codes: [query.outcome] },
    { path: "context", codes: context },
  ]);
  const outcome = outcomeList![0]!;
  const schools = await findSchoolsWithValues(db, {
    regionId: scope.regionId,
    year: query.year,
    indicators: [outcome, ...contextList!],
  });
  let result: ReturnType<typeof fitContextModel>;
  try {
    result = fitContextModel({
      schools,
      outcome,
      context: contextList!,
      options: query.k === undefined ? {} : { residualSdMultiplier: query.k },
    });
  } catch (err) {
    asInputError(err);
  }
  const strip = ({
    code,
    name,
    direction,
  }: {
    code: string;
    name: string;
    direction: typeof outcome.direction;
  }) => ({
    code,
    name,
    direction,
  });
  return {
    regionId: scope.regionId,
    year: query.year,
    municipalityId: scope.municipalityId,
    model: {
      ...result.model,
      outcome: strip(result.model.outcome),
      context: result.model.context.map(strip),
    },
    schools: inScope(result.schools, scope.municipalityId),
    excluded: inScope(result.excluded, scope.municipalityId),
  };
}

/**
 * Clusters of the region's schools by the chosen indicators for a year, with profiles. The shares of
 * ШНРО and ШФНСУ come from the region's identification run for that year (the approved one if any).
 */
export async function runClusters({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: ClustersQuery;
}): Promise<ClustersResponse> {
  const scope = await resolveAnalyticsScope(db, actor, query.regionId);
  const [list] = await resolveIndicators(db, scope.regionId, [
    { path: "indicators", codes: unique(query.indicators) },
  ]);
  const indicators = list!;
  const schools = await findSchoolsWithValues(db, { regionId: scope.regionId, year: query.year, indicators });
  const run = await findRunCategories(db, scope.regionId, query.year);
  let result: ReturnType<typeof clusterSchools>;
  try {
    result = clusterSchools({
      schools,
      indicators,
      categories: run?.categories,
      options: query.k === undefined ? {} : { k: query.k },
    });
  } catch (err) {
    asInputError(err);
  }
  return {
    ...result,
    regionId: scope.regionId,
    year: query.year,
    municipalityId: scope.municipalityId,
    categoriesSource: run
      ? `Выявление № ${run.runId} за ${query.year} год${run.isApproved ? " (утверждено)" : " (не утверждено)"}`
      : null,
    indicators: result.indicators.map(({ code, name, direction }) => ({ code, name, direction })),
    schools: inScope(result.schools, scope.municipalityId),
    excluded: inScope(result.excluded, scope.municipalityId),
  };
}

/**
 * What the analytics pages offer: the region's school indicators with their value counts, the years
 * with data and the year to start from (see defaultDataYear).
 */
export async function getAnalyticsOptions({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<AnalyticsOptions> {
  const scope = await resolveAnalyticsScope(db, actor, regionId);
  const catalogue = await findIndicators(db, scope.regionId);
  const coverage = await findValueCoverage(db, scope.regionId);
  return {
    regionId: scope.regionId,
    indicators: catalogue
      .filter((i) => i.level === "school" && !i.isRetired)
      .map((i) => ({
        code: i.code,
        name: i.name,
        direction: i.direction,
        unit: i.unit,
        group: i.group,
        valueCount: coverage.counts.get(i.id) ?? 0,
      })),
    years: coverage.years,
    defaultYear: defaultDataYear(coverage.schoolsByYear),
  };
}
