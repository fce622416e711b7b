import type { z } from "zod";
import {
  looksPersonal,
  NEW_REQUEST_OVERDUE_DAYS,
  refuseAction,
  totalCount,
  validateCounts,
} from "../../../core/support";
import type {
  RequestDetail,
  RequestList,
  requestAssignSchema,
  requestCreateSchema,
  requestQuerySchema,
  sessionCreateSchema,
} from "../../../shared/support-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findSchoolInScope } from "../hierarchy/school.repo";
import { todayIso } from "../plans/plan-view";
import { toRequestItem } from "./request-view";
import {
  findRequestInScope,
  findRequests,
  findSchoolSpecialists,
  findSessions,
  insertRequests,
  insertSessions,
  type RequestRow,
  requestScope,
  updateRequestRow,
} from "./specialist-request.repo";

type Session = Awaited<ReturnType<typeof findSessions>>[number];

function countsOf(sessions: Session[], requestId: number) {
  return sessions.filter((s) => s.requestId === requestId).flatMap((s) => s.counts);
}

/**
 * The specialist requests the actor sees (requestScope: a specialist only theirs, a school its own, a
 * МОЦ its municipality's, the region all), by status and school, or only the overdue ones on `today`.
 */
export async function listRequests({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof requestQuerySchema>;
}): Promise<RequestList> {
  requirePermission(actor, "school.read");
  const today = query.today ?? todayIso();
  const rows = await findRequests(db, requestScope(actor), {
    status: query.status,
    schoolId: query.schoolId,
  });
  const sessions = await findSessions(
    db,
    rows.map((row) => row.id),
  );
  const all = rows.map((row) => toRequestItem(actor, row, countsOf(sessions, row.id), today));
  const overdue = all.filter((item) => item.overdue !== null);
  return {
    items: query.overdue === "true" ? overdue : all,
    overdueCount: overdue.length,
    newOverdueDays: NEW_REQUEST_OVERDUE_DAYS,
    permissions: { canFile: can(actor, "support.request"), canAssign: can(actor, "support.assign") },
  };
}

async function requestInScope(db: Db, actor: Actor, id: number): Promise<RequestRow> {
  const row = await findRequestInScope(db, id, requestScope(actor));
  if (!row) throw new AppError("not_found", "Заявка не найдена");
  return row;
}

/** One request the actor sees, with its records of work. */
export async function getRequest({
  db,
  actor,
  id,
  today = todayIso(),
}: {
  db: Db;
  actor: Actor;
  id: number;
  today?: string;
}): Promise<RequestDetail> {
  requirePermission(actor, "school.read");
  const row = await requestInScope(db, actor, id);
  const sessions = await findSessions(db, [id]);
  return {
    ...toRequestItem(actor, row, countsOf(sessions, id), today),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      heldOn: s.heldOn,
      counts: s.counts,
      total: s.total,
      note: s.note,
    })),
  };
}

/** A school files a request for a specialist (`support.request`, the school in scope); state «new»; audited. */
export async function fileRequest({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof requestCreateSchema>;
}): Promise<RequestDetail> {
  await requireSchoolAccess(db, { actor, permission: "support.request", schoolIds: [input.schoolId] });
  const school = await findSchoolInScope(db, input.schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  if (looksPersonal(input.reason)) {
    const message = "В заявке не указывают имена и даты рождения детей: опишите, что нужно, без них";
    throw new AppError("invalid_input", message, [{ path: "reason", message }]);
  }
  const id = await db.transaction(async (tx) => {
    const [id] = await insertRequests(tx, [
      {
        regionId: school.regionId,
        municipalityId: school.municipalityId,
        schoolId: school.id,
        specialistKind: input.specialistKind,
        target: input.target,
        reason: input.reason,
        filedOn: todayIso(),
        filedBy: actor.userId || null,
      },
    ]);
    if (id === undefined) throw new Error("Заявка не сохранена");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "specialist_request",
      entityId: id,
      after: input,
      regionId: school.regionId,
    });
    return id;
  });
  return getRequest({ db, actor, id });
}

function refuse(row: RequestRow, action: "assign" | "start" | "complete") {
  const message = refuseAction(row.status, action);
  if (message !== null) throw new AppError("conflict", message);
}

