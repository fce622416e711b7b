/**
 * Addressed support made visible (issue 12, point 9): what each programme school of a МОЦ received in
 * a school year — consultations, specialist requests, courses, mentoring, events, partners — and the
 * flags the seeds ask to catch, each a Russian sentence: a programme school with no addressed support
 * for N months («работа с этими школами включена в общую методическую работу»), a teacher with a
 * deficit and neither a mentor nor a course, a course taken that matches none of the teacher's
 * deficits («без учёта выявленных профессиональных дефицитов»), a specialist request overdue.
 * Pure: the server gathers the rows, this turns them into totals and sentences.
 */
import { PROFESSIONAL_BLOCK_LABELS, type ProfessionalBlock } from "../teachers/blocks";

/** How many months without addressed support make a flag. */
export const NO_SUPPORT_MONTHS = 3;

/** The kinds of addressed support a school can receive, in the order the table and chart show them. */
export const SUPPORT_KINDS = [
  "consultations",
  "requests",
  "courses",
  "mentoring",
  "events",
  "partners",
] as const;
/** A kind of addressed support. */
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Russian names of the kinds, for the chart legend and sentences. */
export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  consultations: "Консультации и визиты МОЦ",
  requests: "Запросы к специалистам",
  courses: "Курсы педагогов",
  mentoring: "Наставничество",
  events: "Мероприятия",
  partners: "Партнёрства",
};

/** What one programme school received in the period. */
export type SchoolSupport = {
  schoolId: number;
  code: string;
  name: string;
  municipalityName: string;
  /** Counts per kind: consultations, interviews and visits of the МОЦ log; requests filed; course enrolments of its teachers; its teachers in a confirmed mentoring pair; events it took part in; partner agreements in force. */
  counts: Record<SupportKind, number>;
  /** People reached by the МОЦ's consultations. */
  peopleReached: number;
  /** Course hours its teachers completed. */
  courseHoursCompleted: number;
  /** The date (ISO) of the latest addressed support of any kind, null if none in the period. */
  lastSupportOn: string | null;
};

/** A teacher of a programme school with at least one block at the deficit level. */
export type TeacherGap = {
  teacherId: number;
  fullName: string;
  schoolId: number;
  deficitBlocks: readonly ProfessionalBlock[];
  hasMentor: boolean;
  hasCourse: boolean;
};

/**
 * A course a teacher was sent to that matches none of the teacher's deficits, with the sentence the
 * teachers core words it in (mismatchedEnrolments: «Направлен на курс «…» (72 ч) без учёта
 * выявленных дефицитов: …»).
 */
export type CourseMismatch = {
  teacherId: number;
  fullName: string;
  schoolId: number;
  reason: string;
};

/** A specialist request overdue by the support module's rule (core/support overdueReason). */
export type OverdueRequest = {
  requestId: number;
  schoolId: number;
  /** What was asked, in Russian («педагог-психолог для обучающихся»). */
  subject: string;
  /** Why it is overdue, as the support module words it («Назначенная дата 12.03.2026 прошла, заявка не выполнена»). */
  reason: string;
};

/** The kinds of flags. */
export const FLAG_KINDS = [
  "no_support",
  "teacher_unsupported",
  "course_mismatch",
  "request_overdue",
] as const;
/** A kind of flag. */
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A flag: one thing to act on, as a sentence. */
export type SupportFlag = {
  kind: FlagKind;
  schoolId: number;
  schoolName: string;
  sentence: string;
  /** Teacher or request the flag is about, when it is about one. */
  teacherId?: number;
  requestId?: number;
};

/** A date as Russians write it: 2026-01-12 → 12.01.2026. */
export function formatRuDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

/**
 * Whole months from `from` to `to` (ISO dates), counting a month only when its day is reached:
 * 2026-01-15 → 2026-04-14 is 2, → 2026-04-15 is 3.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.slice(0, 10).split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.slice(0, 10).split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** «1 месяц», «2 месяца», «5 месяцев». */
export function monthsWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} месяц`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} месяца`;
  return `${n} месяцев`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function blockList(blocks: readonly ProfessionalBlock[]): string {
  return blocks.map((block) => `«${PROFESSIONAL_BLOCK_LABELS[block]}»`).join(", ");
}

