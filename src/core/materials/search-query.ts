/**
 * The Russian search of the materials bank. PostgreSQL's `russian` configuration stems words with
 * Snowball, which removes inflections but not word formation: «наставничество» becomes
 * `наставничеств` and «наставника» `наставник`, so `websearch_to_tsquery('russian', …)` alone does
 * not find one from the other. The bank therefore matches a document when it matches the user's
 * websearch query OR an expanded query built here: each plain word of the query (not a negated
 * one) becomes «its stem, or any lexeme starting with its derivational root» — the root being the
 * stem with a common derivational suffix cut off (-ничеств, -ническ, -ник → -ни; -ств; -тельн; -ени),
 * kept only when at least {@link MIN_ROOT_LENGTH} letters remain. The words are ANDed, as in the
 * websearch query. A query with a negation («-видео») or an OR is matched by the websearch query
 * only, so that its operators keep their meaning.
 */

/** Roots shorter than this are not used for prefix matching (too many false matches). */
export const MIN_ROOT_LENGTH = 5;

/** Derivational suffixes of Snowball stems and what they turn into, longest first. */
const SUFFIX_RULES: readonly (readonly [string, string])[] = [
  ["ничеств", "ни"],
  ["ническ", "ни"],
  ["нича", "ни"],
  ["ник", "ни"],
  ["тельн", ""],
  ["честв", ""],
  ["еств", ""],
  ["ств", ""],
  ["ени", ""],
  ["ен", ""],
];

/** The words of a search query as the user typed them, and whether the query uses operators. */
export type QueryWords = { words: string[]; hasOperators: boolean };

/**
 * The plain words of a websearch-style query, lower-cased, without duplicates: letters and digits
 * only; a negated word («-видео») or the operator «or» marks the query as one with operators.
 */
export function queryWords(query: string): QueryWords {
  const words: string[] = [];
  let hasOperators = false;
  for (const token of query.toLowerCase().split(/\s+/)) {
    if (token === "") continue;
    if (token === "or" || token === "или" || token.startsWith("-")) {
      hasOperators = true;
      continue;
    }
    for (const word of token.match(/[\p{L}\p{N}]+/gu) ?? []) if (!words.includes(word)) words.push(word);
  }
  return { words: words.slice(0, 20), hasOperators };
}

/** The derivational root of a Snowball stem («наставничеств» → «наставни»), or null when none is safe. */
export function derivationalRoot(stem: string): string | null {
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (!stem.endsWith(suffix)) continue;
    const root = stem.slice(0, stem.length - suffix.length) + replacement;
    return root.length >= MIN_ROOT_LENGTH ? root : null;
  }
  return stem.length >= MIN_ROOT_LENGTH + 2 ? stem : null;
}

function lexeme(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * The expanded query in `to_tsquery('simple', …)` syntax from the stems of each word (one list per
 * word, as `ts_lexize('russian_stem', word)` gives them; an empty list for a stop word, which is
 * left out): `('наставничеств' | 'наставни':*) & 'молод'`. Null when no word is left.
 */
export function expandedTsQuery(stemsByWord: readonly (readonly string[])[]): string | null {
  const terms: string[] = [];
  for (const stems of stemsByWord) {
    const options = new Set<string>();
    for (const stem of stems) {
      if (stem === "") continue;
      options.add(lexeme(stem));
      const root = derivationalRoot(stem);
      if (root) options.add(`${lexeme(root)}:*`);
    }
    if (options.size === 0) continue;
    terms.push(options.size === 1 ? [...options][0]! : `(${[...options].join(" | ")})`);
  }
  return terms.length === 0 ? null : terms.join(" & ");
}
