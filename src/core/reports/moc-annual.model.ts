import type { EventKind, EventLevel, EventNumbers } from "../events";
import type { PartnerKind } from "../partners/partner-kinds";

/** An entry of the МОЦ log (consultation, interview with a director, visit) at one school. */
export type MocLogItem = {
  kind: "consultation" | "interview" | "visit";
  audience: "heads" | "teachers" | "parents" | "students" | null;
  heldOn: string;
  schoolName: string;
  peopleCount: number;
  topic: string;
};

/** An event the municipality held or its schools took part in. */
export type MocEventItem = {
  kind: EventKind;
  level: EventLevel;
  heldOn: string;
  topic: string;
  numbers: EventNumbers;
  schoolNames: string[];
};

/** A course taken by the municipality's teachers, dated by its start (or the first enrolment). */
export type MocCourseItem = {
  title: string;
  hours: number;
  startsOn: string;
  /** The municipality's teachers and heads enrolled (dropped ones left out). */
  people: number;
  completed: number;
};

/** A signed partnership agreement of one of the municipality's schools. */
export type MocPartnershipItem = {
  startsOn: string;
  schoolName: string;
  partnerKind: PartnerKind;
  partnerName: string;
  subject: string;
};

/** Everything a МОЦ annual report is written from: one municipality, one school year. */
export type MocAnnualInput = {
  /** The year the school year starts: 2019 for 2019-2020. */
  year: number;
  log: MocLogItem[];
  events: MocEventItem[];
  courses: MocCourseItem[];
  partnerships: MocPartnershipItem[];
};

/** A row of the table: an activity of the seed's list and what was done, line by line. */
export type MocAnnualRow = { activity: string; content: string[] };

/** A month of the table with its rows, in the seed's order of activities. */
export type MocAnnualMonth = { key: string; label: string; rows: MocAnnualRow[] };

/** The year's totals, for the closing line and the reports page's preview. */
export type MocAnnualTotals = {
  consultations: number;
  parentConsultations: number;
  interviews: number;
  visits: number;
  events: number;
  courses: number;
  coursePeople: number;
  partnerships: number;
};

/** The table of the report, month by month, and the year's totals. */
export type MocAnnualTable = {
  period: { from: string; to: string; label: string };
  months: MocAnnualMonth[];
  totals: MocAnnualTotals;
};
