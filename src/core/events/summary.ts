import type { EnrolmentStatus, EventLevel } from "./kinds";

/**
 * The school year a date belongs to, named by the year it ends (as deficit diagnoses and the
 * identification runs name it): 1 September 2024 – 31 August 2025 is 2025. Takes an ISO date.
 */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year + 1 : year;
}

/** The first and last day of a school year (ISO dates): 2025 → 2024-09-01 … 2025-08-31. */
export function schoolYearRange(year: number): { from: string; to: string } {
  return { from: `${year - 1}-09-01`, to: `${year}-08-31` };
}

/** One school's part in one event, as the summary reads it. */
export type EventParticipation = { schoolId: number; eventId: number; level: EventLevel; heldOn: string };

/** A school's participation in events of one school year, by level. */
export type SchoolEventsSummary = {
  schoolId: number;
  /** Events the school took part in, by level. */
  byLevel: Record<EventLevel, number>;
  total: number;
};

/**
 * Participation in events by level per school in a school year (schoolYearOf): each event a school
 * took part in counts once for that school at the event's level; events of other years are left
 * out. Schools with no event are absent. Sorted by school id. The monitoring of issue 13 reads it.
 */
export function summarizeEvents(rows: readonly EventParticipation[], year: number): SchoolEventsSummary[] {
  const bySchool = new Map<number, { seen: Set<number>; summary: SchoolEventsSummary }>();
  for (const row of rows) {
    if (schoolYearOf(row.heldOn) !== year) continue;
    let entry = bySchool.get(row.schoolId);
    if (!entry) {
      entry = {
        seen: new Set(),
        summary: {
          schoolId: row.schoolId,
          byLevel: { federal: 0, regional: 0, municipal: 0, school: 0 },
          total: 0,
        },
      };
      bySchool.set(row.schoolId, entry);
    }
    if (entry.seen.has(row.eventId)) continue;
    entry.seen.add(row.eventId);
    entry.summary.byLevel[row.level]++;
    entry.summary.total++;
  }
  return [...bySchool.values()].map((e) => e.summary).sort((a, b) => a.schoolId - b.schoolId);
}

/** One enrolment of a school's teacher, as the summary reads it. */
export type EnrolmentFact = {
  schoolId: number;
  teacherId: number;
  hours: number;
  status: EnrolmentStatus;
  enrolledOn: string;
  completedOn: string | null;
};

/** The courses a school's teachers took in one school year. */
export type SchoolCoursesSummary = {
  schoolId: number;
  /** Enrolments made in the year (whatever came of them). */
  enrolled: number;
  /** Courses completed in the year. */
  completed: number;
  /** Enrolments of the year that were dropped. */
  dropped: number;
  /** Hours of the courses completed in the year. */
  hoursCompleted: number;
  /** Distinct teachers (and heads) who completed at least one course in the year. */
  teachersCompleted: number;
};

/**
 * Courses taken per school in a school year: an enrolment counts as enrolled (and, if so, dropped)
 * in the year of its enrolment date, and as completed — with the course's hours — in the year of
 * its completion date (a completion without a date falls in the enrolment's year). Schools with
 * nothing in the year are absent. Sorted by school id.
 */
export function summarizeCourses(rows: readonly EnrolmentFact[], year: number): SchoolCoursesSummary[] {
  const bySchool = new Map<number, SchoolCoursesSummary & { teachers: Set<number> }>();
  const of = (schoolId: number) => {
    let s = bySchool.get(schoolId);
    if (!s) {
      s = {
        schoolId,
        enrolled: 0,
        completed: 0,
        dropped: 0,
        hoursCompleted: 0,
        teachersCompleted: 0,
        teachers: new Set(),
      };
      bySchool.set(schoolId, s);
    }
    return s;
  };
  for (const row of rows) {
    if (schoolYearOf(row.enrolledOn) === year) {
      const s = of(row.schoolId);
      s.enrolled++;
      if (row.status === "dropped") s.dropped++;
    }
    if (row.status === "completed" && schoolYearOf(row.completedOn ?? row.enrolledOn) === year) {
      const s = of(row.schoolId);
      s.completed++;
      s.hoursCompleted += row.hours;
      s.teachers.add(row.teacherId);
    }
  }
  return [...bySchool.values()]
    .map(({ teachers, ...s }) => ({ ...s, teachersCompleted: teachers.size }))
    .sort((a, b) => a.schoolId - b.schoolId);
}

/** Events by level and month (1–12) of a list: the chart of the events page. */
export function eventsByLevelAndMonth(
  rows: readonly { level: EventLevel; heldOn: string }[],
): Record<EventLevel, number[]> {
  const out: Record<EventLevel, number[]> = {
    federal: Array(12).fill(0),
    regional: Array(12).fill(0),
    municipal: Array(12).fill(0),
    school: Array(12).fill(0),
  };
  for (const row of rows) {
    const month = Number(row.heldOn.slice(5, 7));
    const series = out[row.level];
    if (month >= 1 && month <= 12 && series) series[month - 1] = (series[month - 1] ?? 0) + 1;
  }
  return out;
}
