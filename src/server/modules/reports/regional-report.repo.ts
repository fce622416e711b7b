import {
  and,
  count,
  countDistinct,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  sum,
} from "drizzle-orm";
import type {
  ContextFigures,
  IdentificationFigures,
  MethodFigures,
  PlanFigures,
  WorkFigures,
} from "../../../core/reports";
import {
  courseEnrolments,
  events,
  identificationResults,
  identificationRuleSetVersions,
  identificationRuns,
  mentoringMeetings,
  mentoringPairs,
  mentors,
  municipalities,
  partnerAgreements,
  plans,
  planVersions,
  regions,
  schools,
  specialistRequests,
  specialistSessions,
  supportLogEntries,
  teachers,
} from "../../db/schema";
import type { Db } from "../../platform/db";

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** The region's name; null when it does not exist. */
export async function findRegionName(db: Db, regionId: number): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row?.name ?? null;
}

/** The approved identification run of the region's year (the latest approved), or null. */
export async function findApprovedRun(db: Db, regionId: number, year: number) {
  const [run] = await db
    .select()
    .from(identificationRuns)
    .where(
      and(
        eq(identificationRuns.regionId, regionId),
        eq(identificationRuns.year, year),
        eq(identificationRuns.status, "approved"),
      ),
    )
    .orderBy(desc(identificationRuns.approvedAt), desc(identificationRuns.id))
    .limit(1);
  return run ?? null;
}

/** The context of seed 003 from the hierarchy, and the rural share of the approved run's flagged schools. */
export async function contextFigures(
  db: Db,
  regionId: number,
  runId: number | null,
): Promise<ContextFigures> {
  const [s] = await db
    .select({
      schools: count(),
      rural: sql<number>`count(*) filter (where ${schools.isRural})`.mapWith(Number),
      ruralSmall: sql<number>`count(*) filter (where ${schools.isRural} and ${schools.isSmall})`.mapWith(
        Number,
      ),
      students: sql<number>`coalesce(sum(${schools.students}), 0)`.mapWith(Number),
      ruralStudents:
        sql<number>`coalesce(sum(${schools.students}) filter (where ${schools.isRural}), 0)`.mapWith(Number),
    })
    .from(schools)
    .where(eq(schools.regionId, regionId));
  const [m] = await db
    .select({ n: count() })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  let flaggedRuralShare: number | null = null;
  if (runId !== null) {
    const [f] = await db
      .select({
        flagged: count(),
        rural: sql<number>`count(*) filter (where ${identificationResults.isRural})`.mapWith(Number),
      })
      .from(identificationResults)
      .where(
        and(
          eq(identificationResults.runId, runId),
          inArray(identificationResults.category, ["shnro", "shfnsu", "both"]),
        ),
      );
    flaggedRuralShare = share(f?.rural ?? 0, f?.flagged ?? 0);
  }
  const n = s?.schools ?? 0;
  return {
    municipalities: m?.n ?? 0,
    schools: n > 0 ? n : null,
    ruralShare: share(s?.rural ?? 0, n),
    smallShareOfRural: share(s?.ruralSmall ?? 0, s?.rural ?? 0),
    ruralStudentsShare: share(s?.ruralStudents ?? 0, s?.students ?? 0),
    flaggedRuralShare,
  };
}

