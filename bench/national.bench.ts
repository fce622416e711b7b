/**
 * National-scale benchmark of identification and analytics (issue 4, item 8).
 *
 * 1. Generated: 40,000 schools × 3 years × 30 indicators (bench/national/generate.ts), loaded into
 *    PGlite and, when DATABASE_URL is set, a throw-away PostgreSQL database. Timed end to end: facts
 *    from the database, the three preloaded rule sets (evaluateRuleSet from core/identification) and
 *    the categories, one year's values, the contextual model, the clustering. Beside it, in the same
 *    run, the same criteria, the one-predictor regression and the z-scores in plain SQL.
 * 2. Real: the Poland grade-8 exam panel (12k schools × 5 years), read with the application's CSV
 *    reader, the same stages with a rule set over its indicators.
 *
 * Run: npx tsx bench/national.bench.ts   (BENCH_SCHOOLS=… to change the size; BENCH_SKIP_POLAND=1)
 * Targets: the end-to-end total under 5 s on PGlite, under 2 s on the PostgreSQL server. The pipeline
 * runs three times on the same data: the stages shown and the total judged are the median run's;
 * the summary also shows the first (cold) run's total.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fitContextModel } from "../src/core/analytics";
import { PRELOADED_RULE_SETS } from "../src/core/identification";
import type { Database } from "../src/server/platform/db";
import { type BenchEngine, benchEnginesOnDisk } from "./lib/engines";
import { printTable } from "./lib/table";
import { generateNation, NATIONAL_SPECS } from "./national/generate";
import { loadRegion } from "./national/load";
import {
  metCount,
  type PipelineConfig,
  type RepeatedPipeline,
  runPipelineRepeated,
  type Stage,
} from "./national/pipeline";
import { POLAND_INDICATORS, POLAND_RULE_SET, POLAND_YEARS, readPoland } from "./national/poland";
import { timeSave } from "./national/save";
import {
  belowMeanSd,
  bottomPercentMean,
  bottomPercentYear,
  runSqlCriteria,
  runSqlRegression,
  runSqlZScores,
  thresholdKofN,
} from "./national/sql-side";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 40_000);
const YEARS = [2023, 2024, 2025];
const YEAR = 2025;
const TARGET_MS = { pglite: 5000, postgresql: 2000 } as const;
const CONTEXT = [
  "parents_higher_education_share",
  "low_income_share",
  "single_parent_share",
  "non_native_russian_share",
];
const CLUSTER = [...CONTEXT, "prevention_register_share", "distance_to_center_km"];

type Summary = {
  набор: string;
  движок: string;
  "загрузка, с": number;
  "сквозной, мс": number;
  "первый, мс": number;
  цель: string;
  итог: string;
};
const summary: Summary[] = [];

const rows = (stages: Stage[]) =>
  stages.map((s) => ({ этап: s.stage, мс: Math.round(s.ms), примечание: s.note }));

/** The engine's single-predictor model, for the side-by-side with SQL's regr_slope. */
function engineSinglePredictor(result: RepeatedPipeline, predictor: string) {
  const start = performance.now();
  const single = fitContextModel({
    schools: result.model.schools.map((s) => ({
      ...s,
      values: { [result.model.model.outcome.code]: s.actual, [predictor]: s.context[0]! },
    })),
    outcome: result.model.model.outcome,
    context: [result.model.model.context.find((c) => c.code === predictor)!],
  });
  return {
    ms: performance.now() - start,
    slope: single.model.coefficients[1]!.estimate,
    belowCount: single.schools.filter((s) => s.standardizedResidual < -1).length,
  };
}

