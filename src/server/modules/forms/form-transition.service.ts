import {
  actionPermissions,
  checkTransition,
  FORM_STATUS_LABELS,
  isLocked,
} from "../../../core/forms/form-workflow";
import type { AuditAction } from "../../../shared/audit-codes";
import type { FormTransition, FormUnlock, SchoolForm } from "../../../shared/data-collection";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { recordAudit } from "../audit/audit.service";
import { findIndicatorById } from "../indicators/indicator.repo";
import { ensureForm, insertFormEvent, insertUnlock, setFormStatus } from "./forms.repo";
import { type FormTarget, getSchoolForm, requireFormSchool } from "./forms.service";

const ACTION_LABELS: Record<FormTransition["action"], AuditAction> = {
  submit: "form_submit",
  approve: "form_approve",
  accept: "form_accept",
  return: "form_return",
};

/**
 * Moves a school's form: submit (the school or its МОЦ), approve or return (the МОЦ), accept or return
 * an approved form (the region). A return needs a message, which the school then sees. 404 when the
 * school is out of scope, 403 without the right, 409 when the state does not allow the action.
 */
export async function transitionForm({
  db,
  actor,
  schoolId,
  year,
  input,
}: FormTarget & { input: FormTransition }): Promise<SchoolForm> {
  const school = await requireFormSchool(db, actor, schoolId);
  const needed = actionPermissions(input.action);
  if (!needed.some((p) => can(actor, p))) requirePermission(actor, needed[0] ?? "data.enter");
  await db.transaction(async (tx) => {
    const form = await ensureForm(tx, schoolId, year);
    const check = checkTransition(form.status, input.action, input.message);
    if (!check.ok) {
      throw new AppError(check.reason === "wrong_state" ? "conflict" : "invalid_input", check.message, [
        ...(check.reason === "message_required" ? [{ path: "message", message: check.message }] : []),
      ]);
    }
    requirePermission(actor, check.permission);
    await setFormStatus(tx, form.id, check.to);
    await insertFormEvent(tx, {
      submissionId: form.id,
      fromStatus: form.status,
      toStatus: check.to,
      message: input.message,
      actorId: actor.userId || null,
      actorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: ACTION_LABELS[input.action],
      entity: "form",
      entityId: form.id,
      before: { status: form.status },
      after: { status: check.to, message: input.message, schoolId, year },
      regionId: school.regionId,
    });
  });
  return getSchoolForm({ db, actor, schoolId, year });
}

/**
 * The region unlocks one value of an approved or accepted form, with a reason: the school (or МОЦ) may
 * then change that value once. The unlock is in the form's history and the audit trail.
 */
export async function unlockFormValue({
  db,
  actor,
  schoolId,
  year,
  input,
}: FormTarget & { input: FormUnlock }): Promise<SchoolForm> {
  const school = await requireFormSchool(db, actor, schoolId);
  requirePermission(actor, "data.accept");
  const indicator = await findIndicatorById(db, input.indicatorId);
  if (!indicator || indicator.regionId !== school.regionId || indicator.level !== "school") {
    throw notFound("Показатель");
  }
  await db.transaction(async (tx) => {
    const form = await ensureForm(tx, schoolId, year);
    if (!isLocked(form.status)) {
      throw new AppError(
        "conflict",
        `Разблокировать можно только согласованные данные; форма в состоянии «${FORM_STATUS_LABELS[form.status]}»`,
      );
    }
    await insertUnlock(tx, {
      submissionId: form.id,
      indicatorId: indicator.id,
      reason: input.reason,
      actorId: actor.userId || null,
    });
    await insertFormEvent(tx, {
      submissionId: form.id,
      fromStatus: form.status,
      toStatus: form.status,
      message: `Разблокировано значение «${indicator.name}»: ${input.reason}`,
      actorId: actor.userId || null,
      actorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "value_unlock",
      entity: "form",
      entityId: form.id,
      after: { schoolId, year, indicator: indicator.code, reason: input.reason },
      regionId: school.regionId,
    });
  });
  return getSchoolForm({ db, actor, schoolId, year });
}
