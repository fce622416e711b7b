import { createRng, type DemoRegion } from "../../../core/demo";
import { createPerson } from "../../../core/demo/people";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { insertUser } from "../users/user.repo";
import { type DemoPeople, loadDemoCauses, loadDemoPreviousCauses } from "./demo-causes";
import type { DemoRuns } from "./demo-identification";
import { loadDemoPlans } from "./demo-plans";
import { findRunProgrammeSchools, type RunProgrammeSchool } from "./demo-programme.repo";

/** What the demo's year of programme work added. */
export type DemoProgrammeSummary = {
  accounts: number;
  confirmedSchools: number;
  previousCauses: number;
  plans: number;
};

/** What the loader needs of the demo region just inserted. */
export type DemoProgrammeInput = {
  db: Db;
  seed: number;
  demo: DemoRegion;
  regionId: number;
  municipalityIds: ReadonlyMap<string, number>;
  schoolIds: ReadonlyMap<string, number>;
  /** The demo accounts by login, as actors. */
  actors: Map<string, Actor>;
  runs: DemoRuns;
  /** The password hashes of the directors' and the МОЦ coordinators' demo password. */
  hashes: { director: string; moc: string };
};

/** «Белова Светлана Викторовна» → «С. В. Белова», as an order prints its signer. */
function initialsOf(fullName: string): string {
  const [surname = "", first = "", middle = ""] = fullName.split(" ");
  return `${first.slice(0, 1)}. ${middle.slice(0, 1)}. ${surname}`;
}

/**
 * The people of the work: a director account for every programme school that has none, and a МОЦ
 * coordinator account for every municipality that has none (named as its МОЦ's coordinator), all
 * with the demo passwords; the existing demo accounts stay who they are.
 */
async function ensurePeople(
  input: DemoProgrammeInput,
  programme: RunProgrammeSchool[],
  earlier: RunProgrammeSchool[],
): Promise<{ people: DemoPeople; created: number }> {
  const { db, demo, regionId, actors } = input;
  const codeOfMunicipality = new Map([...input.municipalityIds].map(([code, id]) => [id, code]));
  const directors = new Map<number, Actor>();
  const mocs = new Map<number, Actor>();
  for (const actor of actors.values()) {
    if (actor.role === "school_director" && actor.schoolId !== null) directors.set(actor.schoolId, actor);
    if (actor.role === "moc_coordinator" && actor.municipalityId !== null)
      mocs.set(actor.municipalityId, actor);
  }
  let created = 0;
  const add = async (
    login: string,
    fullName: string,
    place: Pick<Actor, "role" | "municipalityId" | "schoolId">,
    hash: string,
  ) => {
    const userId = await insertUser(db, {
      login,
      passwordHash: hash,
      fullName,
      regionId,
      isDemo: true,
      ...place,
    });
    const actor: Actor = {
      userId,
      login,
      fullName,
      regionId,
      isDemo: true,
      federalRegionIds: null,
      ...place,
    };
    actors.set(login, actor);
    created += 1;
    return actor;
  };
  for (const municipalityId of new Set([...programme, ...earlier].map((school) => school.municipalityId))) {
    if (mocs.has(municipalityId)) continue;
    const code = codeOfMunicipality.get(municipalityId) ?? String(municipalityId);
    const staff = demo.mocs.find((moc) => moc.municipalityCode === code)?.staff;
    const name =
      staff?.find((person) => person.position === "coordinator")?.fullName ??
      createPerson(createRng(input.seed, `moc:${code}`)).fullName;
    mocs.set(
      municipalityId,
      await add(
        `moc.${code}`,
        name,
        { role: "moc_coordinator", municipalityId, schoolId: null },
        input.hashes.moc,
      ),
    );
  }
  for (const school of programme) {
    if (directors.has(school.schoolId)) continue;
    const name = createPerson(createRng(input.seed, `director:${school.code}`)).fullName;
    directors.set(
      school.schoolId,
      await add(
        `director.${school.code}`,
        name,
        { role: "school_director", municipalityId: school.municipalityId, schoolId: school.schoolId },
        input.hashes.director,
      ),
    );
  }
  const people: DemoPeople = {
    directorOf: (schoolId) => {
      const actor = directors.get(schoolId);
      if (!actor) throw new Error(`Демо-данные: нет директора школы ${schoolId}`);
      return actor;
    },
    mocOf: (municipalityId) => {
      const actor = mocs.get(municipalityId);
      if (!actor) throw new Error(`Демо-данные: нет координатора МОЦ муниципалитета ${municipalityId}`);
      return actor;
    },
  };
  return { people, created };
}

