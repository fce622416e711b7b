import { z } from "zod";

/**
 * Units of an indicator's value: share (доля, 0–1), percent (процент, 0–100), count (количество,
 * whole), number (any number, e.g. a mean score), boolean (да/нет, stored as 1/0).
 */
export const INDICATOR_UNITS = ["share", "percent", "count", "number", "boolean"] as const;
/** Zod schema of an indicator unit. */
export const indicatorUnitSchema = z.enum(INDICATOR_UNITS);
/** An indicator unit. */
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

/** A parsed value, or a Russian message saying why the text is not one. */
export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

/** How to read a number: the file's decimal mark and, when known, the indicator's unit. */
export type ParseNumberOptions = { decimalComma: boolean; unit?: IndicatorUnit };

const TRUE_WORDS = new Set(["да", "yes", "true", "истина", "1"]);
const FALSE_WORDS = new Set(["нет", "no", "false", "ложь", "0"]);
const GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Text for a message: quoted and cut to a readable length. */
export function quoteText(text: string): string {
  return `"${text.length > 50 ? `${text.slice(0, 47)}…` : text}"`;
}

/** Whether a cell's text starts like a spreadsheet formula (=, +, -, @). */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}

/** The common case, «0,41», «12», «-3.5»: read without the checks below (same result). */
const SIMPLE = /^-?\d+(?:[.,]\d+)?$/;

/** Reads a plain number: digit groups split by spaces or NBSP, one decimal mark, an exponent. */
function readNumber(text: string, decimalComma: boolean): ParseResult {
  if (SIMPLE.test(text)) {
    const comma = text.indexOf(",");
    if (comma < 0) return { ok: true, value: Number(text) };
    if (decimalComma) return { ok: true, value: Number(`${text.slice(0, comma)}.${text.slice(comma + 1)}`) };
  }
  const compact = GROUPED.test(text) ? text.replace(/[ \u00a0\u202f\u2009]/g, "") : text;
  const hasComma = compact.includes(",");
  if (hasComma && compact.includes(".")) {
    return fail(`не число: ${quoteText(text)} — непонятно, какой знак отделяет дробную часть`);
  }
  if (hasComma && !decimalComma) {
    return fail(`не число: ${quoteText(text)} — в этом файле дробную часть отделяют точкой`);
  }
  const normalized = compact.replace(",", ".");
  if (!PLAIN.test(normalized)) return fail(`не число: ${quoteText(text)}`);
  const value = Number(normalized);
  return Number.isFinite(value) ? { ok: true, value } : fail(`не число: ${quoteText(text)}`);
}

function readBoolean(text: string): ParseResult {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: 1 };
  if (FALSE_WORDS.has(word)) return { ok: true, value: 0 };
  return fail(`ожидается «да» или «нет»: ${quoteText(text)}`);
}

function readPercent(text: string, options: ParseNumberOptions): ParseResult {
  const body = text.slice(0, -1).trim();
  const parsed = readNumber(body, options.decimalComma);
  if (!parsed.ok) return fail(`не число: ${quoteText(text)}`);
  if (options.unit === "share") return { ok: true, value: Number((parsed.value / 100).toPrecision(15)) };
  if (options.unit === "percent") return parsed;
  return fail(`знак % допустим только для долей и процентов: ${quoteText(text)}`);
}

/**
 * Parses a value typed by a person: "0,31", "0.31", " 1 234,5 " (spaces or NBSP between digit
 * groups), "31%" (0.31 for a share, 31 for a percent), да/нет/yes/no/1/0 for a boolean unit.
 * A text starting with =, +, - or @ that is not a number is refused as a formula ("-0,5" is a
 * number, "=SUM(A1)" is not). With `decimalComma: false` a comma is refused, since then it could
 * be a thousands separator; with true both marks are accepted, but never both in one number.
 */
export function parseNumber(text: string, options: ParseNumberOptions): ParseResult {
  const trimmed = text.trim();
  if (trimmed === "") return fail("пустое значение");
  const parsed = parseByUnit(trimmed, options);
  if (!parsed.ok && startsLikeFormula(trimmed)) {
    return fail(`формула в ячейке не допускается: ${quoteText(trimmed)}`);
  }
  return parsed;
}

function parseByUnit(text: string, options: ParseNumberOptions): ParseResult {
  if (options.unit === "boolean") return readBoolean(text);
  if (text.endsWith("%")) return readPercent(text, options);
  return readNumber(text, options.decimalComma);
}
