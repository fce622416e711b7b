import { createHash } from "node:crypto";
import type { FieldIssue } from "../../../platform/errors";
import { type ColumnMapping, type ColumnRole, parseColumnMapping } from "./column-mapping";
import { normalizeHeaderName } from "./table-header";

/** An indicator the system knows: its code and its name (as in the indicator catalogue). */
export type KnownIndicator = { code: string; name: string };

/** Header names (normalised) that mean each column role, Russian and English. */
const SYNONYMS: Record<ColumnRole, readonly string[]> = {
  schoolCode: [
    "код",
    "код оо",
    "код школы",
    "код организации",
    "код образовательной организации",
    "school code",
    "school id",
    "code",
  ],
  schoolName: [
    "наименование",
    "наименование оо",
    "наименование школы",
    "название",
    "название школы",
    "школа",
    "оо",
    "образовательная организация",
    "school",
    "school name",
    "name",
  ],
  municipality: [
    "муниципалитет",
    "муниципальное образование",
    "мо",
    "муниципальный район",
    "район",
    "городской округ",
    "municipality",
    "district",
    "city",
  ],
  year: ["год", "учебный год", "отчетный год", "year"],
  indicator: ["показатель", "код показателя", "наименование показателя", "indicator", "indicator code"],
  value: ["значение", "значение показателя", "value"],
};

const ROLES: readonly ColumnRole[] = [
  "schoolCode",
  "schoolName",
  "municipality",
  "year",
  "indicator",
  "value",
];

function roleOf(name: string): ColumnRole | undefined {
  const normalized = normalizeHeaderName(name);
  return ROLES.find((role) => SYNONYMS[role].includes(normalized));
}

/** A code written in the header after the name: «Доля выпускников [no_cert_share]» or «… (no_cert_share)». */
function codeInBrackets(name: string): string | undefined {
  return /[[(]\s*([^\])]+?)\s*[\])]\s*$/.exec(name)?.[1];
}

/**
 * Finds the indicator a header names: by the code in brackets at its end, by the whole header
 * being the code, or by it being the name; case-, ё- and space-insensitive.
 */
export function matchIndicator(header: string, known: readonly KnownIndicator[]): KnownIndicator | undefined {
  const normalized = normalizeHeaderName(header);
  const bracketed = codeInBrackets(header);
  const bracketCode = bracketed === undefined ? undefined : normalizeHeaderName(bracketed);
  return (
    known.find((indicator) => normalizeHeaderName(indicator.code) === bracketCode) ??
    known.find((indicator) => normalizeHeaderName(indicator.code) === normalized) ??
    known.find((indicator) => normalizeHeaderName(indicator.name) === normalized)
  );
}

/** The guess of guessMapping, with what it could not decide. */
export type MappingGuess = {
  mapping: ColumnMapping;
  /** Header columns that the guess leaves out (they are ignored on import). */
  unmappedColumns: string[];
  /** What the user still has to settle before the mapping is valid (e.g. the year of the file). */
  issues: FieldIssue[];
};

function assignRoles(header: readonly string[]): ColumnMapping["columns"] {
  const columns: ColumnMapping["columns"] = {};
  for (const name of header) {
    const role = roleOf(name);
    if (role && columns[role] === undefined) columns[role] = name;
  }
  if (columns.year === undefined) {
    // «list_year», «Год выпуска»: a word year/год in the name, when no column is called exactly so.
    const year = header.find((name) => /(^| )(год|year)( |$)/.test(normalizeHeaderName(name)));
    if (year !== undefined && !Object.values(columns).includes(year)) columns.year = year;
  }
  return columns;
}

/**
 * Proposes a mapping from the header: school, year, indicator and value columns by their Russian
 * or English names («Код ОО», «school_code», «Наименование», «Муниципалитет», «Год», «Показатель»,
 * «Значение»...), and indicator columns by code or name. With indicator and value columns the
 * layout is long, otherwise wide. The user confirms or corrects it before the import.
 */
export function guessMapping(
  header: readonly string[],
  knownIndicators: readonly KnownIndicator[],
): MappingGuess {
  const columns = assignRoles(header);
  const used = new Set(Object.values(columns));
  const isLong = columns.indicator !== undefined && columns.value !== undefined;
  const indicators = new Map<string, string>();
  if (!isLong) {
    for (const name of header) {
      if (name === "" || used.has(name)) continue;
      const indicator = matchIndicator(name, knownIndicators);
      if (indicator) indicators.set(name, indicator.code);
    }
  }
  const mapping: ColumnMapping = isLong
    ? { layout: "long", columns }
    : { layout: "wide", columns, indicators: Object.fromEntries(indicators) };
  const parsed = parseColumnMapping(mapping);
  return {
    mapping,
    unmappedColumns: header.filter((name) => name !== "" && !used.has(name) && !indicators.has(name)),
    issues: parsed.ok ? [] : parsed.issues,
  };
}

/**
 * A stable fingerprint of a file layout: SHA-256 (hex) of the normalised, non-empty header names
 * in sorted order, so the same template gives the same signature whatever the case, spacing or
 * order of its columns, and a remembered mapping can be offered again.
 */
export function layoutSignature(header: readonly string[]): string {
  const names = header.map(normalizeHeaderName).filter((name) => name !== "");
  names.sort();
  return createHash("sha256").update(names.join("\n")).digest("hex");
}