async function benchGenerated(engine: BenchEngine, data: ReturnType<typeof generateNation>) {
  const database: Database = await engine.open();
  try {
    const loadStart = performance.now();
    const { regionId } = await loadRegion(database.db, {
      code: "NAT",
      name: "Сгенерированная страна",
      municipalities: Array.from({ length: 400 }, (_, i) => `Муниципалитет ${i + 1}`),
      schools: data.schools.map((s) => ({ ...s, name: `Школа ${s.code}` })),
      indicatorCodes: NATIONAL_SPECS.map((s) => s.code),
      values: data.values,
    });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const cfg: PipelineConfig = {
      regionId,
      year: YEAR,
      ruleSets: PRELOADED_RULE_SETS.map((p) => p.ruleSet),
      outcome: "ege_math_mean",
      context: CONTEXT,
      clusterIndicators: CLUSTER,
    };
    const result = await runPipelineRepeated(database.db, cfg);
    const [shnro, shfnsu] = result.evaluations;
    // The SQL side judges the same schools as the engine: none below the rule set's size.
    const minShnro = cfg.ruleSets[0]?.minStudents ?? 0;
    const minShfnsu = cfg.ruleSets[1]?.minStudents ?? 0;
    const single = engineSinglePredictor(result, CONTEXT[0]!);
    const sqlStages = [
      ...(await runSqlCriteria(database.db, [
        {
          name: "ЕГЭ матем. ниже порога ≥ 0,2 в 2 из 3 лет",
          sql: thresholdKofN({
            regionId,
            code: "ege_math_below_min_share",
            year: YEAR,
            op: ">=",
            value: 0.2,
            k: 2,
            n: 3,
            minStudents: minShnro,
          }),
          engineCount: metCount(shnro!, "ege_math_fail"),
        },
        {
          name: "ЕГЭ рус. средний за 3 года в нижних 10%",
          sql: bottomPercentMean({
            regionId,
            code: "ege_rus_mean",
            year: YEAR,
            n: 3,
            percent: 10,
            minStudents: minShnro,
          }),
          engineCount: metCount(shnro!, "ege_rus_low"),
        },
        {
          name: "ВсОШ ниже среднего на 1 SD",
          sql: belowMeanSd({
            regionId,
            code: "olympiad_participants_share",
            year: YEAR,
            sd: 1,
            minStudents: minShnro,
          }),
          engineCount: metCount(shnro!, "olympiad_low"),
        },
        {
          name: "профучёт в худших 8%",
          sql: bottomPercentYear({
            regionId,
            code: "prevention_register_share",
            year: YEAR,
            percent: 8,
            isLowerBetter: true,
            minStudents: minShfnsu,
          }),
          engineCount: metCount(shfnsu!, "prevention_register"),
        },
      ])),
      ...(await runSqlRegression(
        database.db,
        { regionId, year: YEAR, outcome: "ege_math_mean", predictor: CONTEXT[0]!, isHigherBetter: true },
        single,
      )),
      ...(await runSqlZScores(database.db, { regionId, year: YEAR, codes: CLUSTER })),
    ];
    const saveStages = await timeSave(database.db, { ...cfg, ...result, schools: result.table.schools });
    const total = result.total;
    printTable(
      `Сгенерировано: ${SCHOOLS} школ × ${YEARS.length} г. × 30 показ., ${engine.kind} (загрузка ${loadSeconds.toFixed(1)} с)`,
      [
        ...rows(result.stages),
        {
          этап: "движок: регрессия с одним показателем",
          мс: Math.round(single.ms),
          примечание: "для сравнения с SQL",
        },
        ...rows(sqlStages),
        ...rows(saveStages),
      ],
    );
    summary.push({
      набор: `сгенерировано ${SCHOOLS}×${YEARS.length}×30`,
      движок: engine.kind,
      "загрузка, с": Number(loadSeconds.toFixed(1)),
      "сквозной, мс": Math.round(total),
      "первый, мс": Math.round(result.firstTotal),
      цель: `< ${TARGET_MS[engine.kind]}`,
      итог: total < TARGET_MS[engine.kind] ? "да" : "НЕТ",
    });
  } finally {
    await database.close();
  }
}

