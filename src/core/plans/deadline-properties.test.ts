import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/random";
import { readDeadline } from "./deadline";
import { parseIsoDate } from "./iso-date";
import { academicYearPeriod, calendarYearPeriod, type PlanPeriod } from "./plan-period";

const NOMINATIVE = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
const PERIOD_PHRASES = ["в течение года", "В течение учебного года", "постоянно", "По мере реализации"];
const RECURRING_PHRASES = [
  "ежемесячно",
  "По спец. графику",
  "по отдельному графику",
  "По графику ОО в течение учебного года",
];

type Generated = { text: string; years: number[]; kind: "dates" | "period" | "recurring" };

function generator(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error("empty list");
    return item;
  };
  const capital = (word: string) => (next() < 0.5 ? word.charAt(0).toUpperCase() + word.slice(1) : word);
  const pad = (n: number) => String(n).padStart(2, "0");

  /** One point or span, and the years it writes. */
  function item(baseYear: number): { text: string; years: number[] } {
    const withYear = next() < 0.3;
    const year = baseYear + int(0, 1);
    const yearText = withYear ? ` ${year}${pick(["", " года", " г."])}` : "";
    const years = withYear ? [year] : [];
    switch (int(0, 4)) {
      case 0:
        return { text: capital(pick(NOMINATIVE)) + yearText, years };
      case 1:
        return { text: `${capital(pick(NOMINATIVE))}-${pick(NOMINATIVE)}${yearText}`, years };
      case 2: {
        const m = int(1, 12);
        const day = int(1, 28);
        return withYear
          ? { text: `${pad(day)}.${pad(m)}.${year}`, years }
          : { text: `${day} ${GENITIVE[m - 1]}`, years };
      }
      case 3:
        return { text: `${pick(["I", "II", "III", "IV"])} квартал${yearText}`, years };
      default:
        return { text: `${pick(["I", "II"])} полугодие${yearText}`, years };
    }
  }

  return (baseYear: number): Generated => {
    const parts: string[] = [];
    const years: number[] = [];
    let kind: Generated["kind"] = "dates";
    const count = int(1, 3);
    for (let k = 0; k < count; k++) {
      const roll = next();
      if (roll < 0.1) {
        parts.push(pick(RECURRING_PHRASES));
        kind = "recurring";
      } else if (roll < 0.2) {
        parts.push(pick(PERIOD_PHRASES));
        if (kind === "dates") kind = "period";
      } else {
        const generated = item(baseYear);
        parts.push(generated.text);
        years.push(...generated.years);
      }
    }
    return { text: parts.join(pick([", ", ",", "; ", "\n"])), years, kind };
  };
}

function periodOf(seed: number): PlanPeriod {
  const next = mulberry32(seed);
  const year = 2015 + Math.floor(next() * 16);
  return next() < 0.5 ? academicYearPeriod(year) : calendarYearPeriod(year);
}

describe("deadline reading, properties over generated texts", () => {
  it("reads every generated text, with ordered, valid ranges and the latest end", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const period = periodOf(seed);
      const generated = generator(seed)(Number(period.from.slice(0, 4)));
      const reading = readDeadline(generated.text, period);
      const context = `${JSON.stringify(generated.text)} in ${period.from}…${period.to}`;
      expect(reading.text, context).toBe(generated.text);
      expect(reading.kind, context).toBe(generated.kind);
      expect(reading.ranges.length, context).toBeGreaterThan(0);
      for (const range of reading.ranges) {
        expect(parseIsoDate(range.from), context).not.toBeNull();
        expect(parseIsoDate(range.to), context).not.toBeNull();
        expect(range.from <= range.to, context).toBe(true);
      }
      expect(reading.end, context).toBe(
        reading.ranges
          .map((range) => range.to)
          .sort()
          .at(-1),
      );
    }
  });

  it("keeps ranges without a written year in the period: each starts in it, and a single month or day ends in it", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const period = periodOf(seed);
      const generated = generator(seed)(Number(period.from.slice(0, 4)));
      if (generated.years.length > 0) continue;
      const reading = readDeadline(generated.text, period);
      for (const range of reading.ranges) {
        const context = `${JSON.stringify(generated.text)} in ${period.from}…${period.to}: ${range.from}…${range.to}`;
        expect(range.from >= period.from && range.from <= period.to, context).toBe(true);
        // Only a span of months (a range, a quarter, a half-year) may run past the period's end.
        if (range.to > period.to) expect(range.to.slice(0, 7) > range.from.slice(0, 7), context).toBe(true);
      }
    }
  });

  it("puts a single item with a written year in that year (a span running over New Year starts or ends next to it)", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const period = periodOf(seed);
      const generated = generator(seed)(Number(period.from.slice(0, 4)));
      const [year] = generated.years;
      if (year === undefined || generated.kind !== "dates" || /[,;\n]/.test(generated.text)) continue;
      const reading = readDeadline(generated.text, period);
      expect(reading.ranges).toHaveLength(1);
      const [range] = reading.ranges;
      const [from, to] = [Number(range?.from.slice(0, 4)), Number(range?.to.slice(0, 4))];
      const context = `${JSON.stringify(generated.text)}: ${range?.from}…${range?.to}`;
      expect([year - 1, year], context).toContain(from);
      expect([year, year + 1], context).toContain(to);
      expect(from === year || to === year, context).toBe(true);
    }
  });

  it("keeps every range of a list within the years written, stepping at most one New Year per item", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const period = periodOf(seed);
      const generated = generator(seed)(Number(period.from.slice(0, 4)));
      if (generated.years.length === 0 || generated.kind !== "dates") continue;
      const reading = readDeadline(generated.text, period);
      const low = Math.min(...generated.years) - reading.ranges.length;
      const high = Math.max(...generated.years) + reading.ranges.length;
      for (const range of reading.ranges) {
        const context = `${JSON.stringify(generated.text)}: ${range.from}…${range.to}`;
        expect(Number(range.from.slice(0, 4)), context).toBeGreaterThanOrEqual(low);
        expect(Number(range.to.slice(0, 4)), context).toBeLessThanOrEqual(high);
      }
    }
  });

  it("never throws on garbage and gives no ranges for what it cannot read", () => {
    const next = mulberry32(7);
    const alphabet = "абвгдеёжзийклмнопрстуфхцчшщыэюя0123456789 .,;-–—()\n/IVX";
    for (let k = 0; k < 2000; k++) {
      const length = Math.floor(next() * 30);
      let text = "";
      for (let c = 0; c < length; c++) text += alphabet.charAt(Math.floor(next() * alphabet.length));
      const reading = readDeadline(text, calendarYearPeriod(2021));
      expect(reading.text).toBe(text);
      if (reading.kind === "unreadable") expect(reading).toMatchObject({ ranges: [], end: null });
      for (const range of reading.ranges) expect(range.from <= range.to, JSON.stringify(text)).toBe(true);
    }
  });
});
