import { describe, expect, it } from "vitest";
import { encodeCopyBinary } from "./copy-binary";

describe("encodeCopyBinary", () => {
  it("writes the signature, one tuple per row with nulls as -1, and the trailer", () => {
    const payload = encodeCopyBinary(
      [
        { type: "int4", values: [7, null] },
        { type: "float8", values: [0.5, -2] },
      ],
      2,
    );
    const expected = Buffer.concat([
      Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]),
      // row 1: 2 fields; int4 7; float8 0.5
      Buffer.from([0, 2, 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 8, 0x3f, 0xe0, 0, 0, 0, 0, 0, 0]),
      // row 2: 2 fields; null; float8 -2
      Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 8, 0xc0, 0, 0, 0, 0, 0, 0, 0]),
      Buffer.from([0xff, 0xff]),
    ]);
    expect(payload.equals(expected)).toBe(true);
  });

  it("encodes no rows as header and trailer only", () => {
    expect(encodeCopyBinary([{ type: "int4", values: [] }], 0).length).toBe(19 + 2);
  });
});
