import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../../..");
/** The ways exceljs puts a value into a cell; only addEscapedRow (escape-cell.ts) may use them. */
const WRITES = /\.(addRow|addRows|insertRow|insertRows|spliceRows|duplicateRow)\(|\.value\s*=[^=]/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const at = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(at);
      return Promise.resolve(/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [at] : []);
    }),
  );
  return nested.flat();
}

describe("every exported cell goes through addEscapedRow", () => {
  it("no source file but escape-cell.ts writes exceljs cells or rows", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (file.endsWith(path.join("export", "xlsx", "escape-cell.ts"))) continue;
      const text = await readFile(file, "utf8");
      if (!text.includes("exceljs") && !text.includes("writeWorkbook")) continue;
      text.split("\n").forEach((line, index) => {
        if (WRITES.test(line)) offenders.push(`${path.relative(SRC, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
