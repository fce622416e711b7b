const numberFormat = new Intl.NumberFormat("ru-RU");
const percentFormat = new Intl.NumberFormat("ru-RU", { style: "percent", maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat("ru-RU", {
  timeZone: "Europe/Moscow",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A whole number with Russian digit grouping: 12 345. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A share 0..1 as a Russian percent with at most one decimal: 64,8 %. */
export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

/** An ISO timestamp as dd.MM.yyyy HH:mm in Moscow time, whatever the browser's time zone. */
export function formatMoscowDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}
