import { AppError } from "../../../platform/errors";

/** A calendar day as the documents take it: «ГГГГ-ММ-ДД» (e.g. "2021-03-23"), no time and no zone. */
export type IsoDate = string;

const MONTHS_GENITIVE = [
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

type Day = { year: number; month: number; day: number };

/** Reads an IsoDate, refusing anything that is not a real calendar day (2021-02-30 included). */
function parseDay(date: IsoDate): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new AppError("invalid_input", `Дата «${date}» должна быть настоящей датой в виде ГГГГ-ММ-ДД`);
  }
  return { year, month, day };
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** «23.03.2021». */
export function formatDateRu(date: IsoDate): string {
  const { year, month, day } = parseDay(date);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** «23» марта 2021 г. — the date line of an order. */
export function formatDateWordsRu(date: IsoDate): string {
  const { year, month, day } = parseDay(date);
  return `«${pad(day)}» ${MONTHS_GENITIVE[month - 1]} ${year} г.`;
}
