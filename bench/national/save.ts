import { performance } from "node:perf_hooks";
import type { RuleSet, RuleSetEvaluation } from "../../src/core/identification";
import type { RegionSchool } from "../../src/server/modules/identification/facts.repo";
import { insertRun } from "../../src/server/modules/identification/run.repo";
import {
  getSchoolHistory,
  listRunResults,
} from "../../src/server/modules/identification/run-results.service";
import { assembleSnapshot, type RunnableRuleSet } from "../../src/server/modules/identification/run-snapshot";
import type { Db } from "../../src/server/platform/db";
import type { Stage } from "./pipeline";

/** How many times the run is saved (the median is reported); BENCH_SAVE_REPEAT changes it. */
const REPEAT = Number(process.env.BENCH_SAVE_REPEAT ?? 3);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/**
 * The save of an identification run as the application does it (run-job → storeRun): the snapshot
 * rows assembled from the evaluations, then the run and its results written in one transaction.
 * Saved REPEAT times (each a new run, as a region re-running would); the median is the stage.
 */
export async function timeSave(
  db: Db,
  opts: {
    regionId: number;
    year: number;
    ruleSets: readonly RuleSet[];
    evaluations: readonly RuleSetEvaluation[];
    schools: readonly RegionSchool[];
  },
): Promise<Stage[]> {
  const runnable: RunnableRuleSet[] = opts.ruleSets.map((definition, index) => ({
    ruleSetId: index + 1,
    versionId: index + 1,
    version: 1,
    name: definition.name,
    category: definition.category,
    riskFlag: definition.category === "risk" ? (definition.riskFlag ?? definition.name) : null,
    definition,
  }));
  const assembleStart = performance.now();
  const results = assembleSnapshot(runnable, opts.evaluations, opts.schools);
  const assembleMs = performance.now() - assembleStart;
  const times: number[] = [];
  let runId = 0;
  for (let k = 0; k < REPEAT; k++) {
    const start = performance.now();
    runId = await db.transaction((tx) =>
      insertRun(
        tx,
        {
          regionId: opts.regionId,
          year: opts.year,
          ruleSets: runnable.map(({ definition: _d, ...rest }) => rest),
          createdBy: null,
          createdByName: "бенчмарк",
        },
        results,
      ),
    );
    times.push(performance.now() - start);
  }
  // The readers of the stored run: the results table of the region (every school with its
  // criteria, as the XLSX export reads it) and one school's card.
  const actor = {
    userId: 0,
    login: "bench",
    fullName: "бенчмарк",
    role: "region_admin" as const,
    regionId: opts.regionId,
    municipalityId: null,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
  };
  let start = performance.now();
  const all = await listRunResults({ db, actor, id: runId, query: {} });
  const readAllMs = performance.now() - start;
  const school = all[Math.floor(all.length / 2)]?.schoolId ?? 0;
  start = performance.now();
  const history = await getSchoolHistory({ db, actor, schoolId: school });
  const readOneMs = performance.now() - start;
  return [
    { stage: "снимок запуска: строки школ", ms: assembleMs, note: `${results.length} школ` },
    {
      stage: "сохранение запуска (медиана)",
      ms: median(times),
      note: `${REPEAT} раза: ${times.map((t) => (t / 1000).toFixed(1)).join(" / ")} с`,
    },
    { stage: "чтение запуска: все школы с критериями", ms: readAllMs, note: `${all.length} школ` },
    { stage: "чтение: карточка одной школы", ms: readOneMs, note: `${history.length} запуска` },
  ];
}
