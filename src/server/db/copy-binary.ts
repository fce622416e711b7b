/**
 * The binary COPY format of PostgreSQL (`copy … from stdin with (format binary)`): a header, one
 * tuple per row (field count, then each field as its length and big-endian bytes, -1 for null), and
 * a trailer. Encoding numbers straight into bytes spares both ends the text conversion of every
 * value, which is most of the cost of staging a million values (on PGlite above all).
 */

/** A column of a binary COPY: 4-byte integers (null allowed) or 8-byte floats. */
export type CopyColumn =
  | { type: "int4"; values: ArrayLike<number | null> }
  | { type: "float8"; values: ArrayLike<number> };

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = SIGNATURE.length + 8;

function fieldBytes(column: CopyColumn): number {
  return 4 + (column.type === "int4" ? 4 : 8);
}

/** Encodes `rows` rows of parallel columns (every column at least `rows` long) as one COPY payload. */
export function encodeCopyBinary(columns: CopyColumn[], rows: number): Buffer {
  const rowBytes = 2 + columns.reduce((sum, column) => sum + fieldBytes(column), 0);
  const out = Buffer.allocUnsafe(HEADER_BYTES + rows * rowBytes + 2);
  SIGNATURE.copy(out, 0);
  out.writeInt32BE(0, SIGNATURE.length); // flags: no OIDs
  out.writeInt32BE(0, SIGNATURE.length + 4); // header extension length
  let at = HEADER_BYTES;
  for (let row = 0; row < rows; row++) {
    out.writeInt16BE(columns.length, at);
    at += 2;
    for (const column of columns) at = writeField(out, at, column, row);
  }
  out.writeInt16BE(-1, at);
  return out.subarray(0, at + 2);
}

function writeField(out: Buffer, at: number, column: CopyColumn, row: number): number {
  const value = column.values[row];
  if (value === null || value === undefined) {
    out.writeInt32BE(-1, at);
    return at + 4;
  }
  if (column.type === "int4") {
    out.writeInt32BE(4, at);
    out.writeInt32BE(value, at + 4);
    return at + 8;
  }
  out.writeInt32BE(8, at);
  out.writeDoubleBE(value, at + 4);
  return at + 12;
}
