import {
  type CountRow,
  overdueReason,
  overdueSentence,
  stageDurations,
  sumByGroup,
} from "../../../core/support";
import type { RequestItem } from "../../../shared/support-api";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import type { RequestRow } from "./specialist-request.repo";

/** What the actor may do with a request in its state (the UI hides buttons by it; the service checks again). */
export function requestPermissions(actor: Actor, row: Pick<RequestRow, "status" | "specialistId">) {
  const isMine = actor.role === "specialist" && row.specialistId === actor.userId;
  return {
    canAssign: can(actor, "support.assign") && (row.status === "new" || row.status === "assigned"),
    canRecord:
      can(actor, "support.record") && isMine && (row.status === "assigned" || row.status === "in_work"),
    canComplete: can(actor, "support.record") && isMine && row.status === "in_work",
  };
}

/** A request row as the API answers it, with its stage durations, overdue reason on `today` and people reached. */
export function toRequestItem(
  actor: Actor,
  row: RequestRow,
  counts: readonly CountRow[],
  today: string,
): RequestItem {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  const moments = {
    createdAt: row.createdAt.toISOString(),
    assignedAt: iso(row.assignedAt),
    startedAt: iso(row.startedAt),
    doneAt: iso(row.doneAt),
  };
  const reason = overdueReason(row, today);
  return {
    id: row.id,
    school: {
      id: row.schoolId,
      code: row.schoolCode,
      name: row.schoolName,
      municipalityId: row.municipalityId,
      municipalityName: row.municipalityName,
    },
    specialistKind: row.specialistKind,
    target: row.target,
    reason: row.reason,
    status: row.status,
    specialist:
      row.specialistId === null ? null : { id: row.specialistId, fullName: row.specialistName ?? "" },
    scheduledOn: row.scheduledOn,
    filedOn: row.filedOn,
    ...moments,
    durations: stageDurations(moments),
    overdue: reason === null ? null : { reason, sentence: overdueSentence(reason, row) },
    reached: sumByGroup(counts),
    permissions: requestPermissions(actor, row),
  };
}
