import { and, count, desc, eq } from "drizzle-orm";
import type { Workbook } from "../../../core/causes";
import { users, workbookResponses, workbookVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A version of a region's workbook with who made it. */
export type WorkbookVersionRow = {
  id: number;
  regionId: number;
  version: number;
  definition: Workbook;
  note: string;
  createdAt: Date;
  createdByName: string | null;
};

const columns = {
  id: workbookVersions.id,
  regionId: workbookVersions.regionId,
  version: workbookVersions.version,
  definition: workbookVersions.definition,
  note: workbookVersions.note,
  createdAt: workbookVersions.createdAt,
  createdByName: users.fullName,
};

function versions(db: Db) {
  return db.select(columns).from(workbookVersions).leftJoin(users, eq(users.id, workbookVersions.createdBy));
}

/** The region's current workbook version (the highest), or undefined when it has none. */
export async function findCurrentWorkbookVersion(
  db: Db,
  regionId: number,
): Promise<WorkbookVersionRow | undefined> {
  const [row] = await versions(db)
    .where(eq(workbookVersions.regionId, regionId))
    .orderBy(desc(workbookVersions.version))
    .limit(1);
  return row;
}

/** One version of a region's workbook by id. */
export async function findWorkbookVersionById(
  db: Db,
  regionId: number,
  id: number,
): Promise<WorkbookVersionRow | undefined> {
  const [row] = await versions(db).where(
    and(eq(workbookVersions.regionId, regionId), eq(workbookVersions.id, id)),
  );
  return row;
}

/** Every version of the region's workbook, newest first, with how many answers each was given under. */
export async function findWorkbookVersions(db: Db, regionId: number) {
  const rows = await versions(db)
    .where(eq(workbookVersions.regionId, regionId))
    .orderBy(desc(workbookVersions.version));
  const counts = await db
    .select({ versionId: workbookResponses.versionId, n: count() })
    .from(workbookResponses)
    .innerJoin(workbookVersions, eq(workbookVersions.id, workbookResponses.versionId))
    .where(eq(workbookVersions.regionId, regionId))
    .groupBy(workbookResponses.versionId);
  const byVersion = new Map(counts.map((row) => [row.versionId, row.n]));
  return rows.map((row) => ({ ...row, responseCount: byVersion.get(row.id) ?? 0 }));
}

/**
 * Writes a new version; undefined when the region already has that version number (another edit
 * came first), so that the caller can say so instead of failing on the unique key.
 */
export async function insertWorkbookVersion(
  db: Db,
  values: { regionId: number; version: number; definition: Workbook; note: string; createdBy: number | null },
): Promise<number | undefined> {
  const [row] = await db
    .insert(workbookVersions)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: workbookVersions.id });
  return row?.id;
}
