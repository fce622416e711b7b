/**
 * The first stage of reading a deadline: the text normalised, split into items at commas,
 * semicolons and line breaks, each item either a phrase (throughout the period, on a schedule) or a
 * list of spans of points in time whose years may still be missing.
 */

/** A point in time as written; a missing year (or a missing month of a range's first day) is null. */
export type DeadlinePoint =
  | { kind: "day"; day: number; month: number | null; year: number | null }
  | { kind: "month"; month: number; year: number | null }
  | { kind: "quarter"; quarter: number; year: number | null }
  | { kind: "half"; half: number; year: number | null }
  | { kind: "year"; year: number };

/** A span: from one point to another (the same point for a single one); until is «до X», by «не позднее X». */
export type DeadlineSpan = { from: DeadlinePoint; to: DeadlinePoint; mode: "span" | "until" | "by" };

/** One item of a deadline text. */
export type DeadlineItem =
  | { kind: "recurring" }
  | { kind: "period"; spans: DeadlineSpan[] }
  | { kind: "points"; spans: DeadlineSpan[] };

type Token =
  | { t: "sep" | "dash" | "from" | "to" | "until" | "by" }
  | { t: "date"; day: number; month: number; year: number | null }
  | { t: "year"; year: number }
  | { t: "num"; value: number }
  | { t: "month"; month: number }
  | { t: "quarter" | "half" };

const MONTH_STEMS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
];
const ORDINALS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  перв: 1,
  втор: 2,
  трет: 3,
  четверт: 4,
};
const FILLERS = new Set([
  "в",
  "во",
  "на",
  "течение",
  "протяжении",
  "года",
  "год",
  "г",
  "месяц",
  "месяца",
  "месяце",
]);

const RECURRING = /ежемесячн|еженедельн|ежеквартальн|ежегодн|ежедневн|график|регулярно|систематически/;
/** Phrases meaning «throughout the plan's period»; what follows «по мере» or «в период» is free text. */
const PERIOD_PHRASES = [
  /(?:в течение|на протяжении)(?: всего)?(?: (?:учебного|календарного|отчетного))? (?:года|периода)/g,
  /до конца (?:учебного |календарного )?года/g,
  /постоянно|весь период/g,
  /(?:по мере|в период|в ходе) .*/g,
];

/** Lower case, ё → е, dashes unified, years' «года» / «г.» dropped, punctuation spaced out. */
export function normalizeDeadline(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\n\r;]+/g, ",")
    .replace(/(\d)\.\s+(\d{4})/g, "$1.$2")
    .replace(/(\d{1,2})\.\s*-/g, "$1 -")
    .replace(/(\d{4})\s*(?:года|год|гг?\.?)(?=[\s,.-]|$)/g, "$1")
    .replace(
      /(^|\s)(\d|i{1,3}|iv|перв|втор|трет|четверт)(?:-?(?:ый|ой|ий|ое|ье|ее|й|е|го))?(?=\s+(?:квартал|полугоди))/g,
      "$1$2",
    )
    .replace(/-/g, " - ")
    .replace(/,/g, " , ")
    .replace(/\s+/g, " ")
    .trim();
}

function monthOf(word: string): number | null {
  if (/^ма[йяе]$/.test(word)) return 5;
  const index = MONTH_STEMS.findIndex((stem) => stem !== "ма" && word.startsWith(stem));
  const stem = MONTH_STEMS[index];
  return stem === undefined || word.length > stem.length + 2 ? null : index + 1;
}

