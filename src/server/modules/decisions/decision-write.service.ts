import { type DecisionAction, nextDecisionStatus, refuseDecisionAction } from "../../../core/decisions";
import type { DecisionItem, DecisionPropose } from "../../../shared/decisions-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findProgrammeSchools } from "../causes/registry.repo";
import {
  type DecisionRecord,
  findDecisionById,
  findDecisionSchools,
  findSchoolDecision,
  insertDecision,
  updateDecision,
} from "./decisions.repo";
import { toDecisionItem } from "./decisions.service";

function refuse(status: DecisionRecord["status"] | null, action: DecisionAction): void {
  const message = refuseDecisionAction(status, action);
  if (message !== null) throw new AppError("conflict", message);
}

async function reread(db: Db, id: number): Promise<DecisionItem> {
  const row = await findDecisionById(db, id);
  if (!row) throw notFound("Решение");
  return toDecisionItem(row);
}

/**
 * The МОЦ proposes the decision on a programme school of its municipality for a programme year, or
 * changes its proposal while the region has not approved it (`decision.propose`, the school in scope
 * and in the programme of that year); the decision becomes «предложено»; audited.
 */
export async function proposeDecision({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: DecisionPropose;
}): Promise<DecisionItem> {
  await requireSchoolAccess(db, { actor, permission: "decision.propose", schoolIds: [input.schoolId] });
  const [school] = await findDecisionSchools(db, [input.schoolId]);
  if (!school) throw notFound("Школа");
  const programme = await findProgrammeSchools(db, {
    regionId: school.regionId,
    years: [input.year - 1],
    scope: schoolScope(actor),
  });
  if (!programme.some((row) => row.schoolId === school.schoolId)) {
    const message = `Школа не входит в программу ${input.year} года (список идентификации ${input.year - 1} года)`;
    throw new AppError("invalid_input", message, [{ path: "schoolId", message }]);
  }
  const existing = await findSchoolDecision(db, school.schoolId, input.year);
  refuse(existing?.status ?? null, "propose");
  const proposal = {
    kind: input.kind,
    reasons: input.reasons,
    status: "proposed" as const,
    message: "",
    proposedBy: actor.userId || null,
    proposedByName: actor.fullName,
    proposedAt: new Date(),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
  };
  const id = await db.transaction(async (tx) => {
    let id = existing?.id;
    if (existing) {
      if (!(await updateDecision(tx, existing.id, existing.status, proposal)))
        throw new AppError("conflict", "Решение только что изменили: обновите страницу");
    } else {
      id = await insertDecision(tx, {
        ...proposal,
        regionId: school.regionId,
        municipalityId: school.municipalityId,
        schoolId: school.schoolId,
        year: input.year,
      });
    }
    if (id === undefined) throw new Error("Решение не сохранено");
    await recordAudit(tx, {
      actor,
      action: "propose",
      entity: "school_decision",
      entityId: id,
      before: existing
        ? { kind: existing.kind, reasons: existing.reasons, status: existing.status }
        : undefined,
      after: input,
      regionId: school.regionId,
    });
    return id;
  });
  return reread(db, id);
}

/** A decision whose school is in the actor's scope (`decision.approve`); others are 404. */
async function decisionForRegion(db: Db, actor: Actor, id: number): Promise<DecisionRecord> {
  requirePermission(actor, "decision.approve");
  const row = await findDecisionById(db, id);
  if (!row) throw notFound("Решение");
  await requireSchoolAccess(db, { actor, permission: "decision.approve", schoolIds: [row.schoolId] });
  return row;
}

/**
 * The region approves a proposed decision, or returns it to the МОЦ with a message
 * (`decision.approve`, the school in scope); audited.
 */
export async function decideDecision({
  db,
  actor,
  id,
  action,
  message = "",
}: {
  db: Db;
  actor: Actor;
  id: number;
  action: "approve" | "return";
  message?: string;
}): Promise<DecisionItem> {
  const row = await decisionForRegion(db, actor, id);
  refuse(row.status, action);
  const status = nextDecisionStatus(action);
  await db.transaction(async (tx) => {
    const changed = await updateDecision(tx, id, row.status, {
      status,
      message: action === "return" ? message : "",
      decidedBy: actor.userId || null,
      decidedByName: actor.fullName,
      decidedAt: new Date(),
    });
    if (!changed) throw new AppError("conflict", "Решение только что изменили: обновите страницу");
    await recordAudit(tx, {
      actor,
      action,
      entity: "school_decision",
      entityId: id,
      before: { status: row.status },
      after: { status, message },
      regionId: row.regionId,
    });
  });
  return reread(db, id);
}
