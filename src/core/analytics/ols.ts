import { inverse, Matrix, SingularValueDecomposition } from "ml-matrix";
import { mean, sampleStandardDeviation } from "simple-statistics";
import { studentTQuantile, twoSidedPValue } from "./student-t";
import { AnalyticsInputError } from "./types";

/** One estimated coefficient of a linear model. */
export type OlsCoefficient = { estimate: number; standardError: number; tValue: number; pValue: number };

/** An ordinary least squares fit of y on predictors with an intercept. */
export type OlsFit = {
  /** Number of observations. */
  n: number;
  /** Number of predictors (without the intercept). */
  p: number;
  /** Residual degrees of freedom, n − p − 1. */
  df: number;
  /** The intercept first, then one per predictor in input order. */
  coefficients: OlsCoefficient[];
  r2: number;
  adjustedR2: number;
  /** Residual standard deviation σ̂ = √(SSE / df). */
  residualSd: number;
  /** Fitted values, one per observation. */
  fitted: number[];
  /** Residuals y − ŷ. */
  residuals: number[];
  /** Leverages h_i = x_iᵀ(XᵀX)⁻¹x_i, for prediction intervals. */
  leverages: number[];
};

/** Ratio of the smallest to the largest singular value below which predictors count as collinear. */
const COLLINEARITY_LIMIT = 1e-8;

/**
 * AᵀB of two sets of columns of equal length (column i of A against column j of B), summed in row
 * order exactly as ml-matrix's mmul does, without building the n×p matrices (n is every school of
 * a region: tens of thousands of rows).
 */
function crossProduct(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): number[][] {
  return a.map((ai) =>
    b.map((bj) => {
      let s = 0;
      for (let k = 0; k < ai.length; k++) s += ai[k]! * bj[k]!;
      return s;
    }),
  );
}

/** Throws when a predictor is constant or the predictors are (nearly) linearly dependent. */
function checkPredictors(columns: number[][], names: readonly string[]): void {
  const standardized = columns.map((column, j) => {
    const sd = sampleStandardDeviation(column);
    if (!(sd > 0)) throw new AnalyticsInputError(`Показатель «${names[j]}» одинаков у всех школ`);
    const m = mean(column);
    return column.map((v) => (v - m) / sd);
  });
  if (standardized.length < 2) return;
  const { diagonal } = new SingularValueDecomposition(new Matrix(crossProduct(standardized, standardized)), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  const largest = Math.max(...diagonal);
  const smallest = Math.min(...diagonal);
  if (smallest < COLLINEARITY_LIMIT * largest) {
    throw new AnalyticsInputError("Показатели контекста линейно зависимы: уберите один из них");
  }
}

/**
 * Fits y = b0 + b1·x1 + … + bp·xp by ordinary least squares with ml-matrix:
 * b = (XᵀX)⁻¹Xᵀy, SE(b_j) = σ̂·√[(XᵀX)⁻¹]_jj, σ̂² = SSE / (n − p − 1).
 * `rows[i]` holds observation i's predictors. Needs n ≥ p + 2 and non-collinear predictors.
 */
export function fitOls(rows: readonly number[][], y: readonly number[], names: readonly string[]): OlsFit {
  const n = y.length;
  const p = names.length;
  if (rows.length !== n) throw new Error("rows and y differ in length");
  if (n < p + 2) {
    throw new AnalyticsInputError(`Недостаточно школ с данными: ${n}, нужно не меньше ${p + 2}`);
  }
  const predictors = names.map((_, j) => rows.map((r) => r[j]!));
  checkPredictors(predictors, names);
  // The design matrix by columns: the intercept's ones, then each predictor.
  const columns = [new Float64Array(n).fill(1), ...predictors];
  const xtxInverse = inverse(new Matrix(crossProduct(columns, columns)));
  const xty = crossProduct(columns, [y]).map((row) => row[0]!);
  const beta = xtxInverse.mmul(Matrix.columnVector(xty)).getColumn(0);
  const fitted = rows.map((r) => {
    let sum = beta[0]!;
    for (let j = 0; j < r.length; j++) sum = sum + r[j]! * beta[j + 1]!;
    return sum;
  });
  const residuals = y.map((v, i) => v - fitted[i]!);
  const sse = residuals.reduce((s, e) => s + e * e, 0);
  const yMean = mean([...y]);
  const sst = y.reduce((s, v) => s + (v - yMean) ** 2, 0);
  const df = n - p - 1;
  const sigma2 = sse / df;
  const coefficients = beta.map((estimate, j) => {
    const standardError = Math.sqrt(sigma2 * xtxInverse.get(j, j));
    const tValue = standardError > 0 ? estimate / standardError : Number.POSITIVE_INFINITY;
    return { estimate, standardError, tValue, pValue: standardError > 0 ? twoSidedPValue(tValue, df) : 0 };
  });
  const inverseRows = xtxInverse.to2DArray();
  const leverages = rows.map((r) => leverage(inverseRows, r));
  const r2 = sst > 0 ? 1 - sse / sst : 1;
  return {
    n,
    p,
    df,
    coefficients,
    r2,
    adjustedR2: 1 - ((1 - r2) * (n - 1)) / df,
    residualSd: Math.sqrt(sigma2),
    fitted,
    residuals,
    leverages,
  };
}

/**
 * xᵀ A x for x = (1, r…), A square given by rows: a row's leverage from (XᵀX)⁻¹, without building
 * x (one array per school at national scale); the same products in the same order as with x.
 */
function leverage(a: readonly number[][], r: readonly number[]): number {
  const size = r.length + 1;
  let total = 0;
  for (let i = 0; i < size; i++) {
    const ai = a[i]!;
    let row = 0;
    for (let j = 0; j < size; j++) row += ai[j]! * (j === 0 ? 1 : r[j - 1]!);
    total += (i === 0 ? 1 : r[i - 1]!) * row;
  }
  return total;
}

/** The two-sided critical value t(1 − α/2; df) of a fit for a confidence level (0.95 → 97.5% quantile). */
export function criticalT(fit: OlsFit, level = 0.95): number {
  return studentTQuantile(1 - (1 - level) / 2, fit.df);
}

/**
 * The prediction interval of a new observation at a point with leverage h:
 * ŷ ± t(1 − α/2; df)·σ̂·√(1 + h). Returns the half-width; pass `tCritical` (from criticalT) when
 * computing many intervals of one fit.
 */
export function predictionHalfWidth(
  fit: OlsFit,
  leverageAtPoint: number,
  level = 0.95,
  tCritical = criticalT(fit, level),
): number {
  return tCritical * fit.residualSd * Math.sqrt(1 + leverageAtPoint);
}
