import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Permission } from "../../../shared/roles";
import { municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission } from "./access.policy";
import { municipalityScope, schoolScope } from "./access.scope";
import type { Actor } from "./actor";
import type { TargetMunicipality } from "./school-write.policy";

/**
 * Set-based access check: returns when the actor has the permission and every school id is in scope,
 * otherwise throws 403 (no permission) or 404 (out of scope: nothing is said about the school).
 */
export async function requireSchoolAccess(
  db: Db,
  opts: { actor: Actor; permission: Permission; schoolIds: number[] },
): Promise<void> {
  requirePermission(opts.actor, opts.permission);
  const ids = [...new Set(opts.schoolIds)];
  if (ids.length === 0) return;
  const [row] = await db
    .select({ n: count() })
    .from(schools)
    .where(and(inArray(schools.id, ids), schoolScope(opts.actor)));
  if ((row?.n ?? 0) !== ids.length) throw notFound("Школа");
}

/** The same set-based check for municipalities. */
export async function requireMunicipalityAccess(
  db: Db,
  opts: { actor: Actor; permission: Permission; municipalityIds: number[] },
): Promise<void> {
  requirePermission(opts.actor, opts.permission);
  const ids = [...new Set(opts.municipalityIds)];
  if (ids.length === 0) return;
  const [row] = await db
    .select({ n: count() })
    .from(municipalities)
    .where(and(inArray(municipalities.id, ids), municipalityScope(opts.actor)));
  if ((row?.n ?? 0) !== ids.length) throw notFound("Муниципалитет");
}

/** A municipality's region and whether the actor's scope holds it (null: no such municipality), for refuseSchoolWrite. */
export async function findTargetMunicipality(db: Db, actor: Actor, id: number): Promise<TargetMunicipality> {
  const [row] = await db
    .select({
      regionId: municipalities.regionId,
      isInScope: sql<boolean>`coalesce(${municipalityScope(actor) ?? sql`true`}, false)`,
    })
    .from(municipalities)
    .where(eq(municipalities.id, id));
  return row ? { regionId: row.regionId, isInScope: row.isInScope === true } : null;
}
