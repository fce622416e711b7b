import { EVENT_KIND_LABELS, type EventKind, type EventLevel, participantsText } from "../events";
import type {
  MocAnnualInput,
  MocAnnualMonth,
  MocAnnualRow,
  MocAnnualTable,
  MocAnnualTotals,
  MocCourseItem,
  MocEventItem,
  MocLogItem,
  MocPartnershipItem,
} from "./moc-annual.model";
import { counted, MONTHS_NOMINATIVE, quoted } from "./ru-text";

/** The activities of seed 000's table that Opora's records fill, in the seed's order. */
export const MOC_ACTIVITIES = {
  visits:
    "Осуществление сопровождения и адресной поддержки реализации программ перехода в эффективный режим функционирования",
  courses: "Организация повышения квалификации учителей и администрации ШНРО",
  subjectWeeks:
    "Организация в образовательных организациях предметных недель (проведение мастер-классов, конкурсов, открытых уроков, диагностических срезов и др.)",
  diagnostics: "Организация диагностических работ по предметам",
  consulting:
    "Оказание консультационных и экспертных услуг образовательным организациям по вопросам повышения качества образования",
  conferences:
    "Организация участия школ с низкими результатами в научно-практических конференциях, семинарах, круглых столах",
  network: "Организация сетевого взаимодействия",
  parents:
    "Организация индивидуального консультирования родителей по проблемам личностного развития обучающихся",
  competitions:
    "Проведение конкурсов профессионального мастерства среди руководителей и педагогических работников",
  seminars:
    "Проведение панорам педагогического опыта, семинаров, мастер-классов для учителей школ с низкими результатами",
} as const;

type ActivityKey = keyof typeof MOC_ACTIVITIES;
const ORDER = Object.keys(MOC_ACTIVITIES) as ActivityKey[];

/** Which activity of the seed an event of each kind is reported under. */
const EVENT_ACTIVITY: Record<EventKind, ActivityKey> = {
  subject_week: "subjectWeeks",
  open_lesson: "subjectWeeks",
  diagnostic_test: "diagnostics",
  conference: "conferences",
  round_table: "conferences",
  competition: "competitions",
  seminar: "seminars",
  webinar: "seminars",
  master_class: "seminars",
};

const LEVEL_ADJECTIVE: Record<EventLevel, string> = {
  federal: "федеральный",
  regional: "региональный",
  municipal: "муниципальный",
  school: "школьный",
};

