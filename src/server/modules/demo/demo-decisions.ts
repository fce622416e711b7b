import type { DecisionKind, DecisionStatus } from "../../../core/decisions";
import { createRng, type Rng } from "../../../core/demo";
import { INDICATOR_GROUPS } from "../../../core/indicators";
import { schoolDecisions } from "../../db/schema";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findSchoolPlanVersions, findSchoolValues } from "../decisions/decisions.repo";
import { planTargets } from "../decisions/decisions.service";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import { insertDemoValues } from "./demo.repo";
import type { DemoRuns } from "./demo-identification";
import { findRunProgrammeSchools, type RunProgrammeSchool } from "./demo-programme.repo";

/** What the demo's decisions step added. */
export type DemoDecisionsSummary = { decisions: number; outcomeValues: number };

/** The school a visitor goes through the cycle with: left without a decision. */
const VISITOR_SCHOOL = "67-133";

const REASONS: Record<DecisionKind, string> = {
  leaves:
    "Целевые показатели программы достигнуты: доля обучающихся на «4» и «5» и результаты ГИА выше целевых значений; школа выходит из проекта.",
  continues:
    "Целевые показатели достигнуты частично; предметные результаты без устойчивой положительной динамики. Рекомендуется продолжить работу по программе.",
  closed: "Школа ликвидирована решением учредителя; обучающиеся переведены в базовую школу.",
  reorganised: "Школа реорганизована путём присоединения к базовой школе муниципалитета.",
};

/** The results groups whose values the demo moves from one year to the next. */
const RESULT_GROUPS = new Set<string>(["results", "assessment", "olympiad"]);

/** A value within the indicator's bounds; whole for counts, rounded towards the good side when `good` is given. */
function clamp(meta: IndicatorRow, value: number, good: -1 | 0 | 1 = 0): number {
  const bounded = Math.min(meta.max, Math.max(meta.min, value));
  if (meta.unit !== "count" && meta.unit !== "bool") return Math.round(bounded * 1000) / 1000;
  // a count target one step past its baseline may be fractional (2,7 vacancies): reach it in whole units
  if (good > 0) return Math.ceil(bounded - 1e-9);
  if (good < 0) return Math.floor(bounded + 1e-9);
  return Math.round(bounded);
}

/** Next year's value of a results indicator for a school rising, flat or falling. */
function moved(meta: IndicatorRow, previous: number, trend: -1 | 0 | 1): number {
  if (trend === 0 || meta.unit === "bool") return previous;
  const step = Math.max(
    Math.abs(previous) * 0.12,
    meta.unit === "share" ? 0.03 : meta.unit === "count" ? 1 : 2,
  );
  const good = meta.direction === "higher_better" ? 1 : -1;
  return clamp(meta, previous + good * trend * step);
}

type Planned = { school: RunProgrammeSchool; kind: DecisionKind; status: DecisionStatus };

/**
 * The outcomes of the demo's programme year (the year after the latest approved run): each programme
 * school's results of that year — most flat, many rising, a few falling — and the actual values of its
 * programme's targets (one school reaching all of them, the rest some or none); then the МОЦ decisions
 * of seed 003's kinds: the school reaching all targets leaves (approved), another leaves (proposed, not
 * yet approved), one closed and one reorganised, eight continue (approved, proposed, one returned),
 * and the rest — the larger part — without a conclusion. The year before gets the decisions the
 * comparison of the two runs shows: schools that left the list left the programme, most that stayed
 * continue. The visitor's school (67-133) keeps no decision.
 */
