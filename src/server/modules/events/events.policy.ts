import { EVENT_LEVELS, type EventLevel, MUNICIPAL_EVENT_LEVELS } from "../../../core/events";
import { hasPermission } from "../../../shared/roles";
import { AppError } from "../../platform/errors";
import { REGION_WIDE_ROLES, requirePermission, resolveActorRegionId } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { EventVisibility } from "./events.repo";

/**
 * Who may do what with events: events.manage holders write them — the region every event of the
 * region at any level, a МОЦ the municipal and school events of its own municipality (with its own
 * schools). Everyone who reads schools reads the events the region keeps, those of the
 * municipalities in their scope and those their schools took part in.
 */
export function eventLevelsFor(actor: Actor): EventLevel[] {
  if (!hasPermission(actor.role, "events.manage")) return [];
  if (REGION_WIDE_ROLES.includes(actor.role)) return [...EVENT_LEVELS];
  if (actor.role === "moc_coordinator" && actor.municipalityId !== null) return [...MUNICIPAL_EVENT_LEVELS];
  return [];
}

/** How the actor sees the events of a region (after checking it may read it). */
export function eventVisibility(actor: Actor, regionId?: number): EventVisibility {
  requirePermission(actor, "school.read");
  const region = resolveActorRegionId(actor, regionId);
  return {
    regionId: region,
    regionWide: actor.role === "federal_operator" || REGION_WIDE_ROLES.includes(actor.role),
    municipalities: municipalityScope(actor),
    schools: schoolScope(actor),
  };
}

/** Whether the actor may change an event kept by this municipality (null: by the region). */
export function canEditEvent(
  actor: Actor,
  event: { municipalityId: number | null; level: EventLevel },
): boolean {
  const levels = eventLevelsFor(actor);
  if (levels.length === 0) return false;
  if (REGION_WIDE_ROLES.includes(actor.role)) return true;
  return event.municipalityId === actor.municipalityId && levels.includes(event.level);
}

/** The region the actor writes events in: 403 without events.manage. */
export function manageEventsRegion(actor: Actor): number {
  requirePermission(actor, "events.manage");
  if (eventLevelsFor(actor).length === 0)
    throw new AppError("forbidden", "Недостаточно прав для этого действия");
  return resolveActorRegionId(actor);
}
