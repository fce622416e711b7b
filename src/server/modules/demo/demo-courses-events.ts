import { createRng } from "../../../core/demo";
import { demoCourses, demoEnrolments, demoEvents } from "../../../core/demo/events/courses-events";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findTeachersOfSchools, insertCourses, insertEnrolmentRows } from "../courses/courses.repo";
import { findRegionPlaces, insertEvents } from "../events/events.repo";

/** What the demo's year of courses and events added. */
export type DemoCoursesEventsSummary = { courses: number; enrolments: number; events: number };

/**
 * The demo region's year of courses and events (issue 12, point 3), after the teachers step: the
 * catalogue of about 30 courses, enrolments of the teachers of programme schools that exist by now
 * (none when the teacher registry is empty), and about 150 events of every level with their schools.
 * Deterministic from the seed; bulk inserts.
 */
export async function loadDemoCoursesEvents(input: {
  db: Db;
  seed: number;
  regionId: number;
  /** The school year (named by the year it ends) of the work: the one after the latest approved run's. */
  year: number;
  programmeSchoolIds: readonly number[];
  analyst: Actor;
}): Promise<DemoCoursesEventsSummary> {
  const { db, regionId, year } = input;
  const createdBy = input.analyst.userId || null;
  const courses = demoCourses(createRng(input.seed, "demo-courses"), year);
  const courseIds = await insertCourses(db, regionId, courses, createdBy);
  const teachers = await findTeachersOfSchools(db, [...input.programmeSchoolIds]);
  const enrolments = demoEnrolments(
    createRng(input.seed, "demo-enrolments"),
    courses,
    teachers,
    `${year}-06-30`,
  );
  await insertEnrolmentRows(
    db,
    enrolments.map(({ course, ...e }) => ({ ...e, courseId: courseIds[course] ?? 0 })),
    createdBy,
  );
  const places = await findRegionPlaces(db, regionId);
  const programme = new Set(input.programmeSchoolIds);
  const events = demoEvents(
    createRng(input.seed, "demo-events"),
    year,
    places.schools.map((s) => ({ ...s, isProgramme: programme.has(s.id) })),
    places.municipalityNames,
  );
  await insertEvents(
    db,
    regionId,
    events.map((e) => ({ ...e, description: "" })),
    createdBy,
  );
  return { courses: courseIds.length, enrolments: enrolments.length, events: events.length };
}