function tokenOf(word: string): Token | null {
  if (word === "-") return { t: "dash" };
  if (word === "с" || word === "со") return { t: "from" };
  if (word === "по") return { t: "to" };
  if (word === "до") return { t: "until" };
  if (word === "к" || word === "позднее") return { t: "by" };
  const date = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?\.?$/.exec(word);
  if (date) {
    const year = date[3] === undefined ? null : Number(date[3].length === 2 ? `20${date[3]}` : date[3]);
    return { t: "date", day: Number(date[1]), month: Number(date[2]), year };
  }
  const clean = word.replace(/\.$/, "");
  if (/^\d{4}$/.test(clean)) return { t: "year", year: Number(clean) };
  if (/^\d{1,2}$/.test(clean)) return { t: "num", value: Number(clean) };
  if (ORDINALS[clean] !== undefined) return { t: "num", value: ORDINALS[clean] };
  if (clean.startsWith("квартал")) return { t: "quarter" };
  if (clean.startsWith("полугоди")) return { t: "half" };
  const month = monthOf(clean);
  return month === null ? null : { t: "month", month };
}

/** The words of an item as tokens, fillers left out; null when a word is not understood. */
function tokenize(item: string): Token[] | null {
  const tokens: Token[] = [];
  const words = item.split(" ").filter((word) => word !== "");
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "не" && words[i + 1] === "позднее") continue;
    if (FILLERS.has(word.replace(/\.$/, ""))) continue;
    const token = tokenOf(word);
    if (!token) return null;
    tokens.push(token);
  }
  return tokens;
}

/** Reads points and spans from tokens; null when they do not make a deadline. */
function parseSpans(tokens: Token[]): DeadlineSpan[] | null {
  const spans: DeadlineSpan[] = [];
  let i = 0;
  const yearAt = (): number | null => {
    const token = tokens[i];
    if (token?.t !== "year") return null;
    i++;
    return token.year;
  };
  const point = (): DeadlinePoint | null => {
    const token = tokens[i++];
    const next = tokens[i];
    if (!token) return null;
    if (token.t === "date")
      return { kind: "day", day: token.day, month: token.month, year: token.year ?? yearAt() };
    if (token.t === "month") return { kind: "month", month: token.month, year: yearAt() };
    if (token.t === "year") return { kind: "year", year: token.year };
    if (token.t !== "num") return null;
    if (next?.t === "dash" || next?.t === "to")
      return { kind: "day", day: token.value, month: null, year: null };
    if (next?.t !== "month" && next?.t !== "quarter" && next?.t !== "half") return null;
    i++;
    const year = yearAt();
    if (next.t === "month") return { kind: "day", day: token.value, month: next.month, year };
    if (next.t === "quarter") return { kind: "quarter", quarter: token.value, year };
    return { kind: "half", half: token.value, year };
  };
  while (i < tokens.length) {
    const lead = tokens[i];
    let mode: DeadlineSpan["mode"] = "span";
    if (lead?.t === "from") i++;
    else if (lead?.t === "until" || lead?.t === "by") {
      mode = lead.t;
      i++;
    }
    const from = point();
    if (!from) return null;
    const link = tokens[i];
    if (mode === "span" && (link?.t === "dash" || link?.t === "to")) {
      i++;
      const to = point();
      if (!to) return null;
      spans.push({ from, to, mode });
    } else {
      spans.push({ from, to: from, mode });
    }
  }
  return spans;
}

/** Splits a normalised deadline into items and reads each; null when any item is not understood. */
export function readItems(normalized: string): DeadlineItem[] | null {
  const items: DeadlineItem[] = [];
  for (const raw of normalized.split(",")) {
    let text = raw.trim();
    if (text === "") continue;
    if (RECURRING.test(text)) {
      items.push({ kind: "recurring" });
      continue;
    }
    let isPeriod = false;
    for (const phrase of PERIOD_PHRASES) {
      const stripped = text.replace(phrase, " ");
      if (stripped !== text) isPeriod = true;
      text = stripped.trim();
    }
    const tokens = tokenize(text);
    const spans = tokens ? parseSpans(tokens) : null;
    if (!spans) return null;
    if (isPeriod) items.push({ kind: "period", spans });
    else if (spans.length > 0) items.push({ kind: "points", spans });
  }
  return items;
}
