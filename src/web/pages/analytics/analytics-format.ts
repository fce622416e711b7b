import type { Quadrant } from "../../../core/analytics";

const decimal = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 3 });
const short = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 2 });

/** A value with up to three decimals: 0,125; 61,6. */
export function formatValue(value: number): string {
  return decimal.format(value);
}

/** A value with up to two decimals, for tables of many numbers. */
export function formatShort(value: number): string {
  return short.format(value);
}

/**
 * A long name broken into lines of at most `maxChars` characters at spaces (a word longer than that
 * keeps its own line), for chart axes whose own line breaking cuts or overlaps labels.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A p-value: «< 0,001» for tiny ones. */
export function formatPValue(p: number): string {
  return p < 0.001 ? "< 0,001" : decimal.format(p);
}

/** One colour per group of the contextual model, the same in the chart, the summary and the table. */
export const QUADRANT_COLORS: Record<Quadrant, string> = {
  low_result_hard_context: "#fd7e14",
  underperforming: "#e03131",
  resilient: "#2f9e44",
  other: "#adb5bd",
};
