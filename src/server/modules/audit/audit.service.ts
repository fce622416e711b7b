import type { AuditAction, AuditEntity } from "../../../shared/audit-codes";
import type { Db } from "../../platform/db";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findAudit, insertAudit } from "./audit.repo";

/**
 * Records one write in the audit trail: who, what, before and after. Call it in the write's
 * transaction. The action and the entity are codes of src/shared/audit-codes.ts, each labelled in
 * Russian on the audit page.
 */
export async function recordAudit(
  db: Db,
  e: {
    actor: Actor;
    action: AuditAction;
    entity: AuditEntity;
    entityId?: string | number;
    before?: unknown;
    after?: unknown;
    ip?: string;
    regionId?: number | null;
  },
): Promise<void> {
  await insertAudit(db, {
    actorId: e.actor.userId > 0 ? e.actor.userId : null,
    actorLogin: e.actor.login,
    regionId: e.regionId ?? e.actor.regionId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId === undefined ? null : String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
    ip: e.ip ?? null,
  });
}

/** The audit trail for a region admin: only their region's entries. */
export async function listAudit({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { entity?: string; beforeId?: number; limit: number };
}) {
  requirePermission(actor, "audit.read");
  return findAudit(db, { regionId: actor.regionId, ...query });
}
