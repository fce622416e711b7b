/**
 * A text cut to at most `max` characters at a word boundary, with «…» when cut, for naming a long
 * question or activity inside a sentence.
 */
export function shortenText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.—-]+$/u, "")}…`;
}
