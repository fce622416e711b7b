import {
  NO_SUPPORT_MONTHS,
  type SchoolSupport,
  SUPPORT_KINDS,
  type SupportKind,
  supportFlags,
  supportTotals,
} from "../../../core/addressed";
import { academicYearPeriod } from "../../../core/plans";
import { overdueReason, overdueSentence, requestSubject } from "../../../core/support";
import type { AddressedQuery, AddressedSupport } from "../../../shared/addressed-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission, resolveActorRegionId } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findProgrammeSchools, findScopedMunicipalities } from "../causes/registry.repo";
import { findRegionName } from "../hierarchy/hierarchy.repo";
import { teacherSupportBySchool } from "../teachers/teacher-support.service";
import {
  findCourseSupport,
  findEventSupport,
  findLatestApprovedRunYear,
  findLogSupport,
  findMentoringSupport,
  findOpenRequests,
  findPartnerSupport,
  findRequestSupport,
  findSchoolsByIds,
  type Period,
  type SourceRow,
} from "./addressed.repo";

/** Today as an ISO date (the server's clock; a parameter in tests). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The programme year people mean by default: the one after the region's latest approved
 * identification run (the run of 2025 starts the programmes of 2025/26, year 2026).
 */
async function defaultYear(db: Db, regionId: number): Promise<number> {
  const runYear = await findLatestApprovedRunYear(db, regionId);
  if (runYear !== null) return runYear + 1;
  const now = new Date();
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/**
 * The period of a programme year's support: the programmes of the list of year Y−1 run in the school
 * year from 1 September Y−1 (school programmes, mentoring, courses), and the support season of year Y
 * ends with the final monitoring in October–November (DOMAIN «Monitoring»): so from 1 September Y−1 to
 * 31 December Y. Two neighbouring years overlap from September to December; their programme schools
 * are different lists.
 */
export function supportPeriod(year: number): Period {
  return { from: academicYearPeriod(year - 1).from, to: `${year}-12-31` };
}

/** The sources of addressed support, each filling its kind (and extras) for the schools. */
type Source = {
  kind: SupportKind;
  rows: (db: Db, ids: readonly number[], year: number, period: Period) => Promise<SourceRow[]>;
  /** Where the extra figure goes. */
  extra?: "peopleReached" | "courseHoursCompleted";
};

const SOURCES: readonly Source[] = [
  {
    kind: "consultations",
    rows: (db, ids, _year, period) => findLogSupport(db, ids, period),
    extra: "peopleReached",
  },
  { kind: "requests", rows: (db, ids, _year, period) => findRequestSupport(db, ids, period) },
  {
    kind: "courses",
    rows: (db, ids, _year, period) => findCourseSupport(db, ids, period),
    extra: "courseHoursCompleted",
  },
  { kind: "mentoring", rows: findMentoringSupport },
  { kind: "events", rows: (db, ids, _year, period) => findEventSupport(db, ids, period) },
  { kind: "partners", rows: (db, ids, _year, period) => findPartnerSupport(db, ids, period) },
];

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * Addressed support of a school year (`year` 2026 is 2025/26, the year the programmes of the 2025
 * identification run): for the programme schools of the actor's territory — the region's (a
 * municipality's when one is chosen) for the region and a federal operator, its own for a МОЦ —
 * what each received and the flags as of today (or the year's end). A school, a mentor or a specialist
 * is refused (403): this is the МОЦ's and the region's view.
 */
export async function getAddressedSupport({
  db,
  actor,
  query,
  asOf = today(),
}: {
  db: Db;
  actor: Actor;
  query: Partial<AddressedQuery>;
  asOf?: string;
}): Promise<AddressedSupport> {
  requirePermission(actor, "municipality.read");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const options = await findScopedMunicipalities(db, regionId, municipalityScope(actor));
  const chosen =
    query.municipalityId === undefined ? undefined : options.find((m) => m.id === query.municipalityId);
  if (query.municipalityId !== undefined && !chosen) throw notFound("Муниципалитет");
  const single =
    chosen ?? (options.length === 1 && actor.role === "moc_coordinator" ? options[0] : undefined);
  const year = query.year ?? (await defaultYear(db, regionId));
  const period = supportPeriod(year);
  const programme = await findProgrammeSchools(db, {
    regionId,
    years: [year - 1],
    scope: schoolScope(actor),
    municipalityId: single?.id,
  });
  const ids = [...new Set(programme.map((row) => row.schoolId))];
  const [schoolRows, regionName, openRequests, teacherSupport, ...sourceRows] = await Promise.all([
    findSchoolsByIds(db, ids),
    findRegionName(db, regionId),
    findOpenRequests(db, ids, period),
    teacherSupportBySchool({ db, actor, schoolIds: ids, year }),
    ...SOURCES.map((source) => source.rows(db, ids, year, period)),
  ]);
  const bySchool = new Map<number, SchoolSupport>(
    schoolRows.map((row) => [
      row.schoolId,
      {
        ...row,
        counts: Object.fromEntries(SUPPORT_KINDS.map((kind) => [kind, 0])) as Record<SupportKind, number>,
        peopleReached: 0,
        courseHoursCompleted: 0,
        lastSupportOn: null,
      },
    ]),
  );
  SOURCES.forEach((source, index) => {
    for (const row of sourceRows[index] ?? []) {
      const school = bySchool.get(row.schoolId);
      if (!school) continue;
      school.counts[source.kind] += row.count;
      if (source.extra) school[source.extra] += row.extra;
      school.lastSupportOn = later(school.lastSupportOn, row.lastOn);
    }
  });
  const schoolsList = [...bySchool.values()];
  const effectiveAsOf = asOf < period.to ? asOf : period.to;
  const flags = supportFlags({
    schools: schoolsList,
    teacherGaps: teacherSupport.flatMap((school) =>
      school.withoutSupport.map((teacher) => ({
        teacherId: teacher.teacherId,
        fullName: teacher.fullName,
        schoolId: school.schoolId,
        deficitBlocks: teacher.deficits,
        hasMentor: false,
        hasCourse: false,
      })),
    ),
    mismatches: teacherSupport.flatMap((school) =>
      school.mismatched.map((enrolment) => ({
        teacherId: enrolment.teacherId,
        fullName: enrolment.fullName,
        schoolId: school.schoolId,
        reason: enrolment.reason,
      })),
    ),
    overdueRequests: openRequests.flatMap((request) => {
      const reason = overdueReason(request, effectiveAsOf);
      return reason === null
        ? []
        : [
            {
              requestId: request.requestId,
              schoolId: request.schoolId,
              subject: requestSubject(request.specialistKind, request.target),
              reason: overdueSentence(reason, request),
            },
          ];
    }),
    periodFrom: period.from,
    asOf: effectiveAsOf,
  });
  return {
    year,
    period,
    asOf: effectiveAsOf,
    territory: single?.name ?? regionName ?? "",
    municipalityId: single?.id ?? null,
    municipalityOptions: options,
    schools: schoolsList,
    totals: supportTotals(schoolsList),
    flags,
    noSupportMonths: NO_SUPPORT_MONTHS,
  };
}
