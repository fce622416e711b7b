import { addDays, type IsoDate } from "../plans/iso-date";

/** The states of a specialist request (заявка): filed, given a specialist and a date, being worked on, done. */
export const REQUEST_STATUSES = ["new", "assigned", "in_work", "done"] as const;

/** A state of a specialist request. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * What may happen to a request: the МОЦ or the regional operator assigns (or reassigns, before the
 * work starts) a specialist and a date; the specialist's first record of work starts it; the
 * specialist closes it.
 */
export type RequestAction = "assign" | "start" | "complete";

const NEXT: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  assign: { from: ["new", "assigned"], to: "assigned" },
  start: { from: ["assigned"], to: "in_work" },
  complete: { from: ["in_work"], to: "done" },
};

/** The state an action leads to from a state, or null when the action is not allowed there. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
  const rule = NEXT[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** Why an action is refused in a state, in Russian; null when it is allowed. */
export function refuseAction(status: RequestStatus, action: RequestAction): string | null {
  if (nextStatus(status, action) !== null) return null;
  switch (action) {
    case "assign":
      return "Специалиста назначают только новой или назначенной заявке, пока работа не начата";
    case "start":
      return "Работу по заявке начинают после назначения специалиста";
    case "complete":
      return "Завершить можно заявку в работе: сначала внесите проведённую работу";
  }
}

/** The moments of a request's transitions (ISO timestamps); null for a state not reached yet. */
export type RequestMoments = {
  createdAt: string;
  assignedAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
};

/** How long each stage took, in whole minutes; null for a stage not finished (or not begun). */
export type StageDurations = {
  /** new → assigned: waiting for a specialist */
  waiting: number | null;
  /** assigned → in work */
  assigned: number | null;
  /** in work → done */
  inWork: number | null;
  /** new → done */
  total: number | null;
};

function minutesBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 60_000)) : null;
}

/** The duration of each stage of a request from its transition moments. */
export function stageDurations(m: RequestMoments): StageDurations {
  return {
    waiting: minutesBetween(m.createdAt, m.assignedAt),
    assigned: minutesBetween(m.assignedAt, m.startedAt),
    inWork: minutesBetween(m.startedAt, m.doneAt),
    total: minutesBetween(m.createdAt, m.doneAt),
  };
}

/** «3 дн. 4 ч», «5 ч 10 мин», «12 мин»: a duration in minutes as the UI shows it. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} дн. ${hours} ч` : `${days} дн.`;
  if (hours > 0) return mins > 0 ? `${hours} ч ${mins} мин` : `${hours} ч`;
  return `${mins} мин`;
}

/**
 * How many days a new request may wait for a specialist before it is overdue (N of the rule): a
 * week, the МОЦ's working rhythm in the seeds (weekly reports of the addressed support).
 */
export const NEW_REQUEST_OVERDUE_DAYS = 7;

/** What the overdue rule reads of a request. */
export type OverdueFacts = {
  status: RequestStatus;
  /** The day the request was filed (ISO date, Moscow time as stored) */
  filedOn: IsoDate;
  /** The date the specialist is assigned for; null before assignment */
  scheduledOn: IsoDate | null;
};

/** Why a request is overdue, or null when it is not. */
export type OverdueReason = "unassigned" | "past_date";

/**
 * The overdue rule: a request is overdue when it is new for more than NEW_REQUEST_OVERDUE_DAYS days
 * (filed on day D, overdue from day D + N + 1), or assigned or in work with its assigned date passed
 * (the day after it) and not done. A done request is never overdue.
 */
export function overdueReason(facts: OverdueFacts, today: IsoDate): OverdueReason | null {
  if (facts.status === "done") return null;
  if (facts.status === "new") {
    return today > addDays(facts.filedOn, NEW_REQUEST_OVERDUE_DAYS) ? "unassigned" : null;
  }
  if (facts.scheduledOn !== null && today > facts.scheduledOn) return "past_date";
  return null;
}

/** The overdue reason as a Russian sentence. */
export function overdueSentence(reason: OverdueReason, facts: OverdueFacts): string {
  if (reason === "unassigned") {
    return `Специалист не назначен больше ${NEW_REQUEST_OVERDUE_DAYS} дней с подачи заявки`;
  }
  return `Назначенная дата ${formatRu(facts.scheduledOn ?? "")} прошла, заявка не выполнена`;
}

function formatRu(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return d && m && y ? `${d}.${m}.${y}` : date;
}