/** The school year starting in `year`: 1 September – 31 August, as seed 000 reports it. */
export function schoolYearPeriod(year: number): MocAnnualTable["period"] {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31`, label: `${year}-${year + 1}` };
}

/** «2019-09» keys of the school year's months, September first. */
function monthKeys(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((8 + i) % 12) + 1;
    return `${month >= 9 ? year : year + 1}-${String(month).padStart(2, "0")}`;
  });
}

/** «Сентябрь 2019». */
export function monthLabel(key: string): string {
  const [year, month] = key.split("-");
  return `${MONTHS_NOMINATIVE[Number(month) - 1]} ${year}`;
}

/** «МБОУ А (7), МБОУ Б (5)»: the schools of some entries with how many each, most first. */
function bySchool<T extends { schoolName: string }>(
  items: T[],
  weight: (item: T) => number = () => 1,
): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.schoolName, (counts.get(item.schoolName) ?? 0) + weight(item));
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "ru"))
    .map(([name, n]) => (items.length > 1 ? `${name} (${n})` : name))
    .join(", ");
}

function topics(items: { topic: string }[]): string | null {
  const distinct = [...new Set(items.map((item) => item.topic.trim()).filter((t) => t !== ""))];
  return distinct.length === 0 ? null : `темы: ${distinct.map(quoted).join("; ")}`;
}

const AUDIENCE_WORDS = {
  teachers: "для учителей",
  heads: "для руководителей ОО",
  students: "для обучающихся",
} as const;

function consultingLines(log: MocLogItem[]): string[] {
  const out: string[] = [];
  for (const audience of ["teachers", "heads", "students"] as const) {
    const items = log.filter((e) => e.kind === "consultation" && e.audience === audience);
    if (items.length === 0) continue;
    const n = counted(items.length, "консультация", "консультации", "консультаций");
    out.push(`– проведено ${n} ${AUDIENCE_WORDS[audience]}: ${bySchool(items)}`);
    const about = topics(items);
    if (about) out.push(`  ${about}`);
  }
  const unnamed = log.filter((e) => e.kind === "consultation" && e.audience === null);
  if (unnamed.length > 0)
    out.push(
      `– проведено ${counted(unnamed.length, "консультация", "консультации", "консультаций")}: ${bySchool(unnamed)}`,
    );
  const interviews = log.filter((e) => e.kind === "interview");
  if (interviews.length > 0) {
    const n = counted(
      interviews.length,
      "индивидуальное собеседование",
      "индивидуальных собеседования",
      "индивидуальных собеседований",
    );
    out.push(`– проведено ${n} с директорами ОО: ${bySchool(interviews)}`);
    const about = topics(interviews);
    if (about) out.push(`  ${about}`);
  }
  return out;
}

function visitLines(log: MocLogItem[]): string[] {
  const visits = log.filter((e) => e.kind === "visit");
  if (visits.length === 0) return [];
  const lines = [
    `– осуществлено ${counted(visits.length, "выезд", "выезда", "выездов")} в ОО: ${bySchool(visits)}`,
  ];
  const about = topics(visits);
  if (about) lines.push(`  ${about}`);
  return lines;
}

function parentLines(log: MocLogItem[]): string[] {
  const items = log.filter((e) => e.kind === "consultation" && e.audience === "parents");
  if (items.length === 0) return [];
  const people = items.reduce((sum, e) => sum + e.peopleCount, 0);
  return [
    `– ${counted(items.length, "консультация", "консультации", "консультаций")} для родителей (${counted(people, "человек", "человека", "человек")}): ${bySchool(items)}`,
  ];
}

function eventLine(event: MocEventItem): string {
  const who = participantsText(event.numbers);
  const schools = event.schoolNames.length > 0 ? `; школы: ${event.schoolNames.join(", ")}` : "";
  const level = LEVEL_ADJECTIVE[event.level];
  const kind = EVENT_KIND_LABELS[event.kind].toLowerCase();
  return `– ${level} ${kind} ${quoted(event.topic)}${who ? ` (${who})` : ""}${schools}`;
}

function courseLine(course: MocCourseItem): string {
  const done =
    course.completed > 0 && course.completed !== course.people ? `, завершили ${course.completed}` : "";
  return `– курсовая подготовка по теме ${quoted(course.title)} (${course.hours} ч.) – ${counted(course.people, "человек", "человека", "человек")}${done}`;
}

function partnershipLine(p: MocPartnershipItem): string {
  const what = p.subject.trim() ? ` (${p.subject.trim()})` : "";
  return p.partnerKind === "school"
    ? `– партнерство ${p.schoolName} и ${p.partnerName}${what}: заключено соглашение о сетевом взаимодействии`
    : `– договор о социальном партнерстве ${p.schoolName} и ${p.partnerName}${what}`;
}

function monthRows(input: Omit<MocAnnualInput, "year">): MocAnnualRow[] {
  const content: Record<ActivityKey, string[]> = {
    visits: visitLines(input.log),
    courses: input.courses.map(courseLine),
    subjectWeeks: [],
    diagnostics: [],
    consulting: consultingLines(input.log),
    conferences: [],
    network: input.partnerships.map(partnershipLine),
    parents: parentLines(input.log),
    competitions: [],
    seminars: [],
  };
  for (const event of input.events) content[EVENT_ACTIVITY[event.kind]].push(eventLine(event));
  return ORDER.filter((key) => content[key].length > 0).map((key) => ({
    activity: MOC_ACTIVITIES[key],
    content: content[key],
  }));
}

const byDate =
  <T>(date: (item: T) => string) =>
  (a: T, b: T) =>
    date(a).localeCompare(date(b));

/** The year's totals of the records that fall into the period. */
function totalsOf(input: Omit<MocAnnualInput, "year">): MocAnnualTotals {
  const consultations = input.log.filter((e) => e.kind === "consultation");
  return {
    consultations: consultations.filter((e) => e.audience !== "parents").length,
    parentConsultations: consultations.filter((e) => e.audience === "parents").length,
    interviews: input.log.filter((e) => e.kind === "interview").length,
    visits: input.log.filter((e) => e.kind === "visit").length,
    events: input.events.length,
    courses: input.courses.length,
    coursePeople: input.courses.reduce((sum, c) => sum + c.people, 0),
    partnerships: input.partnerships.length,
  };
}

/**
 * The table of seed 000 (Месяц | Мероприятие | Содержание) from the records of one municipality:
 * the school year's months from September, each with the seed's activities that have something in
 * that month, worded as the seed words them with the counts in the text. Records outside the
 * school year are left out; months with nothing are left out.
 */
export function buildMocAnnualTable(input: MocAnnualInput): MocAnnualTable {
  const period = schoolYearPeriod(input.year);
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const month = (date: string) => date.slice(0, 7);
  const kept = {
    log: input.log.filter((e) => inPeriod(e.heldOn)).sort(byDate((e) => e.heldOn)),
    events: input.events.filter((e) => inPeriod(e.heldOn)).sort(byDate((e) => e.heldOn)),
    courses: input.courses.filter((c) => inPeriod(c.startsOn)).sort(byDate((c) => c.startsOn)),
    partnerships: input.partnerships.filter((p) => inPeriod(p.startsOn)).sort(byDate((p) => p.startsOn)),
  };
  const months: MocAnnualMonth[] = [];
  for (const key of monthKeys(input.year)) {
    const rows = monthRows({
      log: kept.log.filter((e) => month(e.heldOn) === key),
      events: kept.events.filter((e) => month(e.heldOn) === key),
      courses: kept.courses.filter((c) => month(c.startsOn) === key),
      partnerships: kept.partnerships.filter((p) => month(p.startsOn) === key),
    });
    if (rows.length > 0) months.push({ key, label: monthLabel(key), rows });
  }
  return { period, months, totals: totalsOf(kept) };
}

/** The closing sentence of the year's totals: «За 2019-2020 учебный год проведено …». */
export function totalsSentence(table: MocAnnualTable): string {
  const t = table.totals;
  const parts = [
    counted(t.consultations, "консультация", "консультации", "консультаций"),
    `${counted(t.parentConsultations, "консультация", "консультации", "консультаций")} для родителей`,
    counted(t.interviews, "собеседование", "собеседования", "собеседований"),
    counted(t.visits, "выезд", "выезда", "выездов"),
    counted(t.events, "мероприятие", "мероприятия", "мероприятий"),
    `${counted(t.courses, "курс", "курса", "курсов")} повышения квалификации (${counted(t.coursePeople, "человек", "человека", "человек")})`,
    counted(
      t.partnerships,
      "соглашение о партнерстве",
      "соглашения о партнерстве",
      "соглашений о партнерстве",
    ),
  ];
  return `Итого за ${table.period.label} учебный год: ${parts.join(", ")}.`;
}
