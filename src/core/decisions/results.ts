import type { IndicatorDirection, IndicatorGroup, IndicatorUnit } from "../indicators";

/**
 * Results of the programme (issue 13, item 3): for one programme school of a year, each target
 * indicator of its programme with baseline, target and actual, and the verdicts of seed 003 —
 * dynamics of subject results, of personal results, of achievements in olympiads and competitions,
 * and whether the targets were reached. Pure: the service feeds it the catalogue, the plan's targets
 * and the school's values.
 */

/** What the rules need of a catalogue indicator. */
export type IndicatorMeta = {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  group: IndicatorGroup;
};

/** The three kinds of results seed 003 states a verdict for. */
export const RESULT_KINDS = ["subject", "personal", "olympiad"] as const;
/** A kind of results: предметные, личностные, достижения в олимпиадах и конкурсах. */
export type ResultKind = (typeof RESULT_KINDS)[number];

/**
 * Which catalogue groups speak for each kind: subject results are the «results» indicators (marks,
 * certificates, medals) and the state exams (ЕГЭ, ОГЭ means and shares below the minimum); olympiads
 * are the «olympiad» group. The catalogue holds no indicator of personal results, so that verdict is
 * «нет данных» until a region adds one in a group listed here.
 */
export const RESULT_GROUPS: Record<ResultKind, readonly IndicatorGroup[]> = {
  subject: ["results", "assessment"],
  personal: [],
  olympiad: ["olympiad"],
};

/** Year-over-year dynamics of a kind of results. */
export const DYNAMICS = ["improved", "unchanged", "declined", "no_data"] as const;
/** Повысились, почти без изменений, понизились, нет данных. */
export type Dynamics = (typeof DYNAMICS)[number];

/** How far the targets were reached. */
export const TARGET_VERDICTS = ["all", "some", "none", "no_data", "no_targets"] as const;
/** Все, частично, ни одного, нет фактических значений, нет целевых показателей. */
export type TargetVerdict = (typeof TARGET_VERDICTS)[number];

/** A target indicator as the programme states it (an activity's implementation indicator). */
export type TargetInput = {
  code: string;
  text: string;
  baseline: number | null;
  target: number;
  /** The year the target is for; null means the programme year. */
  year: number | null;
};

/** A target with its actual value and whether it is reached (null: no actual value). */
export type TargetResult = TargetInput & {
  name: string;
  actual: number | null;
  isReached: boolean | null;
};

/** One value of a school: indicator code, school year, value. */
export type SchoolValue = { code: string; year: number; value: number };

/** The verdicts of one school. */
export type SchoolResults = {
  targets: TargetResult[];
  targetVerdict: TargetVerdict;
  dynamics: Record<ResultKind, Dynamics>;
  /** Per kind, how many indicators rose and fell (in the good direction), for the explanation. */
  changes: Record<ResultKind, { improved: number; declined: number; compared: number }>;
};

/** The change below which a value counts as «почти без изменений», by unit. */
function tolerance(unit: IndicatorUnit, previous: number): number {
  switch (unit) {
    case "share":
      return 0.01;
    case "percent":
      return 1;
    case "score":
      return Math.max(0.01, Math.abs(previous) * 0.02);
    case "count":
    case "bool":
      return 0.5;
  }
}

/** +1 when the value moved in the good direction beyond the tolerance, −1 the other way, 0 otherwise. */
export function changeSign(meta: IndicatorMeta, previous: number, current: number): -1 | 0 | 1 {
  const delta = meta.direction === "higher_better" ? current - previous : previous - current;
  if (Math.abs(delta) <= tolerance(meta.unit, previous) + 1e-9) return 0;
  return delta > 0 ? 1 : -1;
}

function findValue(values: readonly SchoolValue[], code: string, year: number): number | null {
  return values.find((v) => v.code === code && v.year === year)?.value ?? null;
}

/** True when the actual value meets the target in the indicator's direction. */
export function isTargetReached(direction: IndicatorDirection, target: number, actual: number): boolean {
  return direction === "higher_better" ? actual >= target - 1e-9 : actual <= target + 1e-9;
}

function directionOf(meta: IndicatorMeta | undefined, target: TargetInput): IndicatorDirection {
  if (meta) return meta.direction;
  return target.baseline !== null && target.target < target.baseline ? "lower_better" : "higher_better";
}

/** The verdict of a list of targets: all reached, some, none, no actual values, no targets. */
export function targetVerdict(targets: readonly Pick<TargetResult, "isReached">[]): TargetVerdict {
  if (targets.length === 0) return "no_targets";
  const known = targets.filter((t) => t.isReached !== null);
  if (known.length === 0) return "no_data";
  const reached = known.filter((t) => t.isReached === true).length;
  if (reached === targets.length) return "all";
  return reached === 0 ? "none" : "some";
}

/**
 * The results of one programme school in programme year `year`: each target with the value of its
 * year, and the dynamics of each kind of results from year−1 to year — the indicators of the kind
 * that rose against those that fell (one more rising: improved; as many: unchanged).
 */
export function schoolResults(input: {
  year: number;
  targets: readonly TargetInput[];
  catalogue: readonly IndicatorMeta[];
  values: readonly SchoolValue[];
}): SchoolResults {
  const metaOf = new Map(input.catalogue.map((m) => [m.code, m]));
  const targets = input.targets.map((target): TargetResult => {
    const meta = metaOf.get(target.code);
    const actual = findValue(input.values, target.code, target.year ?? input.year);
    return {
      ...target,
      name: meta?.name ?? target.code,
      actual,
      isReached: actual === null ? null : isTargetReached(directionOf(meta, target), target.target, actual),
    };
  });
  const changes = Object.fromEntries(
    RESULT_KINDS.map((kind) => {
      let improved = 0;
      let declined = 0;
      let compared = 0;
      for (const meta of input.catalogue) {
        if (!RESULT_GROUPS[kind].includes(meta.group)) continue;
        const previous = findValue(input.values, meta.code, input.year - 1);
        const current = findValue(input.values, meta.code, input.year);
        if (previous === null || current === null) continue;
        compared += 1;
        const sign = changeSign(meta, previous, current);
        if (sign > 0) improved += 1;
        if (sign < 0) declined += 1;
      }
      return [kind, { improved, declined, compared }];
    }),
  ) as SchoolResults["changes"];
  const dynamics = Object.fromEntries(
    RESULT_KINDS.map((kind) => {
      const c = changes[kind];
      if (c.compared === 0) return [kind, "no_data"];
      if (c.improved > c.declined) return [kind, "improved"];
      return [kind, c.improved < c.declined ? "declined" : "unchanged"];
    }),
  ) as Record<ResultKind, Dynamics>;
  return { targets, targetVerdict: targetVerdict(targets), dynamics, changes };
}
