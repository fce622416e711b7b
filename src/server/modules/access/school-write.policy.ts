import { AppError, notFound } from "../../platform/errors";
import { can } from "./access.policy";
import type { Actor } from "./actor";

/**
 * The municipality a school is created in or moved to: its region, and whether the actor's scope
 * holds it (municipalityScope); null when there is no such municipality.
 */
export type TargetMunicipality = { regionId: number; isInScope: boolean } | null;

/**
 * One write of one school as the rule sees it: a new school in a municipality, or a change of a
 * school (null when it is not in the actor's scope: missing and out of scope look the same) that
 * may change its identity (code or municipality) and, when it moves, names the new municipality.
 */
export type SchoolWriteFacts =
  | { kind: "create"; target: TargetMunicipality }
  | {
      kind: "update";
      school: { regionId: number } | null;
      changesIdentity: boolean;
      /** The municipality it moves to; undefined when the municipality stays. */
      target?: TargetMunicipality;
    };

/** Why a school write is refused; each maps to an HTTP answer by schoolWriteError. */
export type SchoolWriteRefusal =
  | "no_update_right"
  | "no_create_right"
  | "school_not_found"
  | "no_identity_right"
  | "municipality_not_found"
  | "other_region";

function targetRefusal(target: TargetMunicipality, regionId?: number): SchoolWriteRefusal | null {
  if (!target?.isInScope) return "municipality_not_found";
  if (regionId !== undefined && target.regionId !== regionId) return "other_region";
  return null;
}

/**
 * The one rule of who may write a school (PATCH /api/schools/:id, POST /api/schools and the school
 * registry import): a change needs school.update and the school in the actor's scope; its
 * description (names, sizes, address) is then free, but its identity — code and municipality —
 * needs school.create, and a move goes only to a municipality in the actor's scope and region. A new
 * school needs school.create and a municipality in scope. So a МОЦ edits only the schools of its
 * municipality and moves none; a region analyst changes none. Returns null when the write is allowed.
 */
export function refuseSchoolWrite(actor: Actor, facts: SchoolWriteFacts): SchoolWriteRefusal | null {
  if (facts.kind === "create") {
    if (!can(actor, "school.create")) return "no_create_right";
    return targetRefusal(facts.target);
  }
  if (!can(actor, "school.update")) return "no_update_right";
  if (!facts.school) return "school_not_found";
  if (!facts.changesIdentity) return null;
  if (!can(actor, "school.create")) return "no_identity_right";
  if (facts.target === undefined) return null;
  return targetRefusal(facts.target, facts.school.regionId);
}

/** The API's answer to a refused school write: 403 for a missing right, 404 for what is out of scope. */
export function schoolWriteError(refusal: SchoolWriteRefusal): AppError {
  switch (refusal) {
    case "no_update_right":
    case "no_create_right":
    case "no_identity_right":
      return new AppError("forbidden", "Недостаточно прав для этого действия");
    case "school_not_found":
      return notFound("Школа");
    case "municipality_not_found":
      return notFound("Муниципалитет");
    case "other_region":
      return new AppError("invalid_input", "Нельзя перенести школу в другой регион");
  }
}
