import { setImmediate as nextTurn } from "node:timers/promises";
import {
  prepareRuleSet,
  ruleSetEvaluation,
  ruleSetIndicatorCodes,
  ruleSetIndicatorYears,
  type SchoolRuleResult,
} from "../../../core/identification";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { findIndicatorMetas, loadFactsTable } from "./facts.repo";
import type { ResultWrite } from "./run.repo";
import { assembleSnapshot, type RunnableRuleSet } from "./run-snapshot";

/** Schools evaluated between two progress reports (and two turns of the event loop). */
const SLICE = 2000;

/** Progress of an evaluation: the stage and schools done of total (0 of 0 while loading). */
export type IdentifyProgress = { stage: "load" | "evaluate"; done: number; total: number };

/**
 * Evaluates rule sets for a year over every school of a region: loads the catalogue, the schools
 * and only the values the rule sets read (a few set-based queries, values in columns), and builds
 * each school's result. Evaluates in slices of schools, reporting progress and letting the event
 * loop serve requests in between. Stores nothing; a run stores what this returns. 400 when a rule
 * set names an indicator the region's catalogue lacks.
 */
export async function identifyRegion(
  db: Db,
  opts: {
    regionId: number;
    ruleSets: readonly RunnableRuleSet[];
    year: number;
    onProgress?: (progress: IdentifyProgress) => Promise<void> | void;
  },
): Promise<ResultWrite[]> {
  const { regionId, ruleSets, year, onProgress } = opts;
  const indicators = await findIndicatorMetas(db, regionId);
  const codes = [...new Set(ruleSets.flatMap((r) => ruleSetIndicatorCodes(r.definition)))];
  const known = new Set(indicators.map((i) => i.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError("invalid_input", `В каталоге региона нет показателей: ${unknown.join(", ")}`);
  }
  await onProgress?.({ stage: "load", done: 0, total: 0 });
  const parts = ruleSets.flatMap((r) => ruleSetIndicatorYears(r.definition, year));
  const { schools, table } = await loadFactsTable(db, { regionId, parts });
  const evaluators = ruleSets.map((r) => prepareRuleSet(r.definition, year, table, indicators));
  const results: SchoolRuleResult[][] = ruleSets.map(() => []);
  const total = schools.length;
  for (let from = 0; from < total; from += SLICE) {
    const to = Math.min(total, from + SLICE);
    evaluators.forEach((evaluate, r) => {
      for (let index = from; index < to; index++) results[r]!.push(evaluate(index));
    });
    await onProgress?.({ stage: "evaluate", done: to, total });
    await nextTurn();
  }
  const evaluations = ruleSets.map((r, k) => ruleSetEvaluation(r.definition, year, results[k]!));
  return assembleSnapshot(ruleSets, evaluations, schools);
}
