import type { IndicatorUnit } from "./types";

const formatters = new Map<number, Intl.NumberFormat>();

function intlFormat(value: number, fractionDigits: number): string {
  let formatter = formatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("ru-RU", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(fractionDigits, formatter);
  }
  return formatter.format(value);
}

/** The group separator of ru-RU numbers: a no-break space. */
const GROUP_SEPARATOR = "\u00a0";

/** Adds one unit in the last place to a string of decimal digits: "199" → "200", "99" → "100". */
function incrementDigits(digits: string): string {
  let k = digits.length - 1;
  while (k >= 0 && digits[k] === "9") k--;
  const nines = digits.length - 1 - k;
  const head = k < 0 ? "1" : digits.slice(0, k) + String(Number(digits[k]) + 1);
  return head + "0".repeat(nines);
}

/** "1234567" → "1 234 567" with no-break spaces. */
function groupThousands(integer: string): string {
  if (integer.length <= 3) return integer;
  const first = integer.length % 3 || 3;
  let out = integer.slice(0, first);
  for (let k = first; k < integer.length; k += 3) out += GROUP_SEPARATOR + integer.slice(k, k + 3);
  return out;
}

/**
 * What Intl.NumberFormat("ru-RU") prints for a non-negative value of ordinary size, without it: the
 * shortest decimal form of the double (as ICU reads it) rounded half away from zero (Intl's
 * default), thousands grouped by no-break spaces. Null where the decimal form is exponential, or for
 * a negative value (−0 included): those go to Intl. Checked against Intl in ru-format.test.ts; a
 * sentence formats hundreds of thousands of numbers in a national run, and Intl is the slow part.
 */
function fastFormat(value: number, fractionDigits: number): string | null {
  if (!(value > 0 || Object.is(value, 0)) || value >= 1e15) return null;
  const text = String(value);
  if (text.includes("e")) return null;
  const dot = text.indexOf(".");
  let integer = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? "" : text.slice(dot + 1);
  if (fraction.length > fractionDigits) {
    const isRoundedUp = fraction.charCodeAt(fractionDigits) >= 53; // "5" or more
    fraction = fraction.slice(0, fractionDigits);
    if (isRoundedUp) {
      const digits = incrementDigits(integer + fraction);
      integer = digits.slice(0, digits.length - fractionDigits);
      fraction = digits.slice(digits.length - fractionDigits);
    }
  } else {
    fraction = fraction.padEnd(fractionDigits, "0");
  }
  const grouped = groupThousands(integer);
  return fractionDigits > 0 ? `${grouped},${fraction}` : grouped;
}

/** A number in Russian notation with exactly `fractionDigits` decimals: 0,31; 1 234,5; −0,5 uses a hyphen. */
export function formatNumberRu(value: number, fractionDigits: number): string {
  return fastFormat(value, fractionDigits) ?? intlFormat(value, fractionDigits);
}

/**
 * A value in its unit's customary form: share 0,31; percent 31,5%; score 56,3; count 12 (or 12,5
 * when fractional, e.g. a mean); bool «да» / «нет».
 */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, extraDigits = 0): string {
  switch (unit) {
    case "share":
      return formatNumberRu(value, 2 + extraDigits);
    case "percent":
      return `${formatNumberRu(value, 1 + extraDigits)}%`;
    case "score":
      return formatNumberRu(value, 1 + extraDigits);
    case "count":
      return formatNumberRu(value, (Number.isInteger(value) ? 0 : 1) + extraDigits);
    case "bool":
      return value >= 0.5 ? "да" : "нет";
  }
}

/**
 * How many more decimals a value and the boundary it was compared with need so that they do not
 * print alike (58,567 against 58,633 is «58,57» and «58,63», not «58,6» twice); at most three.
 */
export function distinguishingDigits(
  value: number | null,
  boundary: number | null,
  unit: IndicatorUnit,
): number {
  if (value === null || boundary === null) return 0;
  // Equal up to floating-point noise (a mean of 0,2 computed as 0,20000000000000004): no more decimals.
  if (Math.abs(value - boundary) <= 1e-9 * Math.max(1, Math.abs(boundary))) return 0;
  for (let extra = 0; extra < 3; extra++) {
    if (formatIndicatorValue(value, unit, extra) !== formatIndicatorValue(boundary, unit, extra))
      return extra;
  }
  return 3;
}

const ORDINALS = [
  "первый",
  "второй",
  "третий",
  "четвёртый",
  "пятый",
  "шестой",
  "седьмой",
  "восьмой",
  "девятый",
  "десятый",
];

/** Masculine nominative ordinal for «N-й год подряд»: второй, третий, четвёртый …; «11-й» beyond ten. */
export function ordinalRu(n: number): string {
  return ORDINALS[n - 1] ?? `${n}-й`;
}

/** The Russian plural form for n: `one` (1, 21), `few` (2–4, 22–24) or `many` (5–20, 0). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const lastTwo = Math.abs(n) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

/** «3 года», «5 лет», «1 год». */
export function yearsRu(n: number): string {
  return `${n} ${pluralRu(n, "год", "года", "лет")}`;
}

/**
 * An indicator name as the subject of a sentence: first letter lower-cased unless the name starts
 * with an abbreviation («ЕГЭ», «ОО»), which keeps its capitals.
 */
export function indicatorSubject(name: string): string {
  const first = name.charAt(0);
  const second = name.charAt(1);
  const isAbbreviation = second !== "" && second === second.toUpperCase() && second !== second.toLowerCase();
  return isAbbreviation ? name : first.toLowerCase() + name.slice(1);
}

/**
 * «subject — rest» with Russian punctuation: a name that ends a participial clause («Доля участников,
 * не преодолевших порог») closes it with a comma before the dash; a name that already holds a dash
 * takes a colon instead.
 */
export function subjectWithDash(name: string, rest: string): string {
  const subject = indicatorSubject(name);
  if (subject.includes(" — ")) return `${subject}: ${rest}`;
  if (subject.includes(",")) return `${subject}, — ${rest}`;
  return `${subject} — ${rest}`;
}
