import { DEMO_YEARS } from "../../../core/demo";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { identifyRegion } from "../identification/identify.service";
import { prepareRun, storeRun } from "../identification/run.service";
import { approveRun } from "../identification/run-approval.service";

/** The approved identification runs the demo region starts with: the last two years of its data. */
export type DemoRuns = { latest: { id: number; year: number }; previous: { id: number; year: number } };

async function runAndApprove(db: Db, analyst: Actor, year: number): Promise<{ id: number; year: number }> {
  const run = await prepareRun(db, analyst, { year });
  const results = await identifyRegion(db, run);
  const id = await storeRun(db, analyst, run, results);
  await approveRun({ db, actor: analyst, id });
  return { id, year };
}

/**
 * Runs the region's active (preloaded) rule sets over the last two years of demo data and approves
 * both lists as the regional analyst would: the region's programme schools of each year, which the
 * causes, plans and their comparison between years start from.
 */
export async function loadDemoRuns(db: Db, analyst: Actor): Promise<DemoRuns> {
  const years = [...DEMO_YEARS].sort((a, b) => a - b);
  const latestYear = years[years.length - 1];
  const previousYear = years[years.length - 2];
  if (latestYear === undefined || previousYear === undefined) throw new Error("Демо-данные: нужны два года");
  const previous = await runAndApprove(db, analyst, previousYear);
  const latest = await runAndApprove(db, analyst, latestYear);
  return { latest, previous };
}