/** The total of a school's addressed support of every kind. */
export function totalSupport(school: SchoolSupport): number {
  return SUPPORT_KINDS.reduce((sum, kind) => sum + school.counts[kind], 0);
}

/**
 * The flags of a МОЦ's programme schools as of a date (ISO, within or at the end of the period):
 * a school whose latest addressed support is `months` or more months old — or which had none since
 * the period began `months` or more months ago; every teacher with a deficit and neither a mentor nor
 * a course; every course taken that matches no deficit; every overdue request. Ordered by school
 * name, then by kind in FLAG_KINDS order.
 */
export function supportFlags(input: {
  schools: readonly SchoolSupport[];
  teacherGaps: readonly TeacherGap[];
  mismatches: readonly CourseMismatch[];
  overdueRequests: readonly OverdueRequest[];
  periodFrom: string;
  asOf: string;
  months?: number;
}): SupportFlag[] {
  const months = input.months ?? NO_SUPPORT_MONTHS;
  const names = new Map(input.schools.map((school) => [school.schoolId, school.name]));
  const flags: SupportFlag[] = [];
  for (const school of input.schools) {
    if (school.lastSupportOn === null) {
      const since = wholeMonthsBetween(input.periodFrom, input.asOf);
      if (since >= months) {
        flags.push({
          kind: "no_support",
          schoolId: school.schoolId,
          schoolName: school.name,
          sentence: `${school.name}: с ${formatRuDate(input.periodFrom)} адресной поддержки не было (${monthsWord(since)}).`,
        });
      }
      continue;
    }
    const since = wholeMonthsBetween(school.lastSupportOn, input.asOf);
    if (since >= months) {
      flags.push({
        kind: "no_support",
        schoolId: school.schoolId,
        schoolName: school.name,
        sentence: `${school.name}: адресной поддержки нет ${monthsWord(since)}, последняя — ${formatRuDate(school.lastSupportOn)}.`,
      });
    }
  }
  for (const gap of input.teacherGaps) {
    if (gap.hasMentor || gap.hasCourse || gap.deficitBlocks.length === 0) continue;
    const schoolName = names.get(gap.schoolId) ?? "";
    flags.push({
      kind: "teacher_unsupported",
      schoolId: gap.schoolId,
      schoolName,
      teacherId: gap.teacherId,
      sentence: `${gap.fullName} (${schoolName}): ${gap.deficitBlocks.length === 1 ? "дефицит" : "дефициты"} ${blockList(gap.deficitBlocks)}, но нет ни наставника, ни курса.`,
    });
  }
  for (const mismatch of input.mismatches) {
    const schoolName = names.get(mismatch.schoolId) ?? "";
    flags.push({
      kind: "course_mismatch",
      schoolId: mismatch.schoolId,
      schoolName,
      teacherId: mismatch.teacherId,
      sentence: `${mismatch.fullName} (${schoolName}). ${mismatch.reason}`,
    });
  }
  for (const request of input.overdueRequests) {
    const schoolName = names.get(request.schoolId) ?? "";
    flags.push({
      kind: "request_overdue",
      schoolId: request.schoolId,
      schoolName,
      requestId: request.requestId,
      sentence: `${schoolName}: запрос «${request.subject}» просрочен — ${lowerFirst(request.reason.replace(/\.$/u, ""))}.`,
    });
  }
  const order = new Map(FLAG_KINDS.map((kind, index) => [kind, index]));
  return flags.sort(
    (a, b) =>
      a.schoolName.localeCompare(b.schoolName, "ru") || (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0),
  );
}

/** Totals over the schools: per kind, schools reached by each kind, schools with none at all. */
export function supportTotals(schools: readonly SchoolSupport[]) {
  const counts = Object.fromEntries(SUPPORT_KINDS.map((kind) => [kind, 0])) as Record<SupportKind, number>;
  const schoolsReached = Object.fromEntries(SUPPORT_KINDS.map((kind) => [kind, 0])) as Record<
    SupportKind,
    number
  >;
  let withNone = 0;
  for (const school of schools) {
    for (const kind of SUPPORT_KINDS) {
      counts[kind] += school.counts[kind];
      if (school.counts[kind] > 0) schoolsReached[kind] += 1;
    }
    if (totalSupport(school) === 0) withNone += 1;
  }
  return { schools: schools.length, counts, schoolsReached, withNone };
}
