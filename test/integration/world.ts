import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/server/platform/db";
import { buildMunicipality, buildRegion, buildSchool, buildUser } from "../support/factories";
import { buildTestApp, type Client, signIn } from "../support/http";

/**
 * A small two-region world for access tests: region A with municipalities M1 and M2 (a school each),
 * region B with M3 and a school; and a user of every role with a place in it.
 */
export async function buildWorld(database: Database, env: Record<string, string> = {}) {
  const db = database.db;
  const regionA = await buildRegion(db);
  const regionB = await buildRegion(db);
  const m1 = await buildMunicipality(db, { regionId: regionA.id });
  const m2 = await buildMunicipality(db, { regionId: regionA.id });
  const m3 = await buildMunicipality(db, { regionId: regionB.id });
  const s1 = await buildSchool(db, { municipalityId: m1.id, regionId: regionA.id });
  const s1b = await buildSchool(db, { municipalityId: m1.id, regionId: regionA.id, isRural: true });
  const s2 = await buildSchool(db, { municipalityId: m2.id, regionId: regionA.id });
  const s3 = await buildSchool(db, { municipalityId: m3.id, regionId: regionB.id });
  const users = {
    federal: await buildUser(db, { role: "federal_operator" }),
    adminA: await buildUser(db, { role: "region_admin", regionId: regionA.id }),
    analystA: await buildUser(db, { role: "region_analyst", regionId: regionA.id }),
    mocM1: await buildUser(db, { role: "moc_coordinator", regionId: regionA.id, municipalityId: m1.id }),
    mocM2: await buildUser(db, { role: "moc_coordinator", regionId: regionA.id, municipalityId: m2.id }),
    directorS1: await buildUser(db, {
      role: "school_director",
      regionId: regionA.id,
      municipalityId: m1.id,
      schoolId: s1.id,
    }),
    mentorS1: await buildUser(db, { role: "mentor", regionId: regionA.id, assignedSchoolIds: [s1.id] }),
    specialistS1: await buildUser(db, {
      role: "specialist",
      regionId: regionA.id,
      assignedSchoolIds: [s1.id],
    }),
    adminB: await buildUser(db, { role: "region_admin", regionId: regionB.id }),
  };
  const app = await buildTestApp(database, env);
  return { db, app, regionA, regionB, m1, m2, m3, s1, s1b, s2, s3, users };
}

/** The world built by buildWorld. */
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Signed-in clients for every user of the world. */
export async function signInAll(app: FastifyInstance, world: World) {
  const u = world.users;
  return {
    federal: await signIn(app, u.federal.login),
    adminA: await signIn(app, u.adminA.login),
    analystA: await signIn(app, u.analystA.login),
    mocM1: await signIn(app, u.mocM1.login),
    mocM2: await signIn(app, u.mocM2.login),
    directorS1: await signIn(app, u.directorS1.login),
    mentorS1: await signIn(app, u.mentorS1.login),
    specialistS1: await signIn(app, u.specialistS1.login),
    adminB: await signIn(app, u.adminB.login),
  };
}

/** Signed-in clients by user key. */
export type Clients = Record<keyof World["users"], Client>;
