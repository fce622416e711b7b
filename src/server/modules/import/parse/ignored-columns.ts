import type { ColumnMapping } from "./column-mapping";
import { normalizeHeaderName } from "./table-header";

/**
 * The header columns that a mapping names nowhere, in file order: their cells are not read.
 * Names compare as the mapping's do (case, ё/е and spacing aside); blank headers are left out.
 */
export function ignoredColumns(header: readonly string[], named: readonly (string | undefined)[]): string[] {
  const used = new Set(named.flatMap((name) => (name === undefined ? [] : [normalizeHeaderName(name)])));
  return header.filter((name) => name.trim() !== "" && !used.has(normalizeHeaderName(name)));
}

/** The columns a values mapping names: its school, year, indicator and value columns, and (wide) its indicator columns. */
export function valueMappingColumns(mapping: ColumnMapping): (string | undefined)[] {
  return [...Object.values(mapping.columns), ...Object.keys(mapping.indicators ?? {})];
}

/** The list of column names in a sentence: «A», «B» и «C». */
export function quoteColumns(names: readonly string[]): string {
  const quoted = names.map((name) => `«${name}»`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} и ${quoted.at(-1)}`;
}

/**
 * Why a wide mapping with no indicator column cannot import anything, naming the columns that
 * matched no indicator: the file would otherwise «succeed» with nothing written.
 */
export function noIndicatorMessage(ignored: readonly string[]): string {
  const which =
    ignored.length === 0
      ? "в файле нет столбцов, кроме школы и года"
      : `столбцы ${quoteColumns(ignored)} не сопоставлены ни с одним показателем`;
  return `Нечего загружать: ${which}. Укажите в сопоставлении показатель для каждого столбца значений (или код показателя в квадратных скобках в названии столбца, например «Доля выпускников [no_cert_share]»).`;
}