export async function loadDemoDecisions(
  db: Db,
  opts: {
    seed: number;
    regionId: number;
    runs: DemoRuns;
    actors: ReadonlyMap<string, Actor>;
    analyst: Actor;
  },
): Promise<DemoDecisionsSummary> {
  const year = opts.runs.latest.year + 1;
  const programme = (await findRunProgrammeSchools(db, opts.runs.latest.id)).sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const catalogue = await findIndicators(db, opts.regionId);
  const metaOf = new Map(catalogue.map((i) => [i.code, i]));
  const ids = programme.map((s) => s.schoolId);
  const [versions, previousValues] = await Promise.all([
    findSchoolPlanVersions(db, ids, year),
    findSchoolValues(db, ids, [year - 1]),
  ]);
  const targetsOf = new Map(
    versions.flatMap((v) => (v.schoolId === null ? [] : [[v.schoolId, planTargets(v.content)]])),
  );
  const withTargets = programme.filter(
    (s) => s.code !== VISITOR_SCHOOL && (targetsOf.get(s.schoolId)?.length ?? 0) > 0,
  );
  const allReached = withTargets[0]?.schoolId;
  const values = new Map<string, { schoolId: number; meta: IndicatorRow; value: number }>();
  for (const school of programme) {
    const rng: Rng = createRng(opts.seed, `outcome:${school.code}`);
    const roll = rng.next();
    const trend: -1 | 0 | 1 = roll < 0.42 ? 1 : roll < 0.92 ? 0 : -1;
    for (const v of previousValues) {
      const meta = metaOf.get(v.code);
      if (v.schoolId !== school.schoolId || !meta || !RESULT_GROUPS.has(meta.group)) continue;
      if (!INDICATOR_GROUPS.some((g) => g === meta.group)) continue;
      values.set(`${school.schoolId}:${v.code}`, {
        schoolId: school.schoolId,
        meta,
        value: moved(meta, v.value, trend),
      });
    }
    const targets = (targetsOf.get(school.schoolId) ?? []).filter((t) => (t.year ?? year) === year);
    const codes = [...new Set(targets.map((t) => t.code))];
    // «some»: the first of several indicators reached; one school alone reaches all of them
    const reachesSome = codes.length > 1 && rng.chance(0.5);
    codes.forEach((code, index) => {
      const meta = metaOf.get(code);
      if (!meta) return;
      const good: -1 | 1 = meta.direction === "higher_better" ? 1 : -1;
      // activities may share an indicator with different targets: reach the strictest, miss the loosest
      const goals = targets.filter((t) => t.code === code).map((t) => t.target * good);
      const strictest = Math.max(...goals) * good;
      const loosest = Math.min(...goals) * good;
      const isReached = school.schoolId === allReached || (reachesSome && index === 0);
      const gap = meta.unit === "share" ? 0.02 : 1;
      const value = isReached ? strictest : loosest - good * gap;
      values.set(`${school.schoolId}:${code}`, {
        schoolId: school.schoolId,
        meta,
        value: clamp(meta, value, isReached ? good : good === 1 ? -1 : 1),
      });
    });
  }
  await insertDemoValues(
    db,
    [...values.values()].map((v) => ({
      indicatorId: v.meta.id,
      versionId: v.meta.versionId,
      schoolId: v.schoolId,
      municipalityId: null,
      year,
      value: v.value,
    })),
  );

  const rest = withTargets.slice(1);
  const planned: Planned[] = [];
  const take = (kind: DecisionKind, statuses: DecisionStatus[]) => {
    for (const status of statuses) {
      const school = rest.shift();
      if (school) planned.push({ school, kind, status });
    }
  };
  if (withTargets[0]) planned.push({ school: withTargets[0], kind: "leaves", status: "approved" });
  take("leaves", ["proposed"]);
  take("closed", ["approved"]);
  take("reorganised", ["approved"]);
  take("continues", [
    "approved",
    "approved",
    "approved",
    "approved",
    "proposed",
    "proposed",
    "proposed",
    "returned",
  ]);

  const previous = await findRunProgrammeSchools(db, opts.runs.previous.id);
  const stays = new Set(ids);
  const earlier: Planned[] = previous
    .filter((s) => s.code !== VISITOR_SCHOOL)
    .flatMap((school, index): Planned[] => {
      if (!stays.has(school.schoolId)) return [{ school, kind: "leaves", status: "approved" }];
      return index % 3 === 2 ? [] : [{ school, kind: "continues", status: "approved" }];
    });
  const rows = [
    ...planned.map((p) => ({ ...p, year })),
    ...earlier.map((p) => ({ ...p, year: year - 1 })),
  ].map(({ school, kind, status, year: y }) => {
    const moc = [...opts.actors.values()].find(
      (a) => a.role === "moc_coordinator" && a.municipalityId === school.municipalityId,
    );
    const decided = status === "proposed" ? null : opts.analyst;
    return {
      regionId: opts.regionId,
      municipalityId: school.municipalityId,
      schoolId: school.schoolId,
      year: y,
      kind,
      reasons: REASONS[kind],
      status,
      message: status === "returned" ? "Укажите, какие целевые показатели не достигнуты и почему" : "",
      proposedBy: moc?.userId ?? null,
      proposedByName: moc?.fullName ?? "Координатор МОЦ",
      proposedAt: new Date(`${y}-11-20T09:00:00Z`),
      decidedBy: decided?.userId ?? null,
      decidedByName: decided?.fullName ?? null,
      decidedAt: decided ? new Date(`${y}-11-27T09:00:00Z`) : null,
    };
  });
  if (rows.length > 0) await db.insert(schoolDecisions).values(rows);
  return { decisions: rows.length, outcomeValues: values.size };
}
