import type { MappingSource } from "../../../shared/import-api";
import { AppError, type FieldIssue } from "../../platform/errors";
import type { Proposal } from "./mapping-resolve";
import { type ColumnMapping, parseColumnMapping } from "./parse/column-mapping";
import { ignoredColumns, noIndicatorMessage } from "./parse/ignored-columns";

/** The mapping a values import runs with: as chosen, with the request's year, its source and the columns it leaves out. */
export type ValueMappingChoice = {
  /** The mapping as given, remembered or guessed (what a successful real import remembers). */
  chosen: ColumnMapping;
  /** The mapping the import runs with: `chosen` with the request's year for the whole file. */
  mapping: ColumnMapping;
  source: MappingSource;
  ignoredColumns: string[];
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}

/** The worksheet a raw mapping names, if it names one (read before the mapping is validated). */
export function sheetOf(raw: unknown): string | undefined {
  const sheet = record(raw).sheet;
  return typeof sheet === "string" ? sheet : undefined;
}

/** The header columns a raw (perhaps invalid) mapping names: its role columns and indicator columns. */
function namedColumns(raw: unknown): string[] {
  const { columns, indicators } = record(raw);
  const roles = Object.values(record(columns)).filter((name): name is string => typeof name === "string");
  return [...roles, ...Object.keys(record(indicators))];
}

/**
 * The issues of a mapping that does not fit, made plain for the file: «no indicator column» names
 * the columns that matched no indicator, so that a file whose only value column maps to nothing
 * is refused with a reason instead of succeeding with nothing written.
 */
export function explainMappingIssues(issues: FieldIssue[], ignored: readonly string[]): FieldIssue[] {
  return issues.map((issue) =>
    issue.path === "indicators" ? { message: noIndicatorMessage(ignored) } : issue,
  );
}

/**
 * Chooses the mapping of a values import, once the header is known: the one given with the request
 * (validated, with the request's year), or else the one resolved for the header (remembered or
 * guessed). Throws invalid_input with plain issues when the given mapping is not valid.
 */
export async function chooseValueMapping(opts: {
  raw: unknown;
  year: number | undefined;
  header: readonly string[];
  resolve?: (header: string[]) => Promise<Proposal<ColumnMapping>>;
}): Promise<ValueMappingChoice> {
  const { raw, year, header } = opts;
  if (raw !== undefined) {
    const withYear = year !== undefined && typeof raw === "object" && raw !== null ? { ...raw, year } : raw;
    const parsed = parseColumnMapping(withYear);
    const ignored = ignoredColumns(header, namedColumns(raw));
    if (!parsed.ok) {
      throw new AppError(
        "invalid_input",
        "Сопоставление столбцов заполнено неверно",
        explainMappingIssues(parsed.issues, ignored),
      );
    }
    return {
      chosen: parsed.mapping,
      mapping: parsed.mapping,
      source: { kind: "given" },
      ignoredColumns: ignored,
    };
  }
  const proposal = await opts.resolve?.([...header]);
  if (!proposal) throw new AppError("invalid_input", "Не задано сопоставление столбцов");
  const chosen = proposal.mapping;
  return {
    chosen,
    mapping: year === undefined ? chosen : { ...chosen, year },
    source: proposal.source,
    ignoredColumns: ignoredColumns(header, namedColumns(chosen)),
  };
}
