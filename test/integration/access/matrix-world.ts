import { and, eq, sql } from "drizzle-orm";
import { indicators, indicatorValues, jobs } from "../../../src/server/db/schema";
import type { Database, Db } from "../../../src/server/platform/db";
import type { Client } from "../../support/http";
import { putValues, runAndWait, SHNRO_RULES, seedIdentification } from "../identification-support";
import { buildWorld, type Clients, signInAll } from "../world";
import { buildCausesFixtures } from "./cases/causes.fixtures";
import { buildMentoringFixtures } from "./cases/mentoring.fixtures";
import { buildPartnersFixtures } from "./cases/partners.fixtures";
import { buildPlanFixtures } from "./cases/plans.fixtures";
import { buildTeacherFixtures } from "./cases/teachers.fixtures";

/** The school year the fixtures' values and forms are for. */
export const MATRIX_YEAR = 2025;

/** A CSV of one value for school `code`, as a user would upload it. */
export function valuesCsv(code: string): string {
  return `Код ОО;Год;Доля обучающихся на «4» и «5» [good_marks_share]\n${code};${MATRIX_YEAR};0,5\n`;
}

/** A multipart body with one file, as the import page sends it. */
export function multipartFile(fileName: string, content: string) {
  const boundary = "----opora-matrix-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content, "utf8"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function expectOk(what: string, res: { statusCode: number; body: string }) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

async function indicatorId(db: Db, regionId: number, code: string): Promise<number> {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.regionId, regionId), eq(indicators.code, code)));
  if (!row) throw new Error(`no indicator ${code}`);
  return row.id;
}

async function valueId(db: Db, schoolId: number): Promise<number> {
  const [row] = await db
    .select({ id: indicatorValues.id })
    .from(indicatorValues)
    .where(eq(indicatorValues.schoolId, schoolId))
    .limit(1);
  if (!row) throw new Error(`no value of school ${schoolId}`);
  return row.id;
}

/** Moves a school's form of the year to «согласована» through the API, as its МОЦ would. */
async function approveForm(moc: Client, schoolId: number, indicator: number) {
  const url = `/api/schools/${schoolId}/forms/${MATRIX_YEAR}`;
  await expectOk(
    "save form",
    await moc.request({ method: "PUT", url, payload: { values: [{ indicatorId: indicator, value: 0.4 }] } }),
  );
  for (const action of ["submit", "approve"]) {
    await expectOk(
      action,
      await moc.request({ method: "POST", url: `${url}/transitions`, payload: { action } }),
    );
  }
}

/**
 * The access matrix's world: the two-region world of world.ts with everything its routes act on —
 * both regions' catalogues and rule sets, values of every school, a stored identification run of
 * region A and an approved one, a МОЦ staff member in M2, S2's form approved by its МОЦ (so that the
 * region may unlock a value), and an upload of M1's МОЦ waiting to be imported.
 */
export async function buildMatrixWorld(database: Database) {
  const world = await buildWorld(database);
  const { db } = world;
  await seedIdentification(db, world.regionA.id);
  await seedIdentification(db, world.regionB.id);
  for (const [i, school] of [world.s1, world.s1b, world.s2, world.s3].entries()) {
    const place = { regionId: school.regionId, schoolId: school.id };
    const failing = school === world.s2 ? 0.4 : 0.05 + i / 100;
    await putValues(db, { ...place, code: "ege_math_below_min_share", values: { [MATRIX_YEAR]: failing } });
    await putValues(db, {
      ...place,
      code: "prevention_register_share",
      values: { [MATRIX_YEAR]: 0.1 + i / 10 },
    });
  }
  const clients: Clients = await signInAll(world.app, world);
  const ruleSetA = await expectOk(
    "rule set A",
    await clients.adminA.request({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: { definition: SHNRO_RULES },
    }),
  );
  const ruleSetB = await expectOk(
    "rule set B",
    await clients.adminB.request({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: { definition: SHNRO_RULES },
    }),
  );
  const runA = (await runAndWait(clients.adminA, { ruleSetIds: [ruleSetA.id], year: MATRIX_YEAR })).run;
  const approvedA = (await runAndWait(clients.adminA, { ruleSetIds: [ruleSetA.id], year: MATRIX_YEAR })).run;
  await expectOk(
    "approve",
    await clients.adminA.request({ method: "POST", url: `/api/identification/runs/${approvedA.id}/approve` }),
  );
  const [jobA] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.regionId, world.regionA.id))
    .limit(1);
  if (!jobA) throw new Error("no job");
  const staffM2 = await expectOk(
    "staff",
    await clients.adminA.request({
      method: "POST",
      url: `/api/municipalities/${world.m2.id}/staff`,
      payload: { fullName: "Сидорова Мария Ивановна", position: "psychologist", email: "", phone: "" },
    }),
  );
  const goodMarksA = await indicatorId(db, world.regionA.id, "good_marks_share");
  await approveForm(clients.mocM2, world.s2.id, goodMarksA);
  const uploadM1 = await expectOk(
    "upload",
    await clients.mocM1.request({
      method: "POST",
      url: "/api/import/uploads?kind=values",
      ...multipartFile("m1.csv", valuesCsv(world.s1.code)),
    }),
  );
  const plans = await buildPlanFixtures(world, clients);
  return {
    ...world,
    clients,
    plans,
    fixtures: {
      ruleSetA: ruleSetA.id as number,
      ruleSetB: ruleSetB.id as number,
      runA: runA.id,
      approvedA: approvedA.id,
      jobA: jobA.id,
      staffM2: staffM2.id as number,
      goodMarksA,
      indicatorB: await indicatorId(db, world.regionB.id, "good_marks_share"),
      valueS1: await valueId(db, world.s1.id),
      valueS2: await valueId(db, world.s2.id),
      uploadM1: uploadM1.uploadId as string,
      causes: await buildCausesFixtures(world),
      teachers: await buildTeacherFixtures(world),
      mentoring: await buildMentoringFixtures(world),
      partners: await buildPartnersFixtures(world, clients),
    },
  };
}

/** The matrix world. */
export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;

/**
 * A fingerprint of every table but the sessions (whose last-seen time moves on any request): the
 * count and an md5 of the rows. Two equal fingerprints mean a refused request changed nothing.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const row of rowsOf(tables)) {
    const name = String(row.table_name);
    const result = await db.execute(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from "${name}" t`,
      ),
    );
    out[name] = String(rowsOf(result)[0]?.f);
  }
  return out;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: Record<string, unknown>[] }).rows;
  return rows ?? [];
}
