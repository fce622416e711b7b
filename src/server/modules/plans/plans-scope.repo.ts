import { type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../shared/roles";
import { municipalities, planActivityAssignees, plans, regions, schools } from "../../db/schema";
import { ASSIGNMENT_ROLES } from "../access/access.policy";
import { municipalityScope, regionScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";

/** Roles that read the regional road map of their region: the region, its МОЦ, the federal operator. */
const REGIONAL_READERS: readonly Role[] = [
  "federal_operator",
  "region_admin",
  "region_analyst",
  "moc_coordinator",
];

const ANY = sql`true`;

/**
 * Which plans the actor reads, as one SQL condition over `plans`, built from the access module's
 * scope filters: a school programme when the school is in the actor's school scope (a МОЦ its
 * schools', a director its own, a mentor or specialist the schools assigned to them, the region all);
 * a municipal road map when the municipality is in the actor's municipality scope (mentors and
 * specialists excepted); the regional road map for the region's own users above the school and the
 * federal operator; and any plan with an activity assigned to the actor.
 */
export function planScope(actor: Actor): SQL {
  const parts: SQL[] = [
    sql`(${plans.level} = 'school' and ${plans.schoolId} in (select ${schools.id} from ${schools} where ${schoolScope(actor) ?? ANY}))`,
  ];
  if (!ASSIGNMENT_ROLES.includes(actor.role)) {
    parts.push(
      sql`(${plans.level} = 'municipal' and ${plans.municipalityId} in (select ${municipalities.id} from ${municipalities} where ${municipalityScope(actor) ?? ANY}))`,
    );
  }
  if (REGIONAL_READERS.includes(actor.role)) {
    parts.push(
      sql`(${plans.level} = 'regional' and ${plans.regionId} in (select ${regions.id} from ${regions} where ${regionScope(actor) ?? ANY}))`,
    );
  }
  if (actor.userId > 0) {
    parts.push(
      sql`${plans.id} in (select ${planActivityAssignees.planId} from ${planActivityAssignees} where ${planActivityAssignees.userId} = ${actor.userId})`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}
