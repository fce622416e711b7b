import { createReadStream } from "node:fs";
import type { TableFormat } from "./parse/table.types";

/**
 * A quick estimate of a table's data rows for the progress bar: the line breaks of a CSV minus the
 * header (quoted line breaks make it a little high, so progress is clamped). 0 for XLSX: unknown.
 */
export async function estimateDataRows(path: string, format: TableFormat): Promise<number> {
  if (format.format !== "csv") return 0;
  let lines = 0;
  let lastByte = 10;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    let index = buffer.indexOf(10);
    while (index !== -1) {
      lines++;
      index = buffer.indexOf(10, index + 1);
    }
    if (buffer.length > 0) lastByte = buffer[buffer.length - 1] ?? 10;
  }
  if (lastByte !== 10) lines++;
  return Math.max(0, lines - 1);
}