/** What was done in the calendar year: the support log, requests, courses, events, mentoring and partnerships of the region. */
export async function workFigures(db: Db, regionId: number, year: number): Promise<WorkFigures> {
  const { from, to } = yearRange(year);
  const log = await db
    .select({
      kind: supportLogEntries.kind,
      isParents: sql<boolean>`${supportLogEntries.audience} = 'parents'`,
      n: count(),
      people: sum(supportLogEntries.peopleCount).mapWith(Number),
    })
    .from(supportLogEntries)
    .where(
      and(
        eq(supportLogEntries.regionId, regionId),
        gte(supportLogEntries.heldOn, from),
        lt(supportLogEntries.heldOn, to),
      ),
    )
    .groupBy(supportLogEntries.kind, sql`${supportLogEntries.audience} = 'parents'`);
  const pick = (kind: string, parents?: boolean) =>
    log
      .filter((r) => r.kind === kind && (parents === undefined || Boolean(r.isParents) === parents))
      .reduce((a, r) => a + r.n, 0);
  const [req] = await db
    .select({
      n: count(),
      done: sql<number>`count(*) filter (where ${specialistRequests.status} = 'done')`.mapWith(Number),
    })
    .from(specialistRequests)
    .where(
      and(
        eq(specialistRequests.regionId, regionId),
        gte(specialistRequests.filedOn, from),
        lt(specialistRequests.filedOn, to),
      ),
    );
  const [sessions] = await db
    .select({ people: sql<number>`coalesce(sum(${specialistSessions.total}), 0)`.mapWith(Number) })
    .from(specialistSessions)
    .innerJoin(specialistRequests, eq(specialistRequests.id, specialistSessions.requestId))
    .where(
      and(
        eq(specialistRequests.regionId, regionId),
        gte(specialistSessions.heldOn, from),
        lt(specialistSessions.heldOn, to),
      ),
    );
  const [enrol] = await db
    .select({
      n: count(),
      courses: countDistinct(courseEnrolments.courseId),
      completed: sql<number>`count(*) filter (where ${courseEnrolments.status} = 'completed')`.mapWith(
        Number,
      ),
    })
    .from(courseEnrolments)
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(
      and(
        eq(schools.regionId, regionId),
        gte(courseEnrolments.enrolledOn, from),
        lt(courseEnrolments.enrolledOn, to),
      ),
    );
  const byLevel = await db
    .select({ level: events.level, n: count(), teachers: sum(events.teachersCount).mapWith(Number) })
    .from(events)
    .where(and(eq(events.regionId, regionId), gte(events.heldOn, from), lt(events.heldOn, to)))
    .groupBy(events.level);
  const eventsByLevel = { federal: 0, regional: 0, municipal: 0, school: 0 };
  for (const row of byLevel) eventsByLevel[row.level] = row.n;
  const [pairs] = await db
    .select({ n: count() })
    .from(mentoringPairs)
    .innerJoin(mentors, eq(mentors.id, mentoringPairs.mentorId))
    .where(
      and(
        eq(mentors.regionId, regionId),
        eq(mentoringPairs.year, year),
        inArray(mentoringPairs.status, ["confirmed", "ended"]),
      ),
    );
  const [meetings] = await db
    .select({ n: count() })
    .from(mentoringMeetings)
    .innerJoin(mentoringPairs, eq(mentoringPairs.id, mentoringMeetings.pairId))
    .innerJoin(mentors, eq(mentors.id, mentoringPairs.mentorId))
    .where(
      and(
        eq(mentors.regionId, regionId),
        gte(mentoringMeetings.heldOn, from),
        lt(mentoringMeetings.heldOn, to),
      ),
    );
  const active = and(
    eq(partnerAgreements.regionId, regionId),
    eq(partnerAgreements.status, "signed"),
    lt(partnerAgreements.startsOn, to),
    or(isNull(partnerAgreements.endsOn), gte(partnerAgreements.endsOn, from)),
  );
  const [partners] = await db
    .select({
      n: count(),
      withSchool:
        sql<number>`count(distinct ${partnerAgreements.schoolId}) filter (where ${partnerAgreements.partnerKind} = 'school')`.mapWith(
          Number,
        ),
    })
    .from(partnerAgreements)
    .where(active);
  return {
    consultations: pick("consultation", false),
    parentConsultations: pick("consultation", true),
    interviews: pick("interview"),
    visits: pick("visit"),
    peopleReached: log.reduce((a, r) => a + (r.people ?? 0), 0),
    requests: req?.n ?? 0,
    requestsDone: req?.done ?? 0,
    specialistPeople: sessions?.people ?? 0,
    courses: enrol?.courses ?? 0,
    courseEnrolments: enrol?.n ?? 0,
    courseCompleted: enrol?.completed ?? 0,
    eventsByLevel,
    eventTeachers: byLevel.reduce((a, r) => a + (r.teachers ?? 0), 0),
    mentoringPairs: pairs?.n ?? 0,
    mentoringMeetings: meetings?.n ?? 0,
    partnerships: partners?.n ?? 0,
    schoolsWithPartnerSchool: partners?.withSchool ?? 0,
  };
}

