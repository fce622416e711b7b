import type { Run } from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { getRunById, getVisibleRun } from "./run.service";
import { approveRunRow, supersedeApprovedRuns, withdrawRunRow } from "./run-approval.repo";

/**
 * Approves a run: its list becomes the region's official one for its year (region roles). A year has
 * one official list: an earlier approved run of the same year is withdrawn in the same transaction,
 * with the reason «Заменён перечнем запуска № …» (the school card, the МОЦ's runs, the registry of
 * causes and the order appendix all read the one approved run of a year). Audited, each withdrawal too.
 */
export async function approveRun({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<Run> {
  requirePermission(actor, "identification.approve");
  const run = await getVisibleRun(db, actor, id);
  const alreadyApproved = new AppError("conflict", "Запуск уже утверждён");
  if (run.status === "approved") throw alreadyApproved;
  await db.transaction(async (tx) => {
    const isApproved = await approveRunRow(tx, id, { userId: actor.userId || null, name: actor.fullName });
    if (!isApproved) throw alreadyApproved;
    const reason = `Заменён перечнем запуска № ${id}, утверждённым за тот же ${run.year} год`;
    const by = { userId: actor.userId || null, name: actor.fullName, reason };
    for (const replaced of await supersedeApprovedRuns(
      tx,
      { id, regionId: run.regionId, year: run.year },
      by,
    )) {
      await recordAudit(tx, {
        actor,
        action: "withdraw",
        entity: "identification_run",
        entityId: replaced,
        before: { status: "approved" },
        after: { status: "done", reason },
        regionId: run.regionId,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "approve",
      entity: "identification_run",
      entityId: id,
      before: { status: run.status },
      after: { status: "approved" },
      regionId: run.regionId,
    });
  });
  return getRunById({ db, actor, id });
}

/**
 * Withdraws the approval of a run's list (a region admin), with a reason kept in the run and the
 * audit log: the run is not approved again, schools below region level no longer see it, and it can
 * be approved anew. 409 when the run is not approved.
 */
export async function withdrawRun({
  db,
  actor,
  id,
  reason,
}: {
  db: Db;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<Run> {
  requirePermission(actor, "identification.withdraw");
  const run = await getVisibleRun(db, actor, id);
  const text = reason.trim();
  if (text.length === 0) {
    throw new AppError("invalid_input", "Укажите причину отзыва", [
      { path: "reason", message: "Обязательно" },
    ]);
  }
  const notApproved = new AppError("conflict", "Запуск не утверждён: отзывать нечего");
  if (run.status !== "approved") throw notApproved;
  await db.transaction(async (tx) => {
    const by = { userId: actor.userId || null, name: actor.fullName, reason: text };
    if (!(await withdrawRunRow(tx, id, by))) throw notApproved;
    await recordAudit(tx, {
      actor,
      action: "withdraw",
      entity: "identification_run",
      entityId: id,
      before: {
        status: run.status,
        approvedByName: run.approvedByName,
        approvedAt: run.approvedAt?.toISOString(),
      },
      after: { status: "done", reason: text },
      regionId: run.regionId,
    });
  });
  return getRunById({ db, actor, id });
}
