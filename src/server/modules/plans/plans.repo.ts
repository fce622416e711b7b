import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Plan, PlanLevel, PlanStatus } from "../../../core/plans";
import { municipalities, plans, planVersions, regions, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** The municipality a plan belongs to: the road map's own, or the school's for a school programme. */
const planMunicipalityId = sql<number | null>`coalesce(${plans.municipalityId}, ${schools.municipalityId})`;

const planColumns = {
  id: plans.id,
  level: plans.level,
  kind: plans.kind,
  year: plans.year,
  order: plans.order,
  regionId: plans.regionId,
  regionName: regions.name,
  municipalityId: planMunicipalityId.mapWith(Number),
  municipalityName: municipalities.name,
  schoolId: plans.schoolId,
  schoolName: schools.fullName,
  schoolCode: schools.code,
  updatedAt: plans.updatedAt,
  versionId: planVersions.id,
  version: planVersions.version,
  status: planVersions.status,
  content: planVersions.content,
};

/** A plan with its place and its current version. */
export type PlanRow = {
  id: number;
  level: PlanLevel;
  kind: string;
  year: number;
  order: Record<string, unknown> | null;
  regionId: number;
  regionName: string;
  municipalityId: number | null;
  municipalityName: string | null;
  schoolId: number | null;
  schoolName: string | null;
  schoolCode: string | null;
  updatedAt: Date;
  versionId: number;
  version: number;
  status: PlanStatus;
  content: Plan;
};

function selectPlans(db: Db) {
  return db
    .select(planColumns)
    .from(plans)
    .innerJoin(regions, eq(regions.id, plans.regionId))
    .innerJoin(planVersions, eq(planVersions.id, plans.currentVersionId))
    .leftJoin(schools, eq(schools.id, plans.schoolId))
    .leftJoin(municipalities, eq(municipalities.id, planMunicipalityId));
}

/** A plan in the scope, with its current version; undefined when missing or out of scope. */
export async function findPlanInScope(db: Db, id: number, scope: SQL): Promise<PlanRow | undefined> {
  const [row] = await selectPlans(db).where(and(eq(plans.id, id), scope));
  return row;
}

/** Filters of the plans list. */
export type PlanFilters = {
  level?: PlanLevel;
  year?: number;
  municipalityId?: number;
  schoolId?: number;
  status?: PlanStatus;
  regionId?: number;
};

/** The plans in the scope matching the filters, by level, place and title. */
export async function findPlans(db: Db, scope: SQL, filters: PlanFilters): Promise<PlanRow[]> {
  const conditions: (SQL | undefined)[] = [scope];
  if (filters.level) conditions.push(eq(plans.level, filters.level));
  if (filters.year) conditions.push(eq(plans.year, filters.year));
  if (filters.municipalityId) conditions.push(sql`${planMunicipalityId} = ${filters.municipalityId}`);
  if (filters.schoolId) conditions.push(eq(plans.schoolId, filters.schoolId));
  if (filters.status) conditions.push(eq(planVersions.status, filters.status));
  if (filters.regionId) conditions.push(eq(plans.regionId, filters.regionId));
  return selectPlans(db)
    .where(and(...conditions))
    .orderBy(
      sql`case ${plans.level} when 'regional' then 0 when 'municipal' then 1 else 2 end`,
      asc(municipalities.name),
      asc(schools.fullName),
      desc(plans.year),
      asc(plans.id),
    );
}

/** Locks a plan's row for the rest of the transaction (one write at a time per plan). */
export async function lockPlan(db: Db, id: number): Promise<void> {
  await db.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).for("update");
}

/** Inserts a plan (without a current version yet); returns its id. */
export async function insertPlan(db: Db, values: typeof plans.$inferInsert): Promise<number> {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id });
  if (!row) throw new Error("План не создан");
  return row.id;
}

/** Inserts a version of a plan's content; returns its id. */
export async function insertPlanVersion(db: Db, values: typeof planVersions.$inferInsert): Promise<number> {
  const [row] = await db.insert(planVersions).values(values).returning({ id: planVersions.id });
  if (!row) throw new Error("Версия плана не создана");
  return row.id;
}

/** Makes a version the plan's current one. */
export async function setCurrentVersion(db: Db, planId: number, versionId: number): Promise<void> {
  await db
    .update(plans)
    .set({ currentVersionId: versionId, updatedAt: new Date() })
    .where(eq(plans.id, planId));
}

/** Changes a plan's own columns (its year, its order details) and touches it. */
export async function updatePlanRow(
  db: Db,
  id: number,
  values: Partial<Pick<typeof plans.$inferInsert, "year" | "order">>,
): Promise<void> {
  await db
    .update(plans)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(plans.id, id));
}

/** Changes a version: its content or its state with the state's timestamps. */
export async function updatePlanVersion(
  db: Db,
  id: number,
  values: Partial<
    Pick<
      typeof planVersions.$inferInsert,
      "content" | "status" | "submittedAt" | "approvedAt" | "approvedBy" | "approvedByName"
    >
  >,
): Promise<void> {
  await db
    .update(planVersions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(planVersions.id, id));
}

const versionColumns = {
  id: planVersions.id,
  version: planVersions.version,
  status: planVersions.status,
  reason: planVersions.reason,
  createdAt: planVersions.createdAt,
  createdByName: planVersions.createdByName,
  submittedAt: planVersions.submittedAt,
  approvedAt: planVersions.approvedAt,
  approvedByName: planVersions.approvedByName,
};

/** A plan's versions, oldest first, without their content. */
export async function findPlanVersions(db: Db, planId: number) {
  return db
    .select(versionColumns)
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.version));
}

/** One version of a plan with its content. */
export async function findPlanVersion(db: Db, planId: number, version: number) {
  const [row] = await db
    .select({ ...versionColumns, content: planVersions.content })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  return row;
}

/** Versions of a plan in a state (e.g. the approved ones a new approval supersedes). */
export async function findPlanVersionIds(db: Db, planId: number, status: PlanStatus): Promise<number[]> {
  const rows = await db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.status, status)));
  return rows.map((row) => row.id);
}

/** Sets the state of several versions at once. */
export async function setVersionsStatus(db: Db, ids: number[], status: PlanStatus): Promise<void> {
  if (ids.length === 0) return;
  await db.update(planVersions).set({ status, updatedAt: new Date() }).where(inArray(planVersions.id, ids));
}
