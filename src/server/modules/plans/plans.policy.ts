import {
  allowedPlanActions,
  canRecordExecution,
  isPlanEditable,
  type PlanAction,
  type PlanLevel,
  type PlanSide,
  type PlanStatus,
} from "../../../core/plans";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** Where a plan belongs, as the policy needs it. */
export type PlanOwnerPlace = {
  level: PlanLevel;
  regionId: number;
  /** The road map's municipality, or the school's municipality for a school programme. */
  municipalityId: number | null;
  schoolId: number | null;
};

/** The side a viewer takes on a plan: author, reviewer, a reader (in scope, no side) or none. */
export type PlanViewerSide = "author" | "reviewer" | "reader" | "none";

/**
 * Who is who on a plan:
 * - a school programme: the author is the school's director (`plan.write`), the reviewer the МОЦ
 *   of the school's municipality (`plan.review`);
 * - a municipal road map: the author is that municipality's МОЦ, the reviewer the region (admin or
 *   analyst);
 * - the regional road map: the author is the region's analyst or admin, the reviewer the region's
 *   admin (so an admin holds both sides of it).
 * The sides are returned in the order author, reviewer.
 */
export function planSides(actor: Actor, place: PlanOwnerPlace): PlanSide[] {
  const sides: PlanSide[] = [];
  const inRegion = actor.regionId === place.regionId;
  const isAuthor = (() => {
    if (!can(actor, "plan.write") || !inRegion) return false;
    if (place.level === "school")
      return actor.role === "school_director" && actor.schoolId === place.schoolId;
    if (place.level === "municipal")
      return actor.role === "moc_coordinator" && actor.municipalityId === place.municipalityId;
    return actor.role === "region_analyst" || actor.role === "region_admin";
  })();
  const isReviewer = (() => {
    if (!can(actor, "plan.review") || !inRegion) return false;
    if (place.level === "school")
      return actor.role === "moc_coordinator" && actor.municipalityId === place.municipalityId;
    if (place.level === "municipal") return actor.role === "region_admin" || actor.role === "region_analyst";
    return actor.role === "region_admin";
  })();
  if (isAuthor) sides.push("author");
  if (isReviewer) sides.push("reviewer");
  return sides;
}

/** What a viewer may do with a plan in a state; `isReadable` comes from the scope query. */
export type PlanAccess = {
  side: PlanViewerSide;
  sides: PlanSide[];
  actions: PlanAction[];
  canEdit: boolean;
  canComment: boolean;
  canRecordExecution: boolean;
  canAssign: boolean;
  canEditOrder: boolean;
  /** True when the viewer may add check-ins to every activity (author or reviewer with `plan.checkin`). */
  canCheckInAll: boolean;
};

/**
 * The viewer's access to a plan in a state: the author edits a draft or returned version and fills a
 * municipal road map's order; each side takes the transitions of its side; both sides comment (the
 * reviewer's remarks, the author's answers) and assign mentors, specialists or МОЦ staff to activities
 * while the plan is not locked; once approved, both record execution (states and check-ins). A reader
 * only reads; check-ins of assignees are decided per activity (see canCheckIn).
 */
export function planAccess(
  actor: Actor,
  place: PlanOwnerPlace,
  status: PlanStatus,
  isReadable: boolean,
): PlanAccess {
  const sides = isReadable ? planSides(actor, place) : [];
  const isAuthor = sides.includes("author");
  const isOpen = status !== "locked";
  const side: PlanViewerSide = !isReadable
    ? "none"
    : isAuthor
      ? "author"
      : sides.includes("reviewer")
        ? "reviewer"
        : "reader";
  const actions = sides.flatMap((s) => allowedPlanActions(status, s));
  return {
    side,
    sides,
    actions: [...new Set(actions)],
    canEdit: isAuthor && isPlanEditable(status),
    canComment: sides.length > 0 && isOpen,
    canRecordExecution: sides.length > 0 && canRecordExecution(status) && can(actor, "plan.checkin"),
    canAssign: sides.length > 0 && isOpen,
    canEditOrder: isAuthor && place.level === "municipal" && isOpen,
    canCheckInAll: sides.length > 0 && can(actor, "plan.checkin"),
  };
}

/**
 * True when the viewer may add a check-in to an activity of an approved plan: the author or reviewer
 * to any activity, anyone else with `plan.checkin` (a mentor, a specialist, МОЦ staff) only to an
 * activity assigned to them.
 */
export function canCheckIn(
  actor: Actor,
  access: PlanAccess,
  status: PlanStatus,
  isAssigned: boolean,
): boolean {
  if (!canRecordExecution(status) || !can(actor, "plan.checkin")) return false;
  return access.canCheckInAll || isAssigned;
}
