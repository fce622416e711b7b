import { eq } from "drizzle-orm";
import { identificationResults, identificationRuns, schools } from "../../src/server/db/schema";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Database, Db } from "../../src/server/platform/db";
import { buildSchool } from "../support/factories";
import { putValues } from "./identification-support";
import { buildWorld, type Clients, signInAll } from "./world";

/** The year of the values and of the approved identification run of the partners' world. */
export const PARTNERS_YEAR = 2025;

/** A tiny deterministic generator (an LCG), so the world is the same on every run. */
function rng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function place(db: Db, id: number, latitude: number, longitude: number) {
  await db.update(schools).set({ latitude, longitude }).where(eq(schools.id, id));
}

type Placed = { id: number; code: string; municipalityId: number; regionId: number };

/**
 * The schools' values of a year: the social conditions drive the ОГЭ mean, and one school (`star`)
 * does far better than its conditions predict, in hard ones (a resilient school).
 */
async function putWorldValues(db: Db, regionId: number, list: Placed[], star: number) {
  const next = rng(7);
  for (const school of list) {
    const hard = next();
    const values: Record<string, number> = {
      parents_higher_education_share: 0.6 - 0.4 * hard + 0.05 * next(),
      low_income_share: 0.1 + 0.4 * hard + 0.05 * next(),
      single_parent_share: 0.15 + 0.2 * hard + 0.05 * next(),
      prevention_register_share: 0.01 + 0.05 * hard,
      distance_to_center_km: 5 + 80 * hard + 5 * next(),
    };
    values.oge_math_mean = 4.2 - 1.2 * hard + 0.2 * next() + (school.id === star ? 1.5 : 0);
    for (const [code, value] of Object.entries(values)) {
      await putValues(db, { regionId, schoolId: school.id, code, values: { [PARTNERS_YEAR]: value } });
    }
  }
}

/** Stores an approved identification run of the year with the given programme schools (ШНРО), directly. */
async function approvedRun(db: Db, regionId: number, list: Placed[], programme: Set<number>) {
  const [run] = await db
    .insert(identificationRuns)
    .values({
      regionId,
      year: PARTNERS_YEAR,
      status: "approved",
      ruleSets: [],
      schoolCount: list.length,
      createdByName: "Тест",
      approvedAt: new Date(),
      approvedByName: "Тест",
    })
    .returning({ id: identificationRuns.id });
  if (!run) throw new Error("no run");
  await db.insert(identificationResults).values(
    list.map((school, position) => ({
      runId: run.id,
      schoolId: school.id,
      municipalityId: school.municipalityId,
      schoolCode: school.code,
      schoolName: school.code,
      isRural: false,
      category: programme.has(school.id) ? ("shnro" as const) : ("none" as const),
      riskFlags: [],
      position,
      ruleSetStatuses: "",
    })),
  );
  return run.id;
}

/**
 * The two-region world of world.ts with what partnerships need in region A: 24 more schools across
 * M1 and M2, every school placed on the map around Smolensk with values of the social conditions
 * and of the ОГЭ in mathematics for PARTNERS_YEAR, and an approved run of that year putting S1 and
 * S2 in the programme. `star` is a school 10 km from S1 that does far better than its conditions.
 */
export async function buildPartnersWorld(database: Database) {
  const world = await buildWorld(database);
  const { db } = world;
  await seedCatalogue(db, world.regionA.id);
  await seedCatalogue(db, world.regionB.id);
  const extra: Placed[] = [];
  for (let i = 0; i < 24; i++) {
    const municipalityId = i % 2 === 0 ? world.m1.id : world.m2.id;
    extra.push(await buildSchool(db, { municipalityId, regionId: world.regionA.id }));
  }
  const list: Placed[] = [world.s1, world.s1b, world.s2, ...extra];
  const next = rng(11);
  for (const school of list) {
    await place(db, school.id, 54.5 + 0.6 * next(), 31.5 + 1.2 * next());
  }
  const star = extra[0]!;
  await place(db, world.s1.id, 54.78, 32.04);
  await place(db, star.id, 54.78, 32.195);
  await place(db, world.s3.id, 54.0, 35.0);
  await putWorldValues(db, world.regionA.id, list, star.id);
  const runId = await approvedRun(db, world.regionA.id, list, new Set([world.s1.id, world.s2.id]));
  const clients: Clients = await signInAll(world.app, world);
  return { ...world, clients, extra, star, runId, list };
}

/** The partners' world. */
export type PartnersWorld = Awaited<ReturnType<typeof buildPartnersWorld>>;

/** The JSON of a 200 answer, or a thrown error with the status and body. */
export function ok<T>(what: string, res: { statusCode: number; body: string }): T {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** A multipart body with one file, as the pages send it. */
export function multipart(fileName: string, content: Buffer | string, type = "application/pdf") {
  const boundary = "----opora-partners-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
