import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { municipalities, regions, schools, userSchoolAssignments } from "../../db/schema";
import type { Actor } from "./actor";

/** A condition that is false for every row: used when an actor's scope is empty. */
const NOTHING = sql`false`;

/** A federal operator's rows: every region, or only the listed ones (a demo federal account). */
function federalScope(actor: Actor, regionColumn: AnyPgColumn): SQL | undefined {
  if (actor.federalRegionIds === null) return undefined;
  return actor.federalRegionIds.length === 0 ? NOTHING : inArray(regionColumn, [...actor.federalRegionIds]);
}

/** Schools assigned to the actor (mentors and specialists), as a subquery. */
function assignedSchoolIds(actor: Actor) {
  return sql`(select ${userSchoolAssignments.schoolId} from ${userSchoolAssignments} where ${userSchoolAssignments.userId} = ${actor.userId})`;
}

/**
 * The one scope filter over `schools`: which schools the actor may see.
 * Every list and read of school data applies it in SQL. Returns undefined for "no restriction".
 */
export function schoolScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "federal_operator":
      return federalScope(actor, schools.regionId);
    case "region_admin":
    case "region_analyst":
      return actor.regionId === null ? NOTHING : eq(schools.regionId, actor.regionId);
    case "moc_coordinator":
      return actor.municipalityId === null ? NOTHING : eq(schools.municipalityId, actor.municipalityId);
    case "school_director":
      return actor.schoolId === null ? NOTHING : eq(schools.id, actor.schoolId);
    case "mentor":
    case "specialist":
      return inArray(schools.id, assignedSchoolIds(actor));
  }
}

/** Which municipalities the actor may see: the region's for region roles, the own one for a МОЦ. */
export function municipalityScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "federal_operator":
      return federalScope(actor, municipalities.regionId);
    case "region_admin":
    case "region_analyst":
      return actor.regionId === null ? NOTHING : eq(municipalities.regionId, actor.regionId);
    case "moc_coordinator":
      return actor.municipalityId === null ? NOTHING : eq(municipalities.id, actor.municipalityId);
    case "school_director":
      return actor.schoolId === null
        ? NOTHING
        : sql`${municipalities.id} in (select ${schools.municipalityId} from ${schools} where ${schools.id} = ${actor.schoolId})`;
    case "mentor":
    case "specialist":
      return sql`${municipalities.id} in (select ${schools.municipalityId} from ${schools} where ${schools.id} in ${assignedSchoolIds(actor)})`;
  }
}

/** Which regions the actor may see. */
export function regionScope(actor: Actor): SQL | undefined {
  if (actor.role === "federal_operator") return federalScope(actor, regions.id);
  return actor.regionId === null ? NOTHING : eq(regions.id, actor.regionId);
}