async function benchPoland(engine: BenchEngine, data: Awaited<ReturnType<typeof readPoland>>) {
  const database: Database = await engine.open();
  try {
    const loadStart = performance.now();
    const { regionId } = await loadRegion(database.db, {
      code: "PL",
      name: "Польша (экзамен 8 класса)",
      municipalities: data.municipalities,
      schools: data.schools,
      indicatorCodes: POLAND_INDICATORS.map((i) => i.code),
      values: data.values,
      seedCatalogue: false,
      extraIndicators: POLAND_INDICATORS,
    });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const context = ["pl_candidates", "pl_is_public"];
    const result = await runPipelineRepeated(database.db, {
      regionId,
      year: YEAR,
      ruleSets: [POLAND_RULE_SET],
      outcome: "pl_math_average",
      context,
      clusterIndicators: ["pl_polish_average", "pl_math_average", "pl_english_average", "pl_candidates"],
    });
    const single = engineSinglePredictor(result, "pl_candidates");
    const [evaluation] = result.evaluations;
    const sqlStages = [
      ...(await runSqlCriteria(database.db, [
        {
          name: "математика < 35 в 2 из 3 лет",
          sql: thresholdKofN({
            regionId,
            code: "pl_math_average",
            year: YEAR,
            op: "<",
            value: 35,
            k: 2,
            n: 3,
            minStudents: POLAND_RULE_SET.minStudents ?? 0,
          }),
          engineCount: metCount(evaluation!, "math_low"),
        },
        {
          name: "польский: средний за 3 года в нижних 10%",
          sql: bottomPercentMean({
            regionId,
            code: "pl_polish_average",
            year: YEAR,
            n: 3,
            percent: 10,
            minStudents: POLAND_RULE_SET.minStudents ?? 0,
          }),
          engineCount: metCount(evaluation!, "polish_bottom"),
        },
      ])),
      ...(await runSqlRegression(
        database.db,
        {
          regionId,
          year: YEAR,
          outcome: "pl_math_average",
          predictor: "pl_candidates",
          isHigherBetter: true,
        },
        single,
      )),
    ];
    const total = result.total;
    printTable(
      `Польша (реальные данные): ${data.schools.length} школ, ${data.rows} строк за ${POLAND_YEARS.length} лет, ${engine.kind} (загрузка ${loadSeconds.toFixed(1)} с)`,
      [
        ...rows(result.stages),
        {
          этап: "движок: регрессия с одним показателем",
          мс: Math.round(single.ms),
          примечание: "для сравнения с SQL",
        },
        ...rows(sqlStages),
      ],
    );
    summary.push({
      набор: `Польша ${data.schools.length}×${POLAND_YEARS.length}`,
      движок: engine.kind,
      "загрузка, с": Number(loadSeconds.toFixed(1)),
      "сквозной, мс": Math.round(total),
      "первый, мс": Math.round(result.firstTotal),
      цель: `< ${TARGET_MS[engine.kind]}`,
      итог: total < TARGET_MS[engine.kind] ? "да" : "НЕТ",
    });
  } finally {
    await database.close();
  }
}

const generated = generateNation({ schoolCount: SCHOOLS, municipalityCount: 400, years: YEARS, seed: 2025 });
console.log(`Сгенерировано ${generated.values.value.length} значений.`);
// PGlite in a data directory, as the product runs it (memory:// slows bulk loads with the table's size).
const dir = await mkdtemp(path.join(tmpdir(), "opora-national-bench-"));
try {
  for (const engine of benchEnginesOnDisk(dir)) await benchGenerated(engine, generated);
  if (!process.env.BENCH_SKIP_POLAND) {
    const poland = await readPoland();
    for (const engine of benchEnginesOnDisk(dir)) await benchPoland(engine, poland);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
printTable("Итог: сквозной расчёт (факты из БД → правила → модель → кластеры) против цели", summary);
