import { eq, inArray, sql } from "drizzle-orm";
import {
  formEvents,
  formSubmissions,
  indicatorValues,
  mentors,
  mocStaff,
  mocs,
  municipalities,
  plans,
  regions,
  schools,
  sessions,
  userSchoolAssignments,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** The id of a region by code, or undefined. */
export async function findRegionIdByCode(db: Db, code: string): Promise<number | undefined> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  return row?.id;
}

/**
 * Deletes a region and everything in it, children first. Tables added by later features reference
 * schools and municipalities with ON DELETE CASCADE, so they go with them.
 */
export async function deleteRegionCascade(db: Db, regionId: number): Promise<void> {
  const userIds = (await db.select({ id: users.id }).from(users).where(eq(users.regionId, regionId))).map(
    (u) => u.id,
  );
  if (userIds.length) {
    await db.delete(sessions).where(inArray(sessions.userId, userIds));
    await db.delete(userSchoolAssignments).where(inArray(userSchoolAssignments.userId, userIds));
    await db.delete(users).where(inArray(users.id, userIds));
  }
  const muniIds = (
    await db
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.regionId, regionId))
  ).map((m) => m.id);
  if (muniIds.length) {
    const mocIds = (
      await db.select({ id: mocs.id }).from(mocs).where(inArray(mocs.municipalityId, muniIds))
    ).map((m) => m.id);
    if (mocIds.length) await db.delete(mocStaff).where(inArray(mocStaff.mocId, mocIds));
    await db.delete(mocs).where(inArray(mocs.municipalityId, muniIds));
  }
  // plans name their school or municipality without cascading (a real one is never deleted with them)
  await db.delete(plans).where(eq(plans.regionId, regionId));
  // mentors name their municipality without cascading (their pairs and meetings go with them)
  await db.delete(mentors).where(eq(mentors.regionId, regionId));
  await db.delete(schools).where(eq(schools.regionId, regionId));
  await db.delete(municipalities).where(eq(municipalities.regionId, regionId));
  await db.delete(regions).where(eq(regions.id, regionId));
}

/** Deletes users by login (the demo users of an earlier load, including a federal one with no region). */
export async function deleteUsersByLogin(db: Db, logins: string[]): Promise<void> {
  if (!logins.length) return;
  const ids = (await db.select({ id: users.id }).from(users).where(inArray(users.login, logins))).map(
    (u) => u.id,
  );
  if (!ids.length) return;
  await db.delete(sessions).where(inArray(sessions.userId, ids));
  await db.delete(userSchoolAssignments).where(inArray(userSchoolAssignments.userId, ids));
  await db.delete(users).where(inArray(users.id, ids));
}

/** Inserts a region; returns its id. */
export async function insertRegion(db: Db, values: typeof regions.$inferInsert): Promise<number> {
  const [row] = await db.insert(regions).values(values).returning({ id: regions.id });
  if (!row) throw new Error("Регион не создан");
  return row.id;
}

/** Inserts municipalities; returns code → id. */
export async function insertMunicipalities(
  db: Db,
  rows: (typeof municipalities.$inferInsert)[],
): Promise<Map<string, number>> {
  const created = await db
    .insert(municipalities)
    .values(rows)
    .returning({ id: municipalities.id, code: municipalities.code });
  return new Map(created.map((r) => [r.code, r.id]));
}

/** Inserts schools in batches; returns code → id. */
export async function insertSchools(
  db: Db,
  rows: (typeof schools.$inferInsert)[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const created = await db
      .insert(schools)
      .values(rows.slice(i, i + 500))
      .returning({ id: schools.id, code: schools.code });
    for (const r of created) ids.set(r.code, r.id);
  }
  return ids;
}

/** Inserts a МОЦ with its staff. */
export async function insertMocWithStaff(
  db: Db,
  moc: typeof mocs.$inferInsert,
  staff: Omit<typeof mocStaff.$inferInsert, "mocId">[],
): Promise<void> {
  const [created] = await db.insert(mocs).values(moc).returning({ id: mocs.id });
  if (!created) throw new Error("МОЦ не создан");
  if (staff.length) await db.insert(mocStaff).values(staff.map((s) => ({ ...s, mocId: created.id })));
}

/** A demo value resolved to ids: of a school (schoolId set) or of a municipality (municipalityId set). */
export type DemoValueRow = {
  indicatorId: number;
  versionId: number;
  schoolId: number | null;
  municipalityId: number | null;
  year: number;
  value: number;
};

function intArray(values: (number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : String(v))).join(",")}}`;
}

/**
 * Inserts demo values with source «demo», in chunks of 5,000 rows (one statement each over
 * unnest'ed arrays). Like every creation, they have no history row until they change: the value
 * row says where it came from (values.repo.ts, creationEntries).
 */
export async function insertDemoValues(db: Db, rows: DemoValueRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    const col = (f: (r: DemoValueRow) => number | null) => intArray(batch.map(f));
    await db.execute(sql`
      insert into ${indicatorValues} (indicator_id, version_id, school_id, municipality_id, year, value, source)
      select t.indicator_id, t.version_id, t.school_id, t.municipality_id, t.year, t.value, 'demo'
      from unnest(
        ${col((r) => r.indicatorId)}::int[], ${col((r) => r.versionId)}::int[],
        ${col((r) => r.schoolId)}::int[], ${col((r) => r.municipalityId)}::int[],
        ${col((r) => r.year)}::int[], ${col((r) => r.value)}::float8[]
      ) as t(indicator_id, version_id, school_id, municipality_id, year, value)`);
  }
}

/** A demo form resolved to ids, with its history. */
export type DemoFormRow = {
  schoolId: number;
  year: number;
  status: (typeof formSubmissions.$inferInsert)["status"] & string;
  events: { fromStatus: string; toStatus: string; message: string; actorName: string }[];
};

/** Inserts demo forms and their events: two statements per chunk of 1,000 forms. */
export async function insertDemoForms(db: Db, forms: DemoFormRow[]): Promise<void> {
  for (let i = 0; i < forms.length; i += 1000) {
    const batch = forms.slice(i, i + 1000);
    const created = await db
      .insert(formSubmissions)
      .values(batch.map((f) => ({ schoolId: f.schoolId, year: f.year, status: f.status })))
      .returning({ id: formSubmissions.id, schoolId: formSubmissions.schoolId, year: formSubmissions.year });
    const ids = new Map(created.map((c) => [`${c.schoolId}:${c.year}`, c.id]));
    const events = batch.flatMap((f) => {
      const submissionId = ids.get(`${f.schoolId}:${f.year}`);
      if (submissionId === undefined) return [];
      return f.events.map((e) => ({ submissionId, ...e, actorId: null }));
    });
    for (let j = 0; j < events.length; j += 1000) {
      await db.insert(formEvents).values(events.slice(j, j + 1000));
    }
  }
}
