import { performance } from "node:perf_hooks";
import { clusterSchools, fitContextModel, type SchoolCategoryCode } from "../../src/core/analytics";
import {
  buildSchoolFacts,
  combineCategories,
  evaluateRuleSet,
  type RuleSet,
  type RuleSetEvaluation,
  ruleSetIndicatorCodes,
  ruleSetYears,
} from "../../src/core/identification";
import {
  findRegionSchoolRows,
  findSchoolsWithValues,
  findValueColumns,
} from "../../src/server/modules/analytics/analytics.repo";
import { resolveIndicators } from "../../src/server/modules/analytics/analytics-indicators";
import { findIndicatorMetas, loadSchoolFacts } from "../../src/server/modules/identification/facts.repo";
import type { Db } from "../../src/server/platform/db";

/** One timed stage. */
export type Stage = { stage: string; ms: number; note: string };

/** What the end-to-end run computes. */
export type PipelineConfig = {
  regionId: number;
  year: number;
  ruleSets: readonly RuleSet[];
  outcome: string;
  context: string[];
  clusterIndicators: string[];
};

/** Times `fn` and records it as a stage. */
export async function timed<T>(
  stages: Stage[],
  stage: string,
  fn: () => Promise<T> | T,
  note: (r: T) => string,
) {
  const start = performance.now();
  const result = await fn();
  stages.push({ stage, ms: performance.now() - start, note: note(result) });
  return result;
}

/**
 * The end-to-end computation as the application does it: facts from the database, the rule sets
 * (the identification engine) and categories, one year's values, the contextual model, the clusters.
 */
export async function runPipeline(db: Db, cfg: PipelineConfig) {
  const stages: Stage[] = [];
  const codes = [...new Set(cfg.ruleSets.flatMap((rs) => ruleSetIndicatorCodes(rs)))];
  const years = [...new Set(cfg.ruleSets.flatMap((rs) => ruleSetYears(rs, cfg.year)))].sort();
  const { metas, facts } = await timed(
    stages,
    "факты для правил из БД (по столбцам)",
    async () => {
      const metas = await findIndicatorMetas(db, cfg.regionId);
      const [ids] = await resolveIndicators(db, cfg.regionId, [{ path: "codes", codes }]);
      const codeById = new Map(ids!.map((i) => [i.id, i.code]));
      const [schools, columns] = await Promise.all([
        findRegionSchoolRows(db, cfg.regionId),
        findValueColumns(db, { regionId: cfg.regionId, indicatorIds: [...codeById.keys()], years }),
      ]);
      const values = columns.flatMap((c) =>
        c.schoolIds.map((schoolId, i) => ({
          schoolId,
          code: codeById.get(c.indicatorId)!,
          year: c.year,
          value: c.values[i]!,
        })),
      );
      return { metas, facts: buildSchoolFacts(schools, values) };
    },
    (r) => `${r.facts.length} школ × ${codes.length} показ. × ${years.length} г.`,
  );
  const { evaluations, categories } = await timed(
    stages,
    `прогон правил (${cfg.ruleSets.length} наб.) + категории`,
    () => {
      const evaluations: RuleSetEvaluation[] = cfg.ruleSets.map((rs) =>
        evaluateRuleSet(rs, cfg.year, facts, metas),
      );
      return { evaluations, categories: combineCategories(evaluations) };
    },
    (r) => {
      const flagged = r.categories.filter((c) => c.category !== "none" && c.category !== "insufficient_data");
      return `отмечено ${flagged.length}`;
    },
  );
  const analyticsCodes = [...new Set([cfg.outcome, ...cfg.context, ...cfg.clusterIndicators])];
  const { schools, indicators } = await timed(
    stages,
    "значения года из БД (аналитика)",
    async () => {
      const [indicators] = await resolveIndicators(db, cfg.regionId, [
        { path: "codes", codes: analyticsCodes },
      ]);
      const schools = await findSchoolsWithValues(db, {
        regionId: cfg.regionId,
        year: cfg.year,
        indicators: indicators!,
      });
      return { schools, indicators: new Map(indicators!.map((i) => [i.code, i])) };
    },
    (r) => `${r.schools.length} школ × ${analyticsCodes.length} показ.`,
  );
  const model = await timed(
    stages,
    "контекстная модель",
    () =>
      fitContextModel({
        schools,
        outcome: indicators.get(cfg.outcome)!,
        context: cfg.context.map((c) => indicators.get(c)!),
      }),
    (r) => `n=${r.model.n}, R²=${r.model.r2.toFixed(3)}, искл. ${r.excluded.length}`,
  );
  const categoryMap = new Map<number, SchoolCategoryCode>(categories.map((c) => [c.schoolId, c.category]));
  const clusters = await timed(
    stages,
    "кластеризация (k по силуэту 2..8)",
    () =>
      clusterSchools({
        schools,
        indicators: cfg.clusterIndicators.map((c) => indicators.get(c)!),
        categories: categoryMap,
      }),
    (r) => `k=${r.k}, силуэт ${r.silhouette.toFixed(2)}`,
  );
  stages.push({ stage: "ИТОГО (сквозной расчёт)", ms: stages.reduce((s, x) => s + x.ms, 0), note: "" });
  // For comparison: the identification module's own loader (long form, one row per value).
  const appLoader: Stage[] = [];
  await timed(
    appLoader,
    "для сравнения: loadSchoolFacts (identification, построчно)",
    () => loadSchoolFacts(db, { regionId: cfg.regionId, codes, years }),
    (r) => `${r.facts.length} школ`,
  );
  return { stages: [...stages, ...appLoader], total: stages.at(-1)!.ms, evaluations, model, clusters };
}

/** How many schools met a criterion of an evaluation. */
export function metCount(evaluation: RuleSetEvaluation, criterionId: string): number {
  return evaluation.schools.filter((s) =>
    s.criteria.some((c) => c.criterionId === criterionId && c.verdict === "met"),
  ).length;
}
