import { and, count, desc, eq, gte, lte, type SQL, sql, sum } from "drizzle-orm";
import type { LogQuery } from "../../../shared/support-api";
import { mocStaff, mocs, municipalities, schools, supportLogEntries } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A log entry as read, with its school and the name of who gave it. */
export type LogEntryRow = Awaited<ReturnType<typeof findLogEntries>>[number];

const entryColumns = {
  id: supportLogEntries.id,
  regionId: supportLogEntries.regionId,
  schoolId: supportLogEntries.schoolId,
  schoolCode: schools.code,
  schoolName: schools.shortName,
  municipalityId: supportLogEntries.municipalityId,
  municipalityName: municipalities.name,
  kind: supportLogEntries.kind,
  audience: supportLogEntries.audience,
  format: supportLogEntries.format,
  heldOn: supportLogEntries.heldOn,
  topic: supportLogEntries.topic,
  staffId: supportLogEntries.staffId,
  staffName: mocStaff.fullName,
  givenBy: supportLogEntries.givenBy,
  peopleCount: supportLogEntries.peopleCount,
  findings: supportLogEntries.findings,
};

function filtersOf(scope: SQL | undefined, q: Partial<LogQuery>): SQL | undefined {
  return and(
    scope,
    q.schoolId === undefined ? undefined : eq(supportLogEntries.schoolId, q.schoolId),
    q.municipalityId === undefined ? undefined : eq(supportLogEntries.municipalityId, q.municipalityId),
    q.kind === undefined ? undefined : eq(supportLogEntries.kind, q.kind),
    q.audience === undefined ? undefined : eq(supportLogEntries.audience, q.audience),
    q.format === undefined ? undefined : eq(supportLogEntries.format, q.format),
    q.from === undefined ? undefined : gte(supportLogEntries.heldOn, q.from),
    q.to === undefined ? undefined : lte(supportLogEntries.heldOn, q.to),
  );
}

/** Log entries of schools in the scope (schoolScope over `schools`) matching the filters, newest first. */
export async function findLogEntries(db: Db, scope: SQL | undefined, q: Partial<LogQuery>, limit = 200) {
  return db
    .select(entryColumns)
    .from(supportLogEntries)
    .innerJoin(schools, eq(schools.id, supportLogEntries.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, supportLogEntries.municipalityId))
    .leftJoin(mocStaff, eq(mocStaff.id, supportLogEntries.staffId))
    .where(filtersOf(scope, q))
    .orderBy(desc(supportLogEntries.heldOn), desc(supportLogEntries.id))
    .limit(limit);
}

/** Totals of the filtered log: entries and people by kind and by audience. */
export async function countLogEntries(db: Db, scope: SQL | undefined, q: Partial<LogQuery>) {
  return db
    .select({
      kind: supportLogEntries.kind,
      audience: supportLogEntries.audience,
      entries: count(),
      people: sum(supportLogEntries.peopleCount).mapWith(Number),
    })
    .from(supportLogEntries)
    .innerJoin(schools, eq(schools.id, supportLogEntries.schoolId))
    .where(filtersOf(scope, q))
    .groupBy(supportLogEntries.kind, supportLogEntries.audience);
}

/** One log entry of a school in the scope, or undefined. */
export async function findLogEntryInScope(db: Db, id: number, scope: SQL | undefined) {
  const [row] = await findLogEntriesById(db, id, scope);
  return row;
}

function findLogEntriesById(db: Db, id: number, scope: SQL | undefined) {
  return db
    .select(entryColumns)
    .from(supportLogEntries)
    .innerJoin(schools, eq(schools.id, supportLogEntries.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, supportLogEntries.municipalityId))
    .leftJoin(mocStaff, eq(mocStaff.id, supportLogEntries.staffId))
    .where(and(eq(supportLogEntries.id, id), scope));
}

/** Inserts log entries; returns their ids in order. */
export async function insertLogEntries(db: Db, rows: (typeof supportLogEntries.$inferInsert)[]) {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const out = await db
      .insert(supportLogEntries)
      .values(rows.slice(i, i + 1000))
      .returning({ id: supportLogEntries.id });
    ids.push(...out.map((row) => row.id));
  }
  return ids;
}

/** Rewrites a log entry. */
export async function updateLogEntryRow(
  db: Db,
  id: number,
  values: Partial<typeof supportLogEntries.$inferInsert>,
) {
  await db
    .update(supportLogEntries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(supportLogEntries.id, id));
}

/** Deletes a log entry. */
export async function deleteLogEntryRow(db: Db, id: number) {
  await db.delete(supportLogEntries).where(eq(supportLogEntries.id, id));
}

/** True when the staff member belongs to the МОЦ of the municipality. */
export async function isStaffOfMunicipality(db: Db, staffId: number, municipalityId: number) {
  const [row] = await db
    .select({ id: mocStaff.id })
    .from(mocStaff)
    .innerJoin(mocs, eq(mocs.id, mocStaff.mocId))
    .where(and(eq(mocStaff.id, staffId), eq(mocs.municipalityId, municipalityId)));
  return row !== undefined;
}

/** The МОЦ staff of the municipalities of a region by name (the import reads «who gave it» against them). */
export async function findRegionStaff(db: Db, regionId: number) {
  return db
    .select({ id: mocStaff.id, fullName: mocStaff.fullName, municipalityId: mocs.municipalityId })
    .from(mocStaff)
    .innerJoin(mocs, eq(mocs.id, mocStaff.mocId))
    .innerJoin(municipalities, eq(municipalities.id, mocs.municipalityId))
    .where(eq(municipalities.regionId, regionId));
}
