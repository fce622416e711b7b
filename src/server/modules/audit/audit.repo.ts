import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Db } from "../../platform/db";

/** One row to write to the audit trail. */
export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends to the audit trail. */
export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** A page of the audit trail, newest first, optionally limited to a region and an entity. */
export async function findAudit(
  db: Db,
  opts: { regionId: number | null; entity?: string; beforeId?: number; limit: number },
) {
  const conditions: SQL[] = [];
  if (opts.regionId !== null) conditions.push(eq(auditLog.regionId, opts.regionId));
  if (opts.entity) conditions.push(eq(auditLog.entity, opts.entity));
  if (opts.beforeId) conditions.push(lt(auditLog.id, opts.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(opts.limit);
}
