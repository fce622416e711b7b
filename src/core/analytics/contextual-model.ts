import { quantile } from "simple-statistics";
import { criticalT, fitOls, predictionHalfWidth } from "./ols";
import {
  assignQuadrant,
  DEFAULT_QUADRANT_OPTIONS,
  describeQuadrantRule,
  type Quadrant,
  type QuadrantOptions,
} from "./quadrants";
import {
  type AnalyticsIndicator,
  AnalyticsInputError,
  type AnalyticsSchool,
  directionSign,
  type ExcludedSchool,
  splitComplete,
} from "./types";

/** A coefficient of the contextual model with its expected sign from the catalogue's directions. */
export type ContextCoefficient = {
  /** null for the intercept. */
  code: string | null;
  name: string;
  estimate: number;
  standardError: number;
  tValue: number;
  pValue: number;
  /**
   * The sign the catalogue leads one to expect: better conditions give a better result. null for the
   * intercept. A coefficient against it is worth a look (a confounder, or a data problem).
   */
  expectedSign: 1 | -1 | null;
  isSignAsExpected: boolean | null;
};

/** One school in the model: its actual and expected result, the interval, the residual and the group. */
export type ContextSchoolRow = {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  isRural: boolean;
  /** The result indicator's value. */
  actual: number;
  /** The context indicators' values, in the model's order. */
  context: number[];
  /** The expected result given the context: the context index. */
  expected: number;
  /** The prediction interval of the result at this school's context. */
  low: number;
  high: number;
  /** actual − expected, in the result's units. */
  residual: number;
  /** residual / σ̂, turned so that a negative value is always worse than expected. */
  standardizedResidual: number;
  isHardContext: boolean;
  isLowResult: boolean;
  isHighResult: boolean;
  isBelowExpected: boolean;
  quadrant: Quadrant;
};

/** The fitted model: coefficients, fit statistics, the group boundaries and the rule in words. */
export type ContextModel = {
  outcome: AnalyticsIndicator;
  context: AnalyticsIndicator[];
  n: number;
  df: number;
  coefficients: ContextCoefficient[];
  r2: number;
  adjustedR2: number;
  residualSd: number;
  options: QuadrantOptions;
  /** Boundaries in the result's units: expected worse than `hardContext` is a hard context, etc. */
  boundaries: { hardContext: number; lowResult: number; highResult: number };
  rule: string;
  quadrantCounts: Record<Quadrant, number>;
};

/** The contextual model with every school in it and every school left out. */
export type ContextModelResult = {
  model: ContextModel;
  schools: ContextSchoolRow[];
  excluded: ExcludedSchool[];
};

/** Input of fitContextModel. */
export type ContextModelInput = {
  schools: readonly AnalyticsSchool[];
  outcome: AnalyticsIndicator;
  context: readonly AnalyticsIndicator[];
  options?: Partial<QuadrantOptions>;
};

/**
 * The contextual model: regresses a result indicator on social-context indicators across the
 * region's schools, then places each school by its context (the expected result) and its actual
 * result relative to the region and to its expectation. Directions come from the catalogue:
 * for a "lower is better" result the worst third are the highest values.
 */
export function fitContextModel(input: ContextModelInput): ContextModelResult {
  const options = { ...DEFAULT_QUADRANT_OPTIONS, ...input.options };
  const { outcome, context } = input;
  if (context.length === 0) throw new AnalyticsInputError("Выберите хотя бы один показатель контекста");
  if (context.some((c) => c.code === outcome.code)) {
    throw new AnalyticsInputError("Показатель результата не может быть показателем контекста");
  }
  const codes = [outcome.code, ...context.map((c) => c.code)];
  const { complete, excluded } = splitComplete(input.schools, codes);
  // Each school's context values: the regression's rows, and the same arrays in the result rows.
  const contextRows = complete.map((c) => c.values.slice(1));
  const fit = fitOls(
    contextRows,
    complete.map((c) => c.values[0]!),
    context.map((c) => c.name),
  );
  const sign = directionSign(outcome.direction);
  const better = (v: number) => sign * v;
  const hardBoundary = quantile(fit.fitted.map(better), options.hardContextShare);
  const actualScores = complete.map((c) => better(c.values[0]!));
  const lowBoundary = quantile(actualScores, options.lowResultShare);
  const highBoundary = quantile(actualScores, 1 - options.highResultShare);
  const limit = options.residualSdMultiplier * fit.residualSd;
  const tCritical = criticalT(fit, options.level);

  const schools = complete.map(({ school, values }, i): ContextSchoolRow => {
    const actual = values[0]!;
    const expected = fit.fitted[i]!;
    const half = predictionHalfWidth(fit, fit.leverages[i]!, options.level, tCritical);
    const residual = actual - expected;
    const turned = better(residual);
    const isOutsideOnBadSide = turned < -half;
    const flags = {
      isHardContext: better(expected) <= hardBoundary,
      isLowResult: better(actual) <= lowBoundary,
      isHighResult: better(actual) >= highBoundary,
      isBelowExpected: turned < -limit || isOutsideOnBadSide,
    };
    return {
      schoolId: school.schoolId,
      code: school.code,
      name: school.name,
      municipalityId: school.municipalityId,
      isRural: school.isRural,
      actual,
      context: contextRows[i]!,
      expected,
      low: expected - half,
      high: expected + half,
      residual,
      standardizedResidual: fit.residualSd > 0 ? turned / fit.residualSd : 0,
      ...flags,
      quadrant: assignQuadrant(flags),
    };
  });

  const coefficients: ContextCoefficient[] = fit.coefficients.map((c, j) => {
    const indicator = j === 0 ? null : context[j - 1]!;
    const expectedSign = indicator ? (directionSign(indicator.direction) * sign === 1 ? 1 : -1) : null;
    return {
      code: indicator?.code ?? null,
      name: indicator?.name ?? "Свободный член",
      ...c,
      expectedSign,
      isSignAsExpected: expectedSign === null ? null : c.estimate * expectedSign > 0,
    };
  });
  const quadrantCounts = countQuadrants(schools);

  return {
    model: {
      outcome,
      context: [...context],
      n: fit.n,
      df: fit.df,
      coefficients,
      r2: fit.r2,
      adjustedR2: fit.adjustedR2,
      residualSd: fit.residualSd,
      options,
      boundaries: {
        hardContext: sign * hardBoundary,
        lowResult: sign * lowBoundary,
        highResult: sign * highBoundary,
      },
      rule: describeQuadrantRule(options),
      quadrantCounts,
    },
    schools,
    excluded,
  };
}

/** How many schools fell in each group. */
export function countQuadrants(rows: readonly { quadrant: Quadrant }[]): Record<Quadrant, number> {
  const counts: Record<Quadrant, number> = {
    low_result_hard_context: 0,
    underperforming: 0,
    resilient: 0,
    other: 0,
  };
  for (const row of rows) counts[row.quadrant]++;
  return counts;
}