/** The specialists a request may be given to: role specialist, assigned to its school (`support.assign`). */
export async function listSpecialistOptions({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  requirePermission(actor, "support.assign");
  const row = await requestInScope(db, actor, id);
  return { items: await findSchoolSpecialists(db, row.regionId, row.schoolId) };
}

/**
 * The МОЦ or the regional operator assigns a specialist (of role specialist, assigned to the
 * request's school) and a date (`support.assign`): new or assigned → assigned; audited.
 */
export async function assignRequest({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: z.infer<typeof requestAssignSchema>;
}): Promise<RequestDetail> {
  requirePermission(actor, "support.assign");
  const row = await requestInScope(db, actor, id);
  refuse(row, "assign");
  const candidates = await findSchoolSpecialists(db, row.regionId, row.schoolId);
  if (!candidates.some((c) => c.id === input.specialistId)) {
    const message = "Этот специалист не закреплён за школой заявки";
    throw new AppError("invalid_input", message, [{ path: "specialistId", message }]);
  }
  if (input.scheduledOn < row.filedOn) {
    const message = "Дата работы не раньше дня подачи заявки";
    throw new AppError("invalid_input", message, [{ path: "scheduledOn", message }]);
  }
  await db.transaction(async (tx) => {
    const changed = await updateRequestRow(tx, id, row.status, {
      status: "assigned",
      specialistId: input.specialistId,
      scheduledOn: input.scheduledOn,
      assignedBy: actor.userId || null,
      assignedAt: new Date(),
    });
    if (!changed) throw new AppError("conflict", "Заявку только что изменили: обновите страницу");
    await recordAudit(tx, {
      actor,
      action: "assign",
      entity: "specialist_request",
      entityId: id,
      before: { status: row.status, specialistId: row.specialistId, scheduledOn: row.scheduledOn },
      after: { status: "assigned", ...input },
      regionId: row.regionId,
    });
  });
  return getRequest({ db, actor, id });
}

/** A request of the specialist in a state the specialist may work in (`support.record`; others' are 404). */
async function specialistRequest(db: Db, actor: Actor, id: number) {
  requirePermission(actor, "support.record");
  const row = await requestInScope(db, actor, id);
  if (row.specialistId !== actor.userId) throw new AppError("not_found", "Заявка не найдена");
  return row;
}

/**
 * The assigned specialist records an examination or a consultation as counts by group and age band —
 * never a name (validateCounts) — `support.record`. The first record moves the request assigned →
 * in_work; audited.
 */
export async function recordSession({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: z.infer<typeof sessionCreateSchema>;
}): Promise<RequestDetail> {
  const row = await specialistRequest(db, actor, id);
  if (row.status !== "in_work") refuse(row, "start");
  const issues = validateCounts(input.counts, input.note);
  if (issues.length > 0) throw new AppError("invalid_input", issues[0]?.message ?? "Проверьте числа", issues);
  await db.transaction(async (tx) => {
    if (row.status === "assigned") {
      const changed = await updateRequestRow(tx, id, "assigned", {
        status: "in_work",
        startedAt: new Date(),
      });
      if (!changed) throw new AppError("conflict", "Заявку только что изменили: обновите страницу");
    }
    const total = totalCount(input.counts);
    const [sessionId] = await insertSessions(tx, [
      { requestId: id, ...input, total, createdBy: actor.userId || null },
    ]);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "specialist_session",
      entityId: sessionId,
      after: { requestId: id, ...input, total, status: "in_work" },
      regionId: row.regionId,
    });
  });
  return getRequest({ db, actor, id });
}

/** The assigned specialist closes the request: in_work → done (`support.record`); audited. */
export async function completeRequest({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const row = await specialistRequest(db, actor, id);
  refuse(row, "complete");
  await db.transaction(async (tx) => {
    const changed = await updateRequestRow(tx, id, "in_work", { status: "done", doneAt: new Date() });
    if (!changed) throw new AppError("conflict", "Заявку только что изменили: обновите страницу");
    await recordAudit(tx, {
      actor,
      action: "complete",
      entity: "specialist_request",
      entityId: id,
      before: { status: row.status },
      after: { status: "done" },
      regionId: row.regionId,
    });
  });
  return getRequest({ db, actor, id });
}
