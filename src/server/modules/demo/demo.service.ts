import {
  DEFAULT_DEMO_SEED,
  DEMO_YEARS,
  type DemoIndicatorValue,
  type DemoRegion,
  generateDemoRegion,
  generateDemoValues,
} from "../../../core/demo";
import { INDICATOR_CATALOGUE } from "../../../core/indicators";
import type { Db } from "../../platform/db";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";
import { seedCauses } from "../causes/causes-seed.service";
import { seedRuleSets } from "../identification/rule-set.service";
import { findIndicators } from "../indicators/indicator.repo";
import { seedCatalogue } from "../indicators/indicator.service";
import { setSetting } from "../system/settings.repo";
import { insertUser, replaceAssignments } from "../users/user.repo";
import { vacuumValues } from "../values/value-columns.repo";
import {
  deleteRegionCascade,
  deleteUsersByLogin,
  findRegionIdByCode,
  insertDemoForms,
  insertDemoValues,
  insertMocWithStaff,
  insertMunicipalities,
  insertRegion,
  insertSchools,
} from "./demo.repo";
import { type DemoCoursesEventsSummary, loadDemoCoursesEvents } from "./demo-courses-events";
import { type DemoDecisionsSummary, loadDemoDecisions } from "./demo-decisions";
import { planDemoForms } from "./demo-forms";
import { loadDemoRuns } from "./demo-identification";
import { type DemoMentorCandidatesSummary, loadDemoMentorCandidates } from "./demo-mentor-candidates";
import { type DemoMentoringSummary, loadDemoMentoring } from "./demo-mentoring";
import { type DemoMonitoringSummary, loadDemoMonitoring } from "./demo-monitoring";
import { type DemoPartnersSummary, loadDemoPartners } from "./demo-partners";
import { type DemoProgrammeSummary, loadDemoProgramme } from "./demo-programme";
import { findRunProgrammeSchools } from "./demo-programme.repo";
import { type DemoQualitySummary, loadDemoQuality } from "./demo-quality";
import { type DemoSupportSummary, loadDemoSupport } from "./demo-support";
import { type DemoTeachersSummary, loadDemoTeachers } from "./demo-teachers";

/** What was loaded. */
export type DemoLoadSummary = {
  regionId: number;
  municipalities: number;
  schools: number;
  users: number;
  indicators: number;
  values: number;
  forms: number;
  /** approved identification runs (the last two years) */
  runs: number;
  /** the year of mentoring: mentors, pairs, meetings (from the teachers in the database) */
  mentoring: DemoMentoringSummary;
  /** mentor candidates: the staff of resilient and high-result schools, and two МОЦ methodists as mentors */
  mentorCandidates: DemoMentorCandidatesSummary;
  /** the programme year's outcomes and decisions (issue 13) */
  decisions: DemoDecisionsSummary;
} & DemoProgrammeSummary &
  DemoTeachersSummary &
  DemoSupportSummary &
  DemoCoursesEventsSummary &
  DemoPartnersSummary &
  DemoMonitoringSummary &
  DemoQualitySummary;

function requireId(map: Map<string, number>, code: string | undefined, what: string): number {
  const id = code === undefined ? undefined : map.get(code);
  if (id === undefined) throw new Error(`Демо-данные: не найден ${what} «${code}»`);
  return id;
}

/**
 * Loads (or reloads) the generated demo region in one transaction: deletes a previous demo region
 * with the same code, inserts the hierarchy, МОЦ staff and demo users, the indicator catalogue, three
 * school years of values for every school and municipality and the forms' approval states, and marks
 * the installation as demo. `seed` drives the values and form states (the region itself comes in `demo`).
 */
