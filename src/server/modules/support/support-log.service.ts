import { effectiveAudience, type LogEntryInput } from "../../../core/support";
import type { LogEntry, LogList, LogQuery } from "../../../shared/support-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findSchoolInScope } from "../hierarchy/school.repo";
import {
  countLogEntries,
  deleteLogEntryRow,
  findLogEntries,
  findLogEntryInScope,
  insertLogEntries,
  isStaffOfMunicipality,
  type LogEntryRow,
  updateLogEntryRow,
} from "./support-log.repo";

function toEntry(row: LogEntryRow, canEdit: boolean): LogEntry {
  return {
    id: row.id,
    school: {
      id: row.schoolId,
      code: row.schoolCode,
      name: row.schoolName,
      municipalityId: row.municipalityId,
      municipalityName: row.municipalityName,
    },
    kind: row.kind,
    audience: row.audience,
    format: row.format,
    heldOn: row.heldOn,
    topic: row.topic,
    staffId: row.staffId,
    givenBy: row.staffName ?? row.givenBy,
    peopleCount: row.peopleCount,
    findings: row.findings,
    canEdit,
  };
}

/**
 * The МОЦ log of the schools in the actor's scope (a school its own, a МОЦ its municipality's, the
 * region all; a mentor or specialist their assigned schools), filtered by school, municipality, kind,
 * audience, format and dates, newest first, with totals of the filtered set.
 */
export async function listLog({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: LogQuery;
}): Promise<LogList> {
  requirePermission(actor, "school.read");
  const scope = schoolScope(actor);
  const [rows, groups] = await Promise.all([
    findLogEntries(db, scope, query, query.limit),
    countLogEntries(db, scope, query),
  ]);
  const canWrite = can(actor, "support.log");
  const byKind: Record<string, number> = {};
  const byAudience: Record<string, number> = {};
  let entries = 0;
  let people = 0;
  for (const g of groups) {
    entries += g.entries;
    people += g.people ?? 0;
    byKind[g.kind] = (byKind[g.kind] ?? 0) + g.entries;
    const audience = effectiveAudience(g);
    if (audience !== null) byAudience[audience] = (byAudience[audience] ?? 0) + g.entries;
  }
  return {
    items: rows.map((row) => toEntry(row, canWrite)),
    total: entries,
    totals: { entries, people, byKind, byAudience },
    permissions: { canWrite },
  };
}

/** The school of a log write: `support.log` and the school in the actor's scope (403 / 404). */
async function writableSchool(db: Db, actor: Actor, schoolId: number) {
  await requireSchoolAccess(db, { actor, permission: "support.log", schoolIds: [schoolId] });
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  return school;
}

/** The columns of an entry from its input, once its staff member is checked against the school's МОЦ. */
async function entryValues(db: Db, input: LogEntryInput, municipalityId: number) {
  if (input.staffId !== null && !(await isStaffOfMunicipality(db, input.staffId, municipalityId))) {
    const message = "Сотрудник не из МОЦ муниципалитета этой школы";
    throw new AppError("invalid_input", message, [{ path: "staffId", message }]);
  }
  return {
    kind: input.kind,
    audience: effectiveAudience(input),
    format: input.format,
    heldOn: input.heldOn,
    topic: input.topic,
    staffId: input.staffId,
    givenBy: input.staffId === null ? input.givenBy : "",
    peopleCount: input.peopleCount,
    findings: input.findings,
  };
}

async function readBack(db: Db, actor: Actor, id: number): Promise<LogEntry> {
  const row = await findLogEntryInScope(db, id, schoolScope(actor));
  if (!row) throw new AppError("not_found", "Запись журнала не найдена");
  return toEntry(row, true);
}

/** Adds an entry to the МОЦ log of a school (`support.log`, the school in scope); audited. */
export async function createLogEntry({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: LogEntryInput;
}): Promise<LogEntry> {
  const school = await writableSchool(db, actor, input.schoolId);
  const values = await entryValues(db, input, school.municipalityId);
  return db.transaction(async (tx) => {
    const [id] = await insertLogEntries(tx, [
      {
        ...values,
        regionId: school.regionId,
        municipalityId: school.municipalityId,
        schoolId: school.id,
        createdBy: actor.userId || null,
      },
    ]);
    if (id === undefined) throw new Error("Запись журнала не сохранена");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "support_log_entry",
      entityId: id,
      after: { schoolId: school.id, ...values },
      regionId: school.regionId,
    });
    return readBack(tx, actor, id);
  });
}

async function entryForWrite(db: Db, actor: Actor, id: number) {
  requirePermission(actor, "support.log");
  const before = await findLogEntryInScope(db, id, schoolScope(actor));
  if (!before) throw new AppError("not_found", "Запись журнала не найдена");
  return before;
}

/** Rewrites an entry of the log (`support.log`; the entry's school and the new one in scope); audited. */
export async function updateLogEntry({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: LogEntryInput;
}): Promise<LogEntry> {
  const before = await entryForWrite(db, actor, id);
  const school = await writableSchool(db, actor, input.schoolId);
  const values = await entryValues(db, input, school.municipalityId);
  return db.transaction(async (tx) => {
    await updateLogEntryRow(tx, id, {
      ...values,
      regionId: school.regionId,
      municipalityId: school.municipalityId,
      schoolId: school.id,
    });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "support_log_entry",
      entityId: id,
      before,
      after: { schoolId: school.id, ...values },
      regionId: school.regionId,
    });
    return readBack(tx, actor, id);
  });
}

/** Deletes an entry of the log (`support.log`, its school in scope); audited. */
export async function deleteLogEntry({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const before = await entryForWrite(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteLogEntryRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "support_log_entry",
      entityId: id,
      before,
      regionId: before.regionId,
    });
  });
  return { ok: true as const };
}
