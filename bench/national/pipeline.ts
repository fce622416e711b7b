import { performance } from "node:perf_hooks";
import {
  clusterSchools,
  fitContextModel,
  type SchoolCategoryCode,
  yearSchoolsOf,
} from "../../src/core/analytics";
import {
  combineCategories,
  evaluateRuleSet,
  indicatorYearPairs,
  type RuleSet,
  type RuleSetEvaluation,
  ruleSetIndicatorCodes,
  ruleSetIndicatorYears,
} from "../../src/core/identification";
import { findSchoolsWithValues } from "../../src/server/modules/analytics/analytics.repo";
import { resolveIndicators } from "../../src/server/modules/analytics/analytics-indicators";
import { findIndicatorMetas, loadFactsTable } from "../../src/server/modules/identification/facts.repo";
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
 * The end-to-end computation as the application does it: facts from the database (one load of every
 * indicator the rule sets and the analytics read, in columns), the rule sets (the identification
 * engine) and categories, the run year's view of the same facts, the contextual model, the clusters.
 */
export async function runPipeline(db: Db, cfg: PipelineConfig) {
  const stages: Stage[] = [];
  const ruleCodes = [...new Set(cfg.ruleSets.flatMap((rs) => ruleSetIndicatorCodes(rs)))];
  const analyticsCodes = [...new Set([cfg.outcome, ...cfg.context, ...cfg.clusterIndicators])];
  const parts = [
    ...cfg.ruleSets.flatMap((rs) => ruleSetIndicatorYears(rs, cfg.year)),
    { codes: analyticsCodes, years: [cfg.year] },
  ];
  const pairs = indicatorYearPairs(parts).length;
  const { metas, table, indicators } = await timed(
    stages,
    "факты из БД: упакованные столбцы",
    async () => {
      const [metas, [resolved], { table }] = await Promise.all([
        findIndicatorMetas(db, cfg.regionId),
        resolveIndicators(db, cfg.regionId, [{ path: "codes", codes: analyticsCodes }]),
        loadFactsTable(db, { regionId: cfg.regionId, parts }),
      ]);
      return { metas, table, indicators: new Map(resolved!.map((i) => [i.code, i])) };
    },
    (r) =>
      `${r.table.schools.length} школ: ${pairs} столбцов «показатель × год» (правила: ${ruleCodes.length} показ. в окнах критериев, аналитика: ${analyticsCodes.length} показ. за ${cfg.year} г.)`,
  );
  const { evaluations, categories } = await timed(
    stages,
    `прогон правил (${cfg.ruleSets.length} наб.) + категории`,
    () => {
      const evaluations: RuleSetEvaluation[] = cfg.ruleSets.map((rs) =>
        evaluateRuleSet(rs, cfg.year, table, metas),
      );
      return { evaluations, categories: combineCategories(evaluations) };
    },
    (r) => {
      const flagged = r.categories.filter((c) => c.category !== "none" && c.category !== "insufficient_data");
      return `отмечено ${flagged.length}`;
    },
  );
  const schools = await timed(
    stages,
    "значения года (из тех же фактов)",
    () => yearSchoolsOf(table, cfg.year, analyticsCodes),
    (r) => `${r.length} школ × ${analyticsCodes.length} показ.`,
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
  // For comparison: the analytics endpoints' own reader of one year (what the model and clusters
  // pages load on their own).
  const apart: Stage[] = [];
  await timed(
    apart,
    "для сравнения: findSchoolsWithValues (страницы аналитики)",
    () =>
      findSchoolsWithValues(db, {
        regionId: cfg.regionId,
        year: cfg.year,
        indicators: [...indicators.values()],
      }),
    (r) => `${r.length} школ`,
  );
  return { stages: [...stages, ...apart], total: stages.at(-1)!.ms, evaluations, model, clusters, table };
}

/** The pipeline's result of its median run of several, with the first run's total (cold: empty caches). */
export type RepeatedPipeline = Awaited<ReturnType<typeof runPipeline>> & {
  firstTotal: number;
  totals: number[];
};

/**
 * Runs the pipeline `times` times on the same data and returns the run with the median total (its
 * stages) and every total. The first run pays for cold caches and new connections, as the first
 * run after a server start would; the median is what a region's analyst sees day to day.
 */
export async function runPipelineRepeated(db: Db, cfg: PipelineConfig, times = 3): Promise<RepeatedPipeline> {
  const runs: Awaited<ReturnType<typeof runPipeline>>[] = [];
  for (let k = 0; k < times; k++) runs.push(await runPipeline(db, cfg));
  const median = [...runs].sort((a, b) => a.total - b.total)[Math.floor(runs.length / 2)]!;
  const totals = runs.map((r) => r.total);
  const note = `прогоны (${times}): ${totals.map((t) => Math.round(t)).join(" / ")} мс; показан медианный`;
  const stages = median.stages.map((s) => (s.stage.startsWith("ИТОГО") ? { ...s, note } : s));
  return { ...median, stages, firstTotal: totals[0]!, totals };
}

/** How many schools met a criterion of an evaluation. */
export function metCount(evaluation: RuleSetEvaluation, criterionId: string): number {
  return evaluation.schools.filter((s) =>
    s.criteria.some((c) => c.criterionId === criterionId && c.verdict === "met"),
  ).length;
}
