/**
 * Russian words of a text with their places: the unit the similarity check counts. A word is a run
 * of letters or digits; it is normalised to lower case, «ё» read as «е», and cut to its first
 * {@link STEM_LENGTH} characters — a crude stem, so that «школы» and «школой», «обучающихся» and
 * «обучающимися» count as the same word while a changed name («Ельня» for «Рославль») does not.
 */

/** How many leading characters of a word are kept as its stem. */
export const STEM_LENGTH = 6;

/** A word of a text: its normal form and where it stands (character offsets, end exclusive). */
export type Word = { norm: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;

/** The normal form of one word: lower case, «ё» as «е», the first {@link STEM_LENGTH} characters. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, "е").slice(0, STEM_LENGTH);
}

/** The words of a text in order, each with its normal form and offsets in the original text. */
export function textWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ norm: normaliseWord(match[0]), start, end: start + match[0].length });
  }
  return words;
}
