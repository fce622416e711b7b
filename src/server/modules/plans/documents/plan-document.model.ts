import type { IsoDate } from "./ru-date";

/**
 * The document model of a plan (программа, дорожная карта, план мероприятий): the plain shapes the
 * DOCX and XLSX builders print. A plans service fills them from the database; the builders know
 * nothing else. One PlanDocumentActivity fits every builder (each reads the fields it prints).
 */

/** A check-in on an activity (отметка о выполнении): the day, what was done, the evidence if any. */
export type DocumentCheckIn = {
  date: IsoDate;
  /** What was done, as written; line breaks become paragraphs. */
  text: string;
  /** Evidence as written: a document's details or a link; null when none was given. */
  evidence: string | null;
};

/** An activity (мероприятие) as a road map prints it: seed 004's five columns. */
export type RoadMapActivity = {
  /** The number as printed («1.1.», «12.»); may be empty, as one row of seed 004 is. */
  number: string;
  title: string;
  /** The deadline as people wrote it: «Март, июль 2021 года», «в течение года», «по отдельному графику». */
  deadlineText: string;
  /** Owners (ответственные исполнители): people, organisations or both, printed comma-separated. */
  owners: string[];
  /** The implementation indicator (показатель реализации) as written. */
  indicatorText: string;
};

/** A catalogue indicator attached to an activity, with its baseline and target. */
export type DocumentIndicator = {
  code: string;
  name: string;
  baseline: number | null;
  target: number | null;
  /** The year the target is set for; null when the plan's period is meant. */
  year: number | null;
};

/** Everything a plan's activity can show; the full sheet of a plan prints all of it. */
export type PlanDocumentActivity = RoadMapActivity & {
  indicator: DocumentIndicator | null;
  /** The status in Russian, as the plan page shows it («запланировано», «выполнено», «просрочено»). */
  statusLabel: string;
  /** The causes the activity addresses, by name. */
  causes: string[];
  /** The measures of the library the activity follows, by name. */
  measures: string[];
  /** Check-ins in the order to print (usually by date). */
  checkIns: DocumentCheckIn[];
};

/** A section (раздел) of a plan: a title row across the table, then its activities. */
export type DocumentSection<A> = {
  /** The section's number as printed («I», «II»); none for unnumbered sections (seed 002). */
  number: string | null;
  title: string;
  activities: A[];
};

/** A section's title as its row prints it: «I. Информационное …», or the bare title when unnumbered. */
export function sectionHeading(section: Pick<DocumentSection<unknown>, "number" | "title">): string {
  if (section.number === null || section.number.trim() === "") return section.title;
  return `${section.number.trim().replace(/\.$/, "")}. ${section.title}`;
}

const ROMAN: readonly [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** A section number in Roman numerals, as road maps number them: 1 → «I», 4 → «IV», 14 → «XIV». */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  let rest = n;
  let out = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
