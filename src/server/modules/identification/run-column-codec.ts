import type { CriterionColumn } from "./run-columns";

/**
 * The stored form of a criterion column (identification_run_criteria): float8 and int4 big-endian
 * (Postgres's send form, which the migration of JSON runs writes too), moved as base64 text through
 * `encode` / `decode`, the same on both drivers.
 */

/** A {@link CriterionColumn} as stored: the binary columns as base64 of their big-endian bytes. */
export type StoredCriterionColumn = Omit<
  CriterionColumn,
  "indicatorPicks" | "values" | "thresholds" | "yearMasks"
> & { indicatorPicks: string; values: string; thresholds: string; yearMasks: string };

function packBigEndian(length: number, bytes: number, write: (view: DataView, k: number) => void): string {
  const buffer = Buffer.alloc(length * bytes);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  for (let k = 0; k < length; k++) write(view, k);
  return buffer.toString("base64");
}

/** A column as stored: base64 of big-endian float8 / int4 (Postgres's send form) and of the bytes. */
export function encodeColumn(column: CriterionColumn): StoredCriterionColumn {
  const { values, thresholds, yearMasks, indicatorPicks } = column;
  return {
    ...column,
    indicatorPicks: Buffer.from(
      indicatorPicks.buffer,
      indicatorPicks.byteOffset,
      indicatorPicks.byteLength,
    ).toString("base64"),
    values: packBigEndian(values.length, 8, (view, k) => view.setFloat64(k * 8, values[k]!)),
    thresholds: packBigEndian(thresholds.length, 8, (view, k) => view.setFloat64(k * 8, thresholds[k]!)),
    yearMasks: packBigEndian(yearMasks.length, 4, (view, k) => view.setInt32(k * 4, yearMasks[k]!)),
  };
}

/** A view over base64 bytes. */
function bytesOf(base64: string): DataView {
  const bytes = Buffer.from(base64, "base64");
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The stored form is this module's own, fixed for good (stored runs rely on it), so it is decoded
// here rather than by the query transport's helpers (db/packed.ts), which may change.
function float8sOf(base64: string): Float64Array {
  const view = bytesOf(base64);
  const out = new Float64Array(view.byteLength / 8);
  for (let k = 0; k < out.length; k++) out[k] = view.getFloat64(k * 8);
  return out;
}

function int4sOf(base64: string): Int32Array {
  const view = bytesOf(base64);
  const out = new Int32Array(view.byteLength / 4);
  for (let k = 0; k < out.length; k++) out[k] = view.getInt32(k * 4);
  return out;
}

/** Reads a stored column back (see {@link encodeColumn}). */
export function decodeColumn(stored: StoredCriterionColumn): CriterionColumn {
  return {
    ...stored,
    indicatorPicks: new Uint8Array(Buffer.from(stored.indicatorPicks, "base64")),
    values: float8sOf(stored.values),
    thresholds: float8sOf(stored.thresholds),
    yearMasks: int4sOf(stored.yearMasks),
  };
}
