import { and, count, eq, gte, lt, type SQL, sum } from "drizzle-orm";
import { overdueReason, type RequestStatus } from "../../../core/support";
import { schools, specialistRequests, supportLogEntries } from "../../db/schema";
import type { Db } from "../../platform/db";
import { todayIso } from "../plans/plan-view";

/** What one school received of the support of a year (the «addressed support» dashboard reads it). */
export type SchoolSupportSummary = {
  schoolId: number;
  /** Consultations of the МОЦ log held in the year (every audience) */
  consultations: number;
  /** Interviews with the director and visits, held in the year */
  interviews: number;
  visits: number;
  /** People reached by the log's entries of the year (the sum of their «how many people») */
  peopleReached: number;
  /** The school's specialist requests filed in the year, by their state now */
  requests: Record<RequestStatus, number>;
  /** Of them, overdue on `today` (the overdue rule of core/support) */
  overdue: number;
};

/**
 * Per school, for a calendar year (1 January – 31 December: the programme's support runs March to
 * November), what it received: consultations, interviews, visits and people reached by the МОЦ log,
 * its specialist requests filed that year by status, and how many of them are overdue on `today`.
 * `scope` is a condition over `schools` — pass schoolScope(actor) so that an actor sees only its
 * schools. Schools with nothing that year are left out.
 */
export async function supportSummaryBySchool(
  db: Db,
  scope: SQL | undefined,
  year: number,
  today: string = todayIso(),
): Promise<SchoolSupportSummary[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const log = await db
    .select({
      schoolId: supportLogEntries.schoolId,
      kind: supportLogEntries.kind,
      entries: count(),
      people: sum(supportLogEntries.peopleCount).mapWith(Number),
    })
    .from(supportLogEntries)
    .innerJoin(schools, eq(schools.id, supportLogEntries.schoolId))
    .where(and(scope, gte(supportLogEntries.heldOn, from), lt(supportLogEntries.heldOn, to)))
    .groupBy(supportLogEntries.schoolId, supportLogEntries.kind);
  const requests = await db
    .select({
      schoolId: specialistRequests.schoolId,
      status: specialistRequests.status,
      filedOn: specialistRequests.filedOn,
      scheduledOn: specialistRequests.scheduledOn,
    })
    .from(specialistRequests)
    .innerJoin(schools, eq(schools.id, specialistRequests.schoolId))
    .where(and(scope, gte(specialistRequests.filedOn, from), lt(specialistRequests.filedOn, to)));
  const out = new Map<number, SchoolSupportSummary>();
  const of = (schoolId: number) => {
    let row = out.get(schoolId);
    if (!row) {
      row = {
        schoolId,
        consultations: 0,
        interviews: 0,
        visits: 0,
        peopleReached: 0,
        requests: { new: 0, assigned: 0, in_work: 0, done: 0 },
        overdue: 0,
      };
      out.set(schoolId, row);
    }
    return row;
  };
  for (const row of log) {
    const school = of(row.schoolId);
    if (row.kind === "consultation") school.consultations += row.entries;
    if (row.kind === "interview") school.interviews += row.entries;
    if (row.kind === "visit") school.visits += row.entries;
    school.peopleReached += row.people ?? 0;
  }
  for (const row of requests) {
    const school = of(row.schoolId);
    school.requests[row.status] += 1;
    if (overdueReason(row, today) !== null) school.overdue += 1;
  }
  return [...out.values()].sort((a, b) => a.schoolId - b.schoolId);
}
