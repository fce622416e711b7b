import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  type EventKind,
  type EventLevel,
  type EventParticipation,
  schoolYearRange,
  summarizeEvents,
} from "../../../core/events";
import { eventSchools, events, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** The values an event is written with (its schools apart). */
export type EventValues = {
  kind: EventKind;
  level: EventLevel;
  heldOn: string;
  topic: string;
  organiser: string;
  municipalityId: number | null;
  teachersCount: number;
  headsCount: number;
  studentsCount: number;
  municipalitiesCount: number;
  description: string;
};

/** How an actor sees events: the region, whether region-wide, and the scope conditions of the access module. */
export type EventVisibility = {
  regionId: number;
  regionWide: boolean;
  /** Over `municipalities`: the municipalities whose kept events the actor reads. */
  municipalities: SQL | undefined;
  /** Over `schools`: the schools the actor sees (their participation, and the events they took part in). */
  schools: SQL | undefined;
};

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The events an actor sees: region-wide roles every event of the region; others the events the
 * region keeps (municipality_id null), those kept by a municipality in their scope, and those a
 * school in their scope took part in.
 */
function visible(v: EventVisibility): SQL | undefined {
  if (v.regionWide) return eq(events.regionId, v.regionId);
  return and(
    eq(events.regionId, v.regionId),
    or(
      sql`${events.municipalityId} is null`,
      sql`${events.municipalityId} in (select ${municipalities.id} from ${municipalities} where ${v.municipalities ?? sql`true`})`,
      sql`exists (select 1 from ${eventSchools} inner join ${schools} on ${schools.id} = ${eventSchools.schoolId} where ${eventSchools.eventId} = ${events.id} and ${v.schools ?? sql`true`})`,
    ),
  );
}

/** An event row with its keeper's name and every participating school counted. */
export type EventRow = typeof events.$inferSelect & { municipalityName: string | null; schoolCount: number };

/** The events the actor sees, filtered, latest first. */
export async function findEvents(
  db: Db,
  v: EventVisibility,
  filters: {
    year?: number;
    level?: EventLevel;
    kind?: EventKind;
    schoolId?: number;
    q?: string;
    id?: number;
  },
): Promise<EventRow[]> {
  const conditions: (SQL | undefined)[] = [visible(v)];
  if (filters.id !== undefined) conditions.push(eq(events.id, filters.id));
  if (filters.level) conditions.push(eq(events.level, filters.level));
  if (filters.kind) conditions.push(eq(events.kind, filters.kind));
  if (filters.q)
    conditions.push(or(ilike(events.topic, like(filters.q)), ilike(events.organiser, like(filters.q))));
  if (filters.year !== undefined) {
    const { from, to } = schoolYearRange(filters.year);
    conditions.push(sql`${events.heldOn} between ${from} and ${to}`);
  }
  if (filters.schoolId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${eventSchools} where ${eventSchools.eventId} = ${events.id} and ${eventSchools.schoolId} = ${filters.schoolId})`,
    );
  const rows = await db
    .select({
      event: events,
      municipalityName: municipalities.name,
      schoolCount: sql<number>`(select count(*)::int from ${eventSchools} where ${eventSchools.eventId} = ${events.id})`,
    })
    .from(events)
    .leftJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .where(and(...conditions))
    .orderBy(desc(events.heldOn), asc(events.id));
  return rows.map((r) => ({ ...r.event, municipalityName: r.municipalityName, schoolCount: r.schoolCount }));
}

/** The participating schools of the events that the actor sees, by event. */
export async function findEventSchools(db: Db, eventIds: number[], scope: SQL | undefined) {
  const out = new Map<number, { id: number; code: string; name: string }[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({ eventId: eventSchools.eventId, id: schools.id, code: schools.code, name: schools.shortName })
    .from(eventSchools)
    .innerJoin(schools, eq(schools.id, eventSchools.schoolId))
    .where(and(inArray(eventSchools.eventId, eventIds), scope))
    .orderBy(asc(schools.code));
  for (const { eventId, ...school } of rows) out.set(eventId, [...(out.get(eventId) ?? []), school]);
  return out;
}

/** One event of the region as stored, with its school ids, or undefined. */
export async function findEventRow(db: Db, regionId: number, id: number) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.regionId, regionId)));
  if (!row) return undefined;
  const ids = await db
    .select({ id: eventSchools.schoolId })
    .from(eventSchools)
    .where(eq(eventSchools.eventId, id));
  return { ...row, schoolIds: ids.map((r) => r.id).sort((a, b) => a - b) };
}

/** The schools of the ids that are in the region and the scope. */
export async function findSchoolsInScope(db: Db, regionId: number, scope: SQL | undefined, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: schools.id, municipalityId: schools.municipalityId })
    .from(schools)
    .where(and(inArray(schools.id, ids), eq(schools.regionId, regionId), scope));
}

/** The schools in scope by code (the import names them so). */
export async function findSchoolIdsByCode(db: Db, regionId: number, scope: SQL | undefined, codes: string[]) {
  if (codes.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: schools.id, code: schools.code })
    .from(schools)
    .where(and(eq(schools.regionId, regionId), inArray(schools.code, codes), scope));
  return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
}

/** The region's municipalities by lower-cased name and code (the import names a keeper so). */
export async function findMunicipalityIds(db: Db, regionId: number) {
  const rows = await db
    .select({ id: municipalities.id, name: municipalities.name, code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  const out = new Map<string, number>();
  for (const r of rows) {
    out.set(r.name.trim().toLowerCase(), r.id);
    out.set(r.code.trim().toLowerCase(), r.id);
  }
  return out;
}

/** Adds events with their schools; their ids in order. */
export async function insertEvents(
  db: Db,
  regionId: number,
  rows: (EventValues & { schoolIds: number[] })[],
  createdBy: number | null,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await db
    .insert(events)
    .values(rows.map(({ schoolIds: _, ...v }) => ({ ...v, regionId, createdBy })))
    .returning({ id: events.id });
  const links = rows.flatMap((row, k) =>
    row.schoolIds.map((schoolId) => ({ eventId: ids[k]?.id ?? 0, schoolId })),
  );
  for (let at = 0; at < links.length; at += 5000) {
    await db
      .insert(eventSchools)
      .values(links.slice(at, at + 5000))
      .onConflictDoNothing();
  }
  return ids.map((r) => r.id);
}

/** Changes an event and, when given, replaces its schools. */
export async function updateEventRow(
  db: Db,
  id: number,
  values: EventValues,
  schoolIds?: number[],
): Promise<void> {
  await db
    .update(events)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(events.id, id));
  if (schoolIds === undefined) return;
  await db.delete(eventSchools).where(eq(eventSchools.eventId, id));
  if (schoolIds.length > 0)
    await db
      .insert(eventSchools)
      .values(schoolIds.map((schoolId) => ({ eventId: id, schoolId })))
      .onConflictDoNothing();
}

/** Deletes an event (its schools go with it). */
export async function deleteEventRow(db: Db, id: number): Promise<void> {
  await db.delete(events).where(eq(events.id, id));
}

/** The scope of a summary: a region and a condition over `schools` (the access module's schoolScope). */
export type EventSummaryScope = { regionId: number; schools?: SQL | undefined };

/** The participations of the schools in scope in the events of a school year. */
export async function findParticipations(
  db: Db,
  scope: EventSummaryScope,
  year: number,
): Promise<EventParticipation[]> {
  const { from, to } = schoolYearRange(year);
  return db
    .select({
      schoolId: eventSchools.schoolId,
      eventId: events.id,
      level: events.level,
      heldOn: events.heldOn,
    })
    .from(eventSchools)
    .innerJoin(events, eq(events.id, eventSchools.eventId))
    .innerJoin(schools, eq(schools.id, eventSchools.schoolId))
    .where(
      and(
        eq(events.regionId, scope.regionId),
        eq(schools.regionId, scope.regionId),
        scope.schools,
        sql`${events.heldOn} between ${from} and ${to}`,
      ),
    );
}

/**
 * Participation in events by level per school in a school year, for the monitoring (issue 13) and
 * the support dashboard: each school of the scope that took part in any event, with its events
 * counted by level (the core's summarizeEvents documents the counting).
 */
export async function eventsSummaryBySchool(db: Db, scope: EventSummaryScope, year: number) {
  return summarizeEvents(await findParticipations(db, scope, year), year);
}

/** Every school of a region with its municipality, and the municipalities' names (the demo's events). */
export async function findRegionPlaces(db: Db, regionId: number) {
  const schoolRows = await db
    .select({ id: schools.id, municipalityId: schools.municipalityId })
    .from(schools)
    .where(eq(schools.regionId, regionId))
    .orderBy(asc(schools.id));
  const names = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return { schools: schoolRows, municipalityNames: new Map(names.map((m) => [m.id, m.name])) };
}
