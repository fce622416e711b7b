import { describe, expect, it } from "vitest";
import { unescapeCellText } from "../../import/parse/value-records";
import { escapeCell, exportCellValue } from "./escape-cell";

describe("escapeCell", () => {
  it("prefixes an apostrophe to text that could start a formula", () => {
    for (const text of ["=1+1", "+7 900", "-Район", "@SUM(A1)", "\t=cmd", "\r=cmd"]) {
      expect(escapeCell(text)).toBe(`'${text}`);
    }
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["Школа №1", "1+1", "", "'уже с апострофом", " =с пробелом"]) {
      expect(escapeCell(text)).toBe(text);
    }
  });

  it("is undone by the import side", () => {
    for (const text of ["=1+1", "-Район", "Школа"]) expect(unescapeCellText(escapeCell(text))).toBe(text);
  });
});

describe("exportCellValue", () => {
  it("keeps numbers as numbers and empties as null", () => {
    expect(exportCellValue(-0.5)).toBe(-0.5);
    expect(exportCellValue(Number.NaN)).toBeNull();
    expect(exportCellValue(null)).toBeNull();
    expect(exportCellValue("=2")).toBe("'=2");
  });
});