export async function loadDemoRegion({
  db,
  actor = SYSTEM_ACTOR,
  demo = generateDemoRegion(),
  seed = DEFAULT_DEMO_SEED,
}: {
  db: Db;
  actor?: Actor;
  demo?: DemoRegion;
  seed?: number;
}): Promise<DemoLoadSummary> {
  const hashing = Promise.all(demo.users.map((u) => hashPassword(u.password)));
  // generated while argon2 hashes in its own threads
  const values = generateDemoValues({
    region: demo,
    catalogue: INDICATOR_CATALOGUE,
    years: DEMO_YEARS,
    seed,
  });
  const hashes = await hashing;
  const summary = await db.transaction(async (tx) => {
    const previous = await findRegionIdByCode(tx, demo.region.code);
    if (previous !== undefined) await deleteRegionCascade(tx, previous);
    await deleteUsersByLogin(
      tx,
      demo.users.map((u) => u.login),
    );
    const regionId = await insertRegion(tx, { ...demo.region, isDemo: true });
    const muni = await insertMunicipalities(
      tx,
      demo.municipalities.map((m) => ({ ...m, regionId })),
    );
    const schoolIds = await insertSchools(
      tx,
      demo.schools.map(({ municipalityCode, ...s }) => ({
        ...s,
        regionId,
        municipalityId: requireId(muni, municipalityCode, "муниципалитет"),
      })),
    );
    for (const moc of demo.mocs) {
      const municipalityId = requireId(muni, moc.municipalityCode, "муниципалитет");
      await insertMocWithStaff(tx, { municipalityId, name: moc.name }, moc.staff);
    }
    const actors = new Map<string, Actor>();
    for (const [i, u] of demo.users.entries()) {
      const schoolId = u.schoolCode ? requireId(schoolIds, u.schoolCode, "школа") : null;
      const municipalityId = u.municipalityCode ? requireId(muni, u.municipalityCode, "муниципалитет") : null;
      const userId = await insertUser(tx, {
        login: u.login,
        passwordHash: hashes[i] ?? "",
        fullName: u.fullName,
        role: u.role,
        regionId: u.role === "federal_operator" ? null : regionId,
        municipalityId,
        schoolId,
        isDemo: true,
      });
      await replaceAssignments(
        tx,
        userId,
        (u.assignedSchoolCodes ?? []).map((c) => requireId(schoolIds, c, "школа")),
      );
      const place = { regionId: u.role === "federal_operator" ? null : regionId, municipalityId, schoolId };
      actors.set(u.login, {
        userId,
        login: u.login,
        fullName: u.fullName,
        role: u.role,
        ...place,
        isDemo: true,
        federalRegionIds: null,
      });
    }
    const data = await loadDemoData(tx, { demo, values, seed, regionId, muni, schoolIds });
    const analyst = actors.get("analyst");
    if (!analyst) throw new Error("Демо-данные: нет регионального аналитика");
    const runs = await loadDemoRuns(tx, analyst);
    const hashOf = (password: string) => hashes[demo.users.findIndex((u) => u.password === password)] ?? "";
    const programme = await loadDemoProgramme({
      db: tx,
      seed,
      demo,
      regionId,
      municipalityIds: muni,
      schoolIds,
      actors,
      runs,
      hashes: { director: hashOf("demo-director"), moc: hashOf("demo-moc") },
    });
    const programmeSchools = await findRunProgrammeSchools(tx, runs.latest.id);
    const teachers = await loadDemoTeachers({
      db: tx,
      seed,
      regionId,
      year: runs.latest.year,
      schools: programmeSchools,
    });
    // after the teachers step (issue 12): enrolments go to the teachers that exist by now
    const coursesEvents = await loadDemoCoursesEvents({
      db: tx,
      seed,
      regionId,
      // the programmes' school year: the run of 2025 starts the work of 2025/26
      year: runs.latest.year + 1,
      programmeSchoolIds: programmeSchools.map((s) => s.schoolId),
      analyst,
    });
    const support = await loadDemoSupport({
      db: tx,
      seed,
      demo,
      regionId,
      municipalityIds: muni,
      schoolIds,
      actors,
      runs,
      specialistHash: hashOf("demo-specialist"),
    });
    const partners = await loadDemoPartners(tx, { seed, regionId, year: runs.latest.year, analyst });
    const mentoring = await loadDemoMentoring(tx, { regionId, seed });
    // after the mentoring step, so that the candidates are not yet in the registry
    const mentorCandidates = await loadDemoMentorCandidates(tx, { regionId, seed });
    // after every step whose data the computed indicators read (issue 13)
    const visitorCode = demo.users.find(
      (u) => u.role === "school_director" && u.municipalityCode !== "smolensk",
    )?.schoolCode;
    const visitorSchool = visitorCode === undefined ? undefined : schoolIds.get(visitorCode);
    const monitoring = await loadDemoMonitoring(tx, {
      seed,
      regionId,
      actor: analyst,
      years: [
        { year: runs.previous.year + 1, schools: await findRunProgrammeSchools(tx, runs.previous.id) },
        { year: runs.latest.year + 1, schools: programmeSchools },
      ],
      skipSchoolIds: new Set(visitorSchool === undefined ? [] : [visitorSchool]),
    });
    // the МОЦ reports of the support year, after the causes they tie recommendations to (issue 13)
    const quality = await loadDemoQuality({
      db: tx,
      regionId,
      year: runs.latest.year + 1,
      municipalityIds: muni,
      actors,
    });
    // after the plans (their targets) and the МОЦ accounts of the programme step (issue 13)
    const decisions = await loadDemoDecisions(tx, { seed, regionId, runs, actors, analyst });
    await setSetting(tx, "demo", true);
    const summary = {
      regionId,
      municipalities: muni.size,
      schools: schoolIds.size,
      users: demo.users.length,
      ...data,
      runs: 2,
      ...programme,
      ...teachers,
      ...support,
      ...coursesEvents,
      ...partners,
      ...quality,
      mentoring,
      mentorCandidates,
      ...monitoring,
      decisions,
    };
    await recordAudit(tx, {
      actor,
      action: "demo_load",
      entity: "region",
      entityId: regionId,
      after: summary,
      regionId,
    });
    return summary;
  });
  await vacuumValues(db);
  return summary;
}

