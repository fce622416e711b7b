import { mean, sampleStandardDeviation } from "simple-statistics";
import { AnalyticsInputError } from "./types";

/** Mean and sample standard deviation of an indicator, to turn values into z-scores and back. */
export type Standardization = { code: string; mean: number; sd: number };

/**
 * Z-scores of each column: (x − mean) / sd with the sample standard deviation.
 * `rows[i][j]` is school i's value of indicator j. Throws when an indicator is the same for every school.
 */
export function standardize(
  rows: readonly number[][],
  indicators: readonly { code: string; name: string }[],
): { z: number[][]; scales: Standardization[] } {
  const scales = indicators.map(({ code, name }, j) => {
    const column = rows.map((r) => r[j]!);
    const sd = column.length > 1 ? sampleStandardDeviation(column) : 0;
    if (!(sd > 0)) throw new AnalyticsInputError(`Показатель «${name}» одинаков у всех школ`);
    return { code, mean: mean(column), sd };
  });
  const z = rows.map((r) => r.map((v, j) => (v - scales[j]!.mean) / scales[j]!.sd));
  return { z, scales };
}
