import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * Column aggregates that cross the driver as one base64 string each: the binary send form of every
 * value (int4 or float8, big-endian) concatenated in the group's row order. Postgres encodes in C
 * and Node decodes base64 natively, so a column of 40,000 values costs no per-element text parsing
 * (float8 text output and array parsing are what made array_agg slow at national scale, on PGlite
 * and node-postgres alike). Both aggregates of one query see the rows in the same order.
 */
export function packedInt4(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`encode(string_agg(int4send(${column}), ''::bytea), 'base64')`;
}

/** The float8 counterpart of {@link packedInt4}. */
export function packedFloat8(column: AnyColumn | SQL): SQL<string> {
  return sql<string>`encode(string_agg(float8send((${column})::float8), ''::bytea), 'base64')`;
}

function bytesOf(base64: string | null): DataView {
  const bytes = Buffer.from(base64 ?? "", "base64");
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes a {@link packedInt4} aggregate. */
export function unpackInt4(base64: string | null): Int32Array {
  const view = bytesOf(base64);
  const out = new Int32Array(view.byteLength / 4);
  for (let k = 0; k < out.length; k++) out[k] = view.getInt32(k * 4);
  return out;
}

/** Decodes a {@link packedFloat8} aggregate. */
export function unpackFloat8(base64: string | null): Float64Array {
  const view = bytesOf(base64);
  const out = new Float64Array(view.byteLength / 8);
  for (let k = 0; k < out.length; k++) out[k] = view.getFloat64(k * 8);
  return out;
}
