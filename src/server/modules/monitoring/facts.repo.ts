/**
 * What Opora holds about programme schools for a programme year, as the computed indicators read it
 * (src/core/monitoring/rules.ts): events by level, partnerships by kind, completed courses this and
 * the previous year, teachers' individual routes, the school's programme and its municipality's road
 * map. One grouped query per source.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { EMPTY_FACTS, type SchoolFacts } from "../../../core/monitoring";
import {
  courseEnrolments,
  eventSchools,
  events,
  individualPlans,
  partnerAgreements,
  plans,
  planVersions,
  schools,
  teachers,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import { supportPeriod } from "../addressed/addressed.service";

type Period = { from: string; to: string };

const shift = (p: Period): Period => ({
  from: `${Number(p.from.slice(0, 4)) - 1}${p.from.slice(4)}`,
  to: `${Number(p.to.slice(0, 4)) - 1}${p.to.slice(4)}`,
});

async function eventCounts(db: Db, ids: number[], period: Period) {
  return db
    .select({
      schoolId: eventSchools.schoolId,
      federal: sql<number>`count(*) filter (where ${events.level} = 'federal')::int`,
      regional: sql<number>`count(*) filter (where ${events.level} = 'regional')::int`,
      municipal: sql<number>`count(*) filter (where ${events.level} = 'municipal')::int`,
      school: sql<number>`count(*) filter (where ${events.level} = 'school')::int`,
    })
    .from(eventSchools)
    .innerJoin(events, eq(events.id, eventSchools.eventId))
    .where(
      and(
        inArray(eventSchools.schoolId, ids),
        gte(events.heldOn, period.from),
        lte(events.heldOn, period.to),
      ),
    )
    .groupBy(eventSchools.schoolId);
}

async function partnerCounts(db: Db, ids: number[], period: Period) {
  return db
    .select({
      schoolId: partnerAgreements.schoolId,
      schools: sql<number>`count(*) filter (where ${partnerAgreements.partnerKind} = 'school')::int`,
      parents: sql<number>`count(*) filter (where ${partnerAgreements.partnerKind} = 'parents')::int`,
      social: sql<number>`count(*) filter (where ${partnerAgreements.partnerKind} not in ('school', 'parents'))::int`,
    })
    .from(partnerAgreements)
    .where(
      and(
        inArray(partnerAgreements.schoolId, ids),
        eq(partnerAgreements.status, "signed"),
        lte(partnerAgreements.startsOn, period.to),
        or(isNull(partnerAgreements.endsOn), gte(partnerAgreements.endsOn, period.from)),
      ),
    )
    .groupBy(partnerAgreements.schoolId);
}

async function completedCourses(db: Db, ids: number[], period: Period) {
  return db
    .select({ schoolId: teachers.schoolId, n: sql<number>`count(*)::int` })
    .from(courseEnrolments)
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .where(
      and(
        inArray(teachers.schoolId, ids),
        eq(courseEnrolments.status, "completed"),
        gte(courseEnrolments.completedOn, period.from),
        lte(courseEnrolments.completedOn, period.to),
      ),
    )
    .groupBy(teachers.schoolId);
}

/** ИОМ and plans use the school year's end as their year; the programme year spans Y−1 and Y. */
async function individualRouteCounts(db: Db, ids: number[], year: number) {
  return db
    .select({
      schoolId: teachers.schoolId,
      n: sql<number>`count(distinct ${individualPlans.teacherId})::int`,
    })
    .from(individualPlans)
    .innerJoin(teachers, eq(teachers.id, individualPlans.teacherId))
    .where(and(inArray(teachers.schoolId, ids), inArray(individualPlans.year, [year - 1, year])))
    .groupBy(teachers.schoolId);
}

async function approvedProgrammes(db: Db, ids: number[], year: number) {
  return db
    .selectDistinct({ schoolId: plans.schoolId })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .where(
      and(
        inArray(plans.schoolId, ids),
        eq(plans.level, "school"),
        inArray(plans.year, [year - 1, year]),
        inArray(planVersions.status, ["approved", "locked"]),
      ),
    );
}

async function roadMapSchools(db: Db, ids: number[], year: number) {
  return db
    .selectDistinct({ schoolId: schools.id })
    .from(schools)
    .innerJoin(plans, and(eq(plans.municipalityId, schools.municipalityId), eq(plans.level, "municipal")))
    .where(and(inArray(schools.id, ids), inArray(plans.year, [year - 1, year])));
}

/** The facts of each given school for the programme year (schools with nothing recorded get EMPTY_FACTS). */
export async function findSchoolFacts(
  db: Db,
  schoolIds: readonly number[],
  year: number,
): Promise<Map<number, SchoolFacts>> {
  const ids = [...new Set(schoolIds)];
  const out = new Map<number, SchoolFacts>(ids.map((id) => [id, { ...EMPTY_FACTS }]));
  if (ids.length === 0) return out;
  const period = supportPeriod(year);
  const [ev, pa, co, coBefore, routes, programmes, roadMaps] = await Promise.all([
    eventCounts(db, ids, period),
    partnerCounts(db, ids, period),
    completedCourses(db, ids, period),
    completedCourses(db, ids, shift(period)),
    individualRouteCounts(db, ids, year),
    approvedProgrammes(db, ids, year),
    roadMapSchools(db, ids, year),
  ]);
  const at = (id: number | null) => (id === null ? undefined : out.get(id));
  for (const r of ev) {
    const f = at(r.schoolId);
    if (f)
      Object.assign(f, {
        eventsFederal: r.federal,
        eventsRegional: r.regional,
        eventsMunicipal: r.municipal,
        eventsSchool: r.school,
      });
  }
  for (const r of pa) {
    const f = at(r.schoolId);
    if (f)
      Object.assign(f, { partnerSchools: r.schools, socialPartners: r.social, parentPartners: r.parents });
  }
  for (const r of co) {
    const f = at(r.schoolId);
    if (f) f.coursesCompleted = r.n;
  }
  for (const r of coBefore) {
    const f = at(r.schoolId);
    if (f) f.coursesCompletedBefore = r.n;
  }
  for (const r of routes) {
    const f = at(r.schoolId);
    if (f) f.individualRoutes = r.n;
  }
  for (const r of programmes) {
    const f = at(r.schoolId);
    if (f) f.hasApprovedProgramme = true;
  }
  for (const r of roadMaps) {
    const f = at(r.schoolId);
    if (f) f.hasMunicipalRoadMap = true;
  }
  return out;
}
