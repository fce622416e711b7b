import type { MappingSource } from "../../../shared/import-api";
import type { Db } from "../../platform/db";
import { findRememberedMapping } from "./import-mapping.repo";
import { type ColumnMapping, parseRememberedMapping } from "./parse/column-mapping";
import { guessMapping, type KnownIndicator, layoutSignature } from "./parse/guess-mapping";
import { guessSchoolMapping, parseSchoolMapping, type SchoolMapping } from "./school-mapping";

/** A proposed mapping and where it comes from. */
export type Proposal<T> = { mapping: T; source: MappingSource };

/**
 * The mapping to offer for a values file: the one remembered for its layout (without a year for the
 * whole file: the request or the form gives it), or else a guess.
 */
export async function proposeValueMapping(
  db: Db,
  opts: { regionId: number; header: readonly string[]; known: readonly KnownIndicator[] },
): Promise<Proposal<ColumnMapping> & { unmappedColumns: string[] }> {
  const guess = guessMapping(opts.header, opts.known);
  const remembered = await findRememberedMapping(db, opts.regionId, layoutSignature(opts.header));
  if (remembered?.kind === "values") {
    const parsed = parseRememberedMapping(remembered.mapping);
    if (parsed.ok)
      return { mapping: parsed.mapping, source: remembered.source, unmappedColumns: guess.unmappedColumns };
  }
  return { mapping: guess.mapping, source: { kind: "guessed" }, unmappedColumns: guess.unmappedColumns };
}

/** The mapping to offer for a school registry: the remembered one, or else a guess (possibly incomplete). */
export async function proposeSchoolMapping(
  db: Db,
  opts: { regionId: number; header: readonly string[] },
): Promise<Proposal<Partial<SchoolMapping["columns"]>>> {
  const remembered = await findRememberedMapping(db, opts.regionId, layoutSignature(opts.header));
  if (remembered?.kind === "schools") {
    const parsed = parseSchoolMapping(remembered.mapping);
    if (parsed.ok) return { mapping: parsed.mapping.columns, source: remembered.source };
  }
  return { mapping: guessSchoolMapping(opts.header).mapping, source: { kind: "guessed" } };
}
