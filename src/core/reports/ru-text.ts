import { plural } from "../events";

/** Month names in the nominative, as the month column of a report prints them. */
export const MONTHS_NOMINATIVE = [
  "Январь",
  "Февраль",
  "Март",
  "Апрель",
  "Май",
  "Июнь",
  "Июль",
  "Август",
  "Сентябрь",
  "Октябрь",
  "Ноябрь",
  "Декабрь",
] as const;

/** «12 консультаций», «1 консультация», «3 консультации». */
export function counted(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}

/** A share 0…1 as the seeds print it: «64,8 %»; «нет данных» for null. */
export function percentRu(share: number | null, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return "нет данных";
  return `${(share * 100).toFixed(digits).replace(".", ",")} %`;
}

/** «Минаева Елена Леонидовна» → «Е.Л. Минаева», as a signature prints a name; other forms unchanged. */
export function initialsName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2 || parts.some((part) => /\./.test(part))) return fullName.trim();
  const [surname, ...given] = parts;
  return `${given.map((name) => `${name.charAt(0).toUpperCase()}.`).join("")} ${surname}`;
}

/** «кавычки» around a topic unless it already has them. */
export function quoted(text: string): string {
  const t = text.trim();
  return t.startsWith("«") ? t : `«${t}»`;
}
