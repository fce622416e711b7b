import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { FormStatus } from "../../../core/forms/form-workflow";
import { formEvents, formSubmissions, municipalities, schools, valueUnlocks } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A school's form row for a year. */
export type FormRow = { id: number; status: FormStatus };

/** The form of a school for a year, or undefined (no form yet reads as a draft). Locks it in a transaction. */
export async function findForm(
  db: Db,
  schoolId: number,
  year: number,
  opts: { forUpdate?: boolean } = {},
): Promise<FormRow | undefined> {
  const query = db
    .select({ id: formSubmissions.id, status: formSubmissions.status })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.schoolId, schoolId), eq(formSubmissions.year, year)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row;
}

/** The form's id, creating the form as a draft when there is none. */
export async function ensureForm(db: Db, schoolId: number, year: number): Promise<FormRow> {
  await db.insert(formSubmissions).values({ schoolId, year }).onConflictDoNothing();
  const row = await findForm(db, schoolId, year, { forUpdate: true });
  if (!row) throw new Error("Форма не создана");
  return row;
}

/** Moves a form to a state. */
export async function setFormStatus(db: Db, id: number, status: FormStatus): Promise<void> {
  await db.update(formSubmissions).set({ status, updatedAt: new Date() }).where(eq(formSubmissions.id, id));
}

/** Records a step of a form's history. */
export async function insertFormEvent(db: Db, values: typeof formEvents.$inferInsert): Promise<void> {
  await db.insert(formEvents).values(values);
}

/** A form's history, oldest first. */
export async function findFormEvents(db: Db, submissionId: number) {
  return db
    .select({
      id: formEvents.id,
      fromStatus: formEvents.fromStatus,
      toStatus: formEvents.toStatus,
      message: formEvents.message,
      actorName: formEvents.actorName,
      at: formEvents.at,
    })
    .from(formEvents)
    .where(eq(formEvents.submissionId, submissionId))
    .orderBy(asc(formEvents.at), asc(formEvents.id));
}

/** Unlocks of a form not yet used by a save: indicator id → reason. */
export async function findOpenUnlocks(db: Db, submissionId: number): Promise<Map<number, string>> {
  const rows = await db
    .select({ indicatorId: valueUnlocks.indicatorId, reason: valueUnlocks.reason })
    .from(valueUnlocks)
    .where(and(eq(valueUnlocks.submissionId, submissionId), isNull(valueUnlocks.usedAt)))
    .orderBy(asc(valueUnlocks.id));
  return new Map(rows.map((r) => [r.indicatorId, r.reason]));
}

/** Records a region's unlock of one value of a form. */
export async function insertUnlock(db: Db, values: typeof valueUnlocks.$inferInsert): Promise<void> {
  await db.insert(valueUnlocks).values(values);
}

/** Marks a form's open unlocks of these indicators used: the values lock again. */
export async function closeUnlocks(db: Db, submissionId: number, indicatorIds: number[]): Promise<void> {
  if (!indicatorIds.length) return;
  await db
    .update(valueUnlocks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(valueUnlocks.submissionId, submissionId),
        isNull(valueUnlocks.usedAt),
        sql`${valueUnlocks.indicatorId} = any(${`{${indicatorIds.join(",")}}`}::int[])`,
      ),
    );
}

const statusOf = sql<FormStatus>`coalesce(${formSubmissions.status}, 'draft')`;
const countOf = (status: FormStatus) => sql<number>`(count(*) filter (where ${statusOf} = ${status}))::int`;

/** Schools in scope by form state for a year, per municipality; schools without a form count as drafts. */
export async function findFormDashboard(
  db: Db,
  opts: { year: number; scope: SQL | undefined; regionId?: number },
) {
  return db
    .select({
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
      total: sql<number>`count(*)::int`,
      draft: countOf("draft"),
      submitted: countOf("submitted"),
      approved: countOf("approved"),
      accepted: countOf("accepted"),
      returned: countOf("returned"),
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .leftJoin(
      formSubmissions,
      and(eq(formSubmissions.schoolId, schools.id), eq(formSubmissions.year, opts.year)),
    )
    .where(and(opts.scope, opts.regionId === undefined ? undefined : eq(schools.regionId, opts.regionId)))
    .groupBy(municipalities.id, municipalities.name)
    .orderBy(asc(municipalities.name));
}

/** Schools in scope with their form state for a year, optionally of one municipality. */
export async function findFormList(
  db: Db,
  opts: { year: number; scope: SQL | undefined; municipalityId?: number },
) {
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipalityName: municipalities.name,
      status: statusOf,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .leftJoin(
      formSubmissions,
      and(eq(formSubmissions.schoolId, schools.id), eq(formSubmissions.year, opts.year)),
    )
    .where(and(opts.scope, opts.municipalityId ? eq(schools.municipalityId, opts.municipalityId) : undefined))
    .orderBy(asc(municipalities.name), asc(schools.code));
}

/** The years with forms of schools in scope (of one region, when given), newest first. */
export async function findFormYears(db: Db, scope: SQL | undefined, regionId?: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: formSubmissions.year })
    .from(formSubmissions)
    .innerJoin(schools, eq(schools.id, formSubmissions.schoolId))
    .where(and(scope, regionId === undefined ? undefined : eq(schools.regionId, regionId)))
    .orderBy(desc(formSubmissions.year));
  return rows.map((r) => r.year);
}