function requireActor(actors: ReadonlyMap<string, Actor>, login: string): Actor {
  const actor = actors.get(login);
  if (!actor) throw new Error(`Демо-данные: нет учётной записи ${login}`);
  return actor;
}

/**
 * A year of the programme's work after the latest approved identification run: the causes of its
 * programme schools (workbooks, examinations, confirmed causes; the previous year's causes for the
 * registry's change), their programmes in every state of review, a year of execution, the Dorogobuzh
 * road map from seed 004's template and the regional one. The district director's school (67-133) is
 * left untouched, for a visitor — and the browser test — to go through the cycle; the city director's
 * school (67-001) shows a programme that was returned, answered and approved.
 */
export async function loadDemoProgramme(input: DemoProgrammeInput): Promise<DemoProgrammeSummary> {
  const { db, demo, actors, runs } = input;
  const latest = await findRunProgrammeSchools(db, runs.latest.id);
  const previous = await findRunProgrammeSchools(db, runs.previous.id);
  const { people, created } = await ensurePeople(input, latest, previous);
  const demoDirectors = demo.users.flatMap((user) =>
    user.role === "school_director" && user.schoolCode
      ? [{ user, schoolId: input.schoolIds.get(user.schoolCode) }]
      : [],
  );
  const schoolOfDirector = (inCentre: boolean) =>
    demoDirectors.find(({ user }) => (user.municipalityCode === "smolensk") === inCentre)?.schoolId ?? null;
  const visitorSchool = schoolOfDirector(false);
  const confirmed = await loadDemoCauses(db, {
    seed: input.seed,
    year: runs.latest.year,
    schools: latest,
    skip: new Set(visitorSchool === null ? [] : [visitorSchool]),
    people,
  });
  const previousCauses = await loadDemoPreviousCauses(db, {
    seed: input.seed,
    year: runs.previous.year,
    schools: previous,
    people,
  });
  const helpers = demo.users.flatMap((user) =>
    (user.role === "mentor" || user.role === "specialist") && user.assignedSchoolCodes
      ? [
          {
            actor: requireActor(actors, user.login),
            schoolIds: user.assignedSchoolCodes.flatMap((code) => input.schoolIds.get(code) ?? []),
          },
        ]
      : [],
  );
  const municipality = (code: string) => {
    const id = input.municipalityIds.get(code);
    const spec = demo.municipalities.find((m) => m.code === code);
    if (id === undefined || !spec) throw new Error(`Демо-данные: нет муниципалитета ${code}`);
    return { municipalityId: id, name: spec.name };
  };
  const plans = await loadDemoPlans(db, {
    seed: input.seed,
    causesYear: runs.latest.year,
    confirmed,
    people,
    regionId: input.regionId,
    analyst: requireActor(actors, "analyst"),
    admin: requireActor(actors, "admin"),
    helpers,
    showcaseSchoolId: schoolOfDirector(true),
    roadMaps: {
      dorogobuzh: {
        ...municipality("dorogobuzh"),
        signer: initialsOf(createPerson(createRng(input.seed, "signer")).fullName),
      },
      smolensk: municipality("smolensk"),
    },
  });
  return { accounts: created, confirmedSchools: confirmed.length, previousCauses, plans };
}