/** The method of an approved run: its rule sets with the labels (or ids) of their criteria. */
export async function methodFigures(
  db: Db,
  run: NonNullable<Awaited<ReturnType<typeof findApprovedRun>>>,
): Promise<MethodFigures> {
  const versionIds = run.ruleSets.map((r) => r.versionId);
  const versions =
    versionIds.length === 0
      ? []
      : await db
          .select({
            id: identificationRuleSetVersions.id,
            definition: identificationRuleSetVersions.definition,
          })
          .from(identificationRuleSetVersions)
          .where(inArray(identificationRuleSetVersions.id, versionIds));
  const criteriaOf = (versionId: number): string[] => {
    const definition = versions.find((v) => v.id === versionId)?.definition;
    if (typeof definition !== "object" || definition === null || !("criteria" in definition)) return [];
    const list = definition.criteria;
    if (!Array.isArray(list)) return [];
    return list.flatMap((c: unknown) => {
      if (typeof c !== "object" || c === null) return [];
      const label = "label" in c && typeof c.label === "string" ? c.label : null;
      const id = "id" in c && typeof c.id === "string" ? c.id : null;
      return (label ?? id) ? [String(label ?? id)] : [];
    });
  };
  return {
    approvedAt: run.approvedAt
      ? run.approvedAt.toISOString().slice(0, 10).split("-").reverse().join(".")
      : null,
    schoolCount: run.schoolCount,
    ruleSets: run.ruleSets.map((r) => ({
      name: r.name,
      version: r.version,
      category: r.category,
      criteria: criteriaOf(r.versionId),
    })),
  };
}

/** The run's counts by category, overall and by municipality. */
export async function identificationFigures(db: Db, runId: number): Promise<IdentificationFigures> {
  const rows = await db
    .select({ municipality: municipalities.name, category: identificationResults.category, n: count() })
    .from(identificationResults)
    .innerJoin(municipalities, eq(municipalities.id, identificationResults.municipalityId))
    .where(eq(identificationResults.runId, runId))
    .groupBy(municipalities.name, identificationResults.category);
  const total = (category: string) =>
    rows.filter((r) => r.category === category).reduce((a, r) => a + r.n, 0);
  const names = [...new Set(rows.map((r) => r.municipality))].sort((a, b) => a.localeCompare(b, "ru"));
  const of = (name: string, category: string) =>
    rows.find((r) => r.municipality === name && r.category === category)?.n ?? 0;
  return {
    shnro: total("shnro"),
    shfnsu: total("shfnsu"),
    both: total("both"),
    none: total("none"),
    insufficientData: total("insufficient_data"),
    byMunicipality: names.map((name) => ({
      name,
      shnro: of(name, "shnro"),
      shfnsu: of(name, "shfnsu"),
      both: of(name, "both"),
    })),
  };
}

/** The programme schools (flagged by the run) with a school plan for the year, and those approved. */
export async function planFigures(db: Db, runId: number | null, year: number): Promise<PlanFigures> {
  if (runId === null) return { programmeSchools: 0, withPlan: 0, approved: 0 };
  const programme = await db
    .select({ schoolId: identificationResults.schoolId })
    .from(identificationResults)
    .where(
      and(
        eq(identificationResults.runId, runId),
        inArray(identificationResults.category, ["shnro", "shfnsu", "both"]),
      ),
    );
  const ids = programme.map((p) => p.schoolId);
  if (ids.length === 0) return { programmeSchools: 0, withPlan: 0, approved: 0 };
  const [row] = await db
    .select({
      withPlan: countDistinct(plans.schoolId),
      approved:
        sql<number>`count(distinct ${plans.schoolId}) filter (where ${planVersions.status} in ('approved', 'locked'))`.mapWith(
          Number,
        ),
    })
    .from(plans)
    .leftJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .where(
      and(
        eq(plans.level, "school"),
        inArray(plans.schoolId, ids),
        gte(plans.year, year),
        lte(plans.year, year + 1),
      ),
    );
  return { programmeSchools: ids.length, withPlan: row?.withPlan ?? 0, approved: row?.approved ?? 0 };
}
