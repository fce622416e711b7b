import type { FieldIssue } from "../../../platform/errors";
import { type ColumnMapping, parseColumnMapping } from "./column-mapping";
import type { KnownIndicator } from "./guess-mapping";
import { normalizeHeaderName } from "./table-header";

/** A header column: its 0-based index in TableRow.cells and its name as in the file. */
export type ColumnRef = { index: number; name: string };

/** Where the year of a row comes from: a column, or one year for the whole file. */
export type YearSource = { column: ColumnRef } | { fixed: number };

/** An indicator column of a wide table. */
export type IndicatorColumn = { column: ColumnRef; code: string };

type PlanBase = {
  school: { code?: ColumnRef; name?: ColumnRef; municipality?: ColumnRef };
  year: YearSource;
};

/** A mapping resolved against one header: column indexes instead of names, ready for every row. */
export type LayoutPlan =
  | (PlanBase & {
      layout: "long";
      indicator: ColumnRef;
      value: ColumnRef;
      /** Normalised indicator code or name → code, for the indicator cells of a long table. */
      indicatorCodes: ReadonlyMap<string, string>;
    })
  | (PlanBase & { layout: "wide"; indicators: IndicatorColumn[] });

/** A compiled plan, or what is wrong with the mapping for this header. */
export type LayoutPlanResult = { ok: true; plan: LayoutPlan } | { ok: false; issues: FieldIssue[] };

function indicatorCodes(known: readonly KnownIndicator[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const indicator of known) codes.set(normalizeHeaderName(indicator.name), indicator.code);
  for (const indicator of known) codes.set(normalizeHeaderName(indicator.code), indicator.code);
  return codes;
}

type Resolver = (name: string | undefined, role: string) => ColumnRef | undefined;

function columnResolver(header: readonly string[], issues: FieldIssue[]): Resolver {
  const indexes = new Map<string, number>();
  header.forEach((name, index) => {
    const key = normalizeHeaderName(name);
    if (key !== "" && !indexes.has(key)) indexes.set(key, index);
  });
  return (name, role) => {
    if (name === undefined) return undefined;
    const index = indexes.get(normalizeHeaderName(name));
    if (index !== undefined) return { index, name: header[index] ?? name };
    issues.push({
      column: name,
      message: `в файле нет столбца «${name}» (он указан в сопоставлении как ${role})`,
    });
    return undefined;
  };
}

function yearSource(mapping: ColumnMapping, resolve: Resolver): YearSource | undefined {
  const column = resolve(mapping.columns.year, "«год»");
  if (column) return { column };
  return mapping.year === undefined ? undefined : { fixed: mapping.year };
}

/**
 * Resolves a mapping against a header: validates it (columnMappingSchema), finds every named
 * column in the header (ignoring case and spacing) and, for a long table, prepares the lookup of
 * indicator codes and names. Issues name the missing column.
 */
export function compileLayout(
  mapping: ColumnMapping,
  header: readonly string[],
  knownIndicators: readonly KnownIndicator[] = [],
): LayoutPlanResult {
  const parsed = parseColumnMapping(mapping);
  if (!parsed.ok) return parsed;
  const issues: FieldIssue[] = [];
  const resolve = columnResolver(header, issues);
  const { columns } = parsed.mapping;
  const school = {
    code: resolve(columns.schoolCode, "«код школы»"),
    name: resolve(columns.schoolName, "«наименование»"),
    municipality: resolve(columns.municipality, "«муниципалитет»"),
  };
  const year = yearSource(parsed.mapping, resolve);
  if (parsed.mapping.layout === "long") {
    const indicator = resolve(columns.indicator, "«показатель»");
    const value = resolve(columns.value, "«значение»");
    if (issues.length > 0 || !year || !indicator || !value) return { ok: false, issues };
    return {
      ok: true,
      plan: {
        layout: "long",
        school,
        year,
        indicator,
        value,
        indicatorCodes: indicatorCodes(knownIndicators),
      },
    };
  }
  const indicators: IndicatorColumn[] = [];
  for (const [name, code] of Object.entries(parsed.mapping.indicators ?? {})) {
    const column = resolve(name, `показатель «${code}»`);
    if (column) indicators.push({ column, code });
  }
  if (issues.length > 0 || !year) return { ok: false, issues };
  return { ok: true, plan: { layout: "wide", school, year, indicators } };
}
