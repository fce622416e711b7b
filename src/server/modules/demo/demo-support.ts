import { createRng, type DemoRegion } from "../../../core/demo";
import { createPerson } from "../../../core/demo/people";
import { type DemoSpecialist, generateDemoSupport } from "../../../core/demo/support/support-demo";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { insertRequests, insertSessions } from "../support/specialist-request.repo";
import { findRegionStaff, insertLogEntries } from "../support/support-log.repo";
import { insertUser, replaceAssignments } from "../users/user.repo";
import type { DemoRuns } from "./demo-identification";
import { findRunProgrammeSchools } from "./demo-programme.repo";

/** What the demo's year of support added. */
export type DemoSupportSummary = {
  supportLog: number;
  specialistRequests: number;
  specialistAccounts: number;
};

/** The demo's «today» in the support year: the day the demo's plans are read on too. */
export function demoSupportToday(year: number): string {
  return `${year}-12-01`;
}

/**
 * A year of the МОЦ log and of specialist requests for the programme schools of the latest approved
 * run (the support year is the year the programmes end, as their plans): a specialist account per
 * municipality with programme schools (`specialist.<municipality>`, named as its МОЦ's psychologist,
 * password demo-specialist, assigned to those schools), the demo `specialist` account's schools with
 * a request in every state (some overdue on 1 December), and the district director's school with
 * one new request for a visitor to assign. Bulk inserts.
 */
export async function loadDemoSupport(input: {
  db: Db;
  seed: number;
  demo: DemoRegion;
  regionId: number;
  municipalityIds: ReadonlyMap<string, number>;
  schoolIds: ReadonlyMap<string, number>;
  actors: Map<string, Actor>;
  runs: DemoRuns;
  specialistHash: string;
}): Promise<DemoSupportSummary> {
  const { db, demo, regionId } = input;
  const year = input.runs.latest.year + 1;
  const programme = await findRunProgrammeSchools(db, input.runs.latest.id);
  const staff = await findRegionStaff(db, regionId);
  const schools = programme.map((s) => ({ schoolId: s.schoolId, municipalityId: s.municipalityId }));
  const specialists: DemoSpecialist[] = [];
  const showcase = demo.users.find((u) => u.login === "specialist");
  const showcaseActor = input.actors.get("specialist");
  if (showcase && showcaseActor) {
    const ids = (showcase.assignedSchoolCodes ?? []).flatMap((code) => input.schoolIds.get(code) ?? []);
    specialists.push({
      userId: showcaseActor.userId,
      schoolIds: ids,
      kind: "psychologist",
      isShowcase: true,
    });
    // its schools are «its schools» whether or not they are in the programme this year
    const municipalityId = input.municipalityIds.get("smolensky");
    for (const id of ids) {
      if (municipalityId !== undefined && !schools.some((s) => s.schoolId === id)) {
        schools.push({ schoolId: id, municipalityId });
      }
    }
  }
  const codeOf = new Map([...input.municipalityIds].map(([code, id]) => [id, code]));
  let accounts = 0;
  for (const municipalityId of new Set(programme.map((s) => s.municipalityId))) {
    const code = codeOf.get(municipalityId) ?? String(municipalityId);
    const spec = demo.mocs.find((moc) => moc.municipalityCode === code);
    const psychologist = spec?.staff.find(
      (p) => p.position === "psychologist" || p.position === "social_pedagogue",
    );
    const fullName =
      psychologist?.fullName ?? createPerson(createRng(input.seed, `specialist:${code}`)).fullName;
    const login = `specialist.${code}`;
    const userId = await insertUser(db, {
      login,
      passwordHash: input.specialistHash,
      fullName,
      role: "specialist",
      regionId,
      municipalityId: null,
      schoolId: null,
      isDemo: true,
    });
    const ids = programme.filter((s) => s.municipalityId === municipalityId).map((s) => s.schoolId);
    await replaceAssignments(db, userId, ids);
    specialists.push({
      userId,
      schoolIds: ids,
      kind: psychologist?.position === "social_pedagogue" ? "social_pedagogue" : "psychologist",
      isShowcase: false,
    });
    accounts += 1;
  }
  const visitor = demo.users.find((u) => u.role === "school_director" && u.municipalityCode !== "smolensk");
  const visitorSchoolId = visitor?.schoolCode ? (input.schoolIds.get(visitor.schoolCode) ?? null) : null;
  const generated = generateDemoSupport({
    seed: input.seed,
    year,
    today: demoSupportToday(year),
    schools,
    staff,
    specialists,
    visitorSchoolId,
  });
  await insertLogEntries(
    db,
    generated.log.map((entry) => ({ ...entry, regionId })),
  );
  const toDate = (text: string | null) => (text === null ? null : new Date(text));
  const requestIds = await insertRequests(
    db,
    generated.requests.map(({ sessions: _sessions, ...r }) => ({
      ...r,
      regionId,
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(r.doneAt ?? r.startedAt ?? r.assignedAt ?? r.createdAt),
      assignedAt: toDate(r.assignedAt),
      startedAt: toDate(r.startedAt),
      doneAt: toDate(r.doneAt),
    })),
  );
  await insertSessions(
    db,
    generated.requests.flatMap((r, i) =>
      r.sessions.map((s) => ({ ...s, requestId: requestIds[i] ?? 0, createdBy: r.specialistId })),
    ),
  );
  return {
    supportLog: generated.log.length,
    specialistRequests: generated.requests.length,
    specialistAccounts: accounts,
  };
}
