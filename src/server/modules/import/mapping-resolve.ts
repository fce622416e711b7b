import type { Db } from "../../platform/db";
import { findRememberedMapping } from "./import-mapping.repo";
import { type ColumnMapping, parseColumnMapping } from "./parse/column-mapping";
import { guessMapping, type KnownIndicator, layoutSignature } from "./parse/guess-mapping";
import { guessSchoolMapping, parseSchoolMapping, type SchoolMapping } from "./school-mapping";

/** The mapping to offer for a values file: the one remembered for its layout, or else a guess. */
export async function proposeValueMapping(
  db: Db,
  opts: { regionId: number; header: readonly string[]; known: readonly KnownIndicator[] },
): Promise<{ mapping: ColumnMapping; remembered: boolean; unmappedColumns: string[] }> {
  const guess = guessMapping(opts.header, opts.known);
  const remembered = await findRememberedMapping(db, opts.regionId, layoutSignature(opts.header));
  if (remembered?.kind === "values") {
    const parsed = parseColumnMapping(remembered.mapping);
    if (parsed.ok)
      return { mapping: parsed.mapping, remembered: true, unmappedColumns: guess.unmappedColumns };
  }
  return { mapping: guess.mapping, remembered: false, unmappedColumns: guess.unmappedColumns };
}

/** The mapping to offer for a school registry: the remembered one, or else a guess (possibly incomplete). */
export async function proposeSchoolMapping(
  db: Db,
  opts: { regionId: number; header: readonly string[] },
): Promise<{ mapping: Partial<SchoolMapping["columns"]>; remembered: boolean }> {
  const remembered = await findRememberedMapping(db, opts.regionId, layoutSignature(opts.header));
  if (remembered?.kind === "schools") {
    const parsed = parseSchoolMapping(remembered.mapping);
    if (parsed.ok) return { mapping: parsed.mapping.columns, remembered: true };
  }
  return { mapping: guessSchoolMapping(opts.header).mapping, remembered: false };
}