/** Seeds the catalogue, inserts the generated values and the forms' states. */
async function loadDemoData(
  db: Db,
  opts: {
    demo: DemoRegion;
    values: DemoIndicatorValue[];
    seed: number;
    regionId: number;
    muni: Map<string, number>;
    schoolIds: Map<string, number>;
  },
): Promise<{ indicators: number; values: number; forms: number }> {
  const { demo, values, seed, regionId, muni, schoolIds } = opts;
  await seedCatalogue(db, regionId);
  await seedRuleSets(db, regionId);
  await seedCauses(db, regionId);
  const catalogue = await findIndicators(db, regionId);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const rows = values.flatMap((v) => {
    const indicator = byCode.get(v.indicatorCode);
    if (!indicator) return [];
    return [
      {
        indicatorId: indicator.id,
        versionId: indicator.versionId,
        schoolId: v.schoolCode === null ? null : requireId(schoolIds, v.schoolCode, "школа"),
        municipalityId:
          v.municipalityCode === null ? null : requireId(muni, v.municipalityCode, "муниципалитет"),
        year: v.year,
        value: v.value,
      },
    ];
  });
  await insertDemoValues(db, rows);
  const keepDraft = new Set(
    demo.users.flatMap((u) => (u.role === "school_director" && u.schoolCode ? [u.schoolCode] : [])),
  );
  const forms = planDemoForms({ schoolCodes: [...schoolIds.keys()], years: DEMO_YEARS, seed, keepDraft });
  await insertDemoForms(
    db,
    forms.map((f) => ({ ...f, schoolId: requireId(schoolIds, f.schoolCode, "школа") })),
  );
  return { indicators: catalogue.length, values: rows.length, forms: forms.length };
}
