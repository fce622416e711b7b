import type { Db } from "../../platform/db";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import type { KnownIndicator } from "./parse/guess-mapping";
import type { IndicatorUnit } from "./parse/parse-number";
import { normalizeHeaderName } from "./parse/table-header";
import type { IndicatorRule } from "./parse/validate-value";

/** An indicator an import can write: its ids, level, whether retired, and the rule for its values. */
export type ImportIndicator = {
  id: number;
  versionId: number;
  code: string;
  level: IndicatorRow["level"];
  isRetired: boolean;
  rule: IndicatorRule;
};

/** The region's indicators by normalised code, and the list the mapping guess matches headers against. */
export type IndicatorCatalogue = {
  byCode: (code: string) => ImportIndicator | undefined;
  byId: (id: number) => ImportIndicator | undefined;
  known: KnownIndicator[];
};

const UNIT: Record<IndicatorRow["unit"], IndicatorUnit> = {
  share: "share",
  percent: "percent",
  count: "count",
  score: "number",
  bool: "boolean",
};

/** Loads the region's indicators with their current definitions (the version a new value is entered under). */
export async function loadIndicatorCatalogue(db: Db, regionId: number): Promise<IndicatorCatalogue> {
  const rows = await findIndicators(db, regionId);
  const byCode = new Map<string, ImportIndicator>();
  const byId = new Map<number, ImportIndicator>();
  for (const row of rows) {
    const indicator: ImportIndicator = {
      id: row.id,
      versionId: row.versionId,
      code: row.code,
      level: row.level,
      isRetired: row.isRetired,
      rule: { code: row.code, unit: UNIT[row.unit], min: row.min, max: row.max },
    };
    byCode.set(normalizeHeaderName(row.code), indicator);
    byId.set(row.id, indicator);
  }
  // A code as written in the file → its indicator, remembered (bounded): a long file repeats a few codes.
  const seen = new Map<string, ImportIndicator | undefined>();
  return {
    byCode: (code) => {
      if (seen.has(code)) return seen.get(code);
      const indicator = byCode.get(normalizeHeaderName(code));
      if (seen.size < 10_000) seen.set(code, indicator);
      return indicator;
    },
    byId: (id) => byId.get(id),
    known: rows.map((row) => ({ code: row.code, name: row.name })),
  };
}
