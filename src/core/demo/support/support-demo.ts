import { addDays } from "../../plans/iso-date";
import type { CountRow, LogAudience, LogFormat, LogKind, RequestStatus, SpecialistKind } from "../../support";
import { CHILD_AGE_BANDS, totalCount } from "../../support";
import { createRng, type Rng } from "../random";
import {
  CONSULTATION_TOPICS,
  INTERVIEW_TOPICS,
  REQUEST_REASONS,
  VISIT_FINDINGS,
  VISIT_TOPICS,
} from "./support-texts.data";

/** A programme school as the generator sees it. */
export type DemoSupportSchool = { schoolId: number; municipalityId: number };

/** A member of a МОЦ's staff who gives consultations. */
export type DemoSupportStaff = { id: number; municipalityId: number };

/** A specialist account and the schools assigned to it. */
export type DemoSpecialist = {
  userId: number;
  schoolIds: readonly number[];
  kind: SpecialistKind;
  /** The demo `specialist` account: its schools get a request in every state. */
  isShowcase: boolean;
};

/** A generated log entry. */
export type DemoLogEntry = {
  schoolId: number;
  municipalityId: number;
  kind: LogKind;
  audience: LogAudience | null;
  format: LogFormat;
  heldOn: string;
  topic: string;
  staffId: number | null;
  givenBy: string;
  peopleCount: number;
  findings: string;
};

/** A generated request with its moments and records. */
export type DemoRequest = {
  schoolId: number;
  municipalityId: number;
  specialistKind: SpecialistKind;
  target: "children" | "teachers" | "parents";
  reason: string;
  status: RequestStatus;
  specialistId: number | null;
  filedOn: string;
  scheduledOn: string | null;
  createdAt: string;
  assignedAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
  sessions: { kind: "examination" | "consultation"; heldOn: string; counts: CountRow[]; total: number }[];
};

/** What the generator needs: the year (support runs March to November), the demo's day, the people. */
export type DemoSupportInput = {
  seed: number;
  year: number;
  /** The demo's «today»: overdue requests are overdue on it. */
  today: string;
  schools: readonly DemoSupportSchool[];
  staff: readonly DemoSupportStaff[];
  specialists: readonly DemoSpecialist[];
  /** A school left with one new request and nothing else of requests (the visitor's). */
  visitorSchoolId: number | null;
};

function dayIn(rng: Rng, year: number, fromMonth = 3, toMonth = 11): string {
  const month = rng.int(fromMonth, toMonth);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`;

function logOfSchool(rng: Rng, input: DemoSupportInput, school: DemoSupportSchool): DemoLogEntry[] {
  const staff = input.staff.filter((s) => s.municipalityId === school.municipalityId);
  const giver = () =>
    staff.length > 0
      ? { staffId: rng.pick(staff).id, givenBy: "" }
      : { staffId: null, givenBy: "Методист СОИРО" };
  const out: DemoLogEntry[] = [];
  const base = { schoolId: school.schoolId, municipalityId: school.municipalityId, findings: "" };
  const audiences: [LogAudience, number, [number, number]][] = [
    ["heads", rng.int(1, 3), [1, 3]],
    ["teachers", rng.int(2, 5), [3, 18]],
    ["parents", rng.int(0, 2), [5, 40]],
    ["students", rng.int(0, 2), [8, 30]],
  ];
  for (const [audience, n, [min, max]] of audiences) {
    for (let i = 0; i < n; i++) {
      out.push({
        ...base,
        ...giver(),
        kind: "consultation",
        audience,
        format: rng.chance(0.45) ? "remote" : rng.chance(0.3) ? "visit" : "in_person",
        heldOn: dayIn(rng, input.year),
        topic: rng.pick(CONSULTATION_TOPICS[audience]),
        peopleCount: rng.int(min, max),
      });
    }
  }
  for (let i = rng.int(1, 2); i > 0; i--) {
    out.push({
      ...base,
      ...giver(),
      kind: "interview",
      audience: "heads",
      format: rng.chance(0.5) ? "in_person" : "remote",
      heldOn: dayIn(rng, input.year, 2, 10),
      topic: rng.pick(INTERVIEW_TOPICS),
      peopleCount: rng.int(1, 3),
    });
  }
  for (let i = rng.int(1, 2); i > 0; i--) {
    out.push({
      ...base,
      ...giver(),
      kind: "visit",
      audience: null,
      format: "visit",
      heldOn: dayIn(rng, input.year, 4, 11),
      topic: rng.pick(VISIT_TOPICS),
      peopleCount: rng.int(4, 25),
      findings: rng.pick(VISIT_FINDINGS),
    });
  }
  return out;
}

/** Counts of one record: a few bands of children, or teachers, or parents, never a name. */
function countsFor(rng: Rng, target: DemoRequest["target"]): CountRow[] {
  if (target !== "children") {
    const rows: CountRow[] = [{ group: target, ageBand: "adult", count: rng.int(2, 15) }];
    return rows;
  }
  const bands = rng.shuffle(CHILD_AGE_BANDS.filter((b) => b !== "under_7")).slice(0, rng.int(1, 2));
  const rows: CountRow[] = bands.map((ageBand) => ({ group: "children", ageBand, count: rng.int(3, 20) }));
  if (rng.chance(0.4)) rows.push({ group: "parents", ageBand: "adult", count: rng.int(1, 8) });
  return rows;
}

function requestOf(
  rng: Rng,
  input: DemoSupportInput,
  school: DemoSupportSchool,
  specialist: DemoSpecialist | null,
  status: RequestStatus,
  overdue: boolean,
): DemoRequest {
  const kind =
    specialist?.kind ??
    rng.pick(["psychologist", "speech_therapist", "defectologist", "social_pedagogue"] as const);
  const target =
    kind === "speech_therapist"
      ? "children"
      : rng.pick(["children", "children", "teachers", "parents"] as const);
  // a new overdue request waits 10–20 days; a fresh one 1–5 days; the rest are filed March to September
  const filedOn =
    status === "new"
      ? addDays(input.today, overdue ? -rng.int(10, 20) : -rng.int(1, 5))
      : status === "done"
        ? dayIn(rng, input.year, 3, 9)
        : addDays(input.today, -rng.int(25, 60));
  const assignedOn = addDays(filedOn, rng.int(1, 6));
  const scheduledOn =
    status === "new"
      ? null
      : overdue
        ? addDays(input.today, -rng.int(3, 15))
        : addDays(assignedOn, rng.int(3, 14));
  const safeScheduled = scheduledOn !== null && scheduledOn < assignedOn ? assignedOn : scheduledOn;
  const sessions: DemoRequest["sessions"] = [];
  if (status === "in_work" || status === "done") {
    const first = safeScheduled ?? assignedOn;
    for (let i = 0; i < (status === "done" ? rng.int(1, 3) : 1); i++) {
      const counts = countsFor(rng, target);
      sessions.push({
        kind: i === 0 && target === "children" ? "examination" : "consultation",
        heldOn: addDays(first, i * 7),
        counts,
        total: totalCount(counts),
      });
    }
  }
  const lastSession = sessions[sessions.length - 1]?.heldOn ?? null;
  return {
    schoolId: school.schoolId,
    municipalityId: school.municipalityId,
    specialistKind: kind,
    target,
    reason: rng.pick(REQUEST_REASONS[kind]),
    status,
    specialistId: status === "new" ? null : (specialist?.userId ?? null),
    filedOn,
    scheduledOn: safeScheduled,
    createdAt: at(filedOn, 9),
    assignedAt: status === "new" ? null : at(assignedOn, 11),
    startedAt: sessions[0] ? at(sessions[0].heldOn, 10) : null,
    doneAt: status === "done" && lastSession ? at(addDays(lastSession, rng.int(0, 3)), 16) : null,
    sessions,
  };
}

/**
 * A year of the МОЦ's addressed support of the programme schools: consultations of every audience
 * (heads at the expert consulting centre, teachers, parents, students), interviews with directors,
 * visits with findings — and the schools' requests for specialists in every state, some overdue on
 * `today`, the work recorded as counts. Deterministic for a seed.
 */
export function generateDemoSupport(input: DemoSupportInput): {
  log: DemoLogEntry[];
  requests: DemoRequest[];
} {
  const log: DemoLogEntry[] = [];
  const requests: DemoRequest[] = [];
  const states: [RequestStatus, boolean][] = [
    ["done", false],
    ["done", false],
    ["done", false],
    ["in_work", false],
    ["assigned", false],
    ["assigned", true],
    ["in_work", true],
    ["new", false],
    ["new", true],
  ];
  let showcaseSchools = 0;
  for (const school of input.schools) {
    const rng = createRng(input.seed, `support:${school.schoolId}`);
    log.push(...logOfSchool(rng, input, school));
    if (school.schoolId === input.visitorSchoolId) {
      requests.push(requestOf(rng, input, school, null, "new", false));
      continue;
    }
    const mine = input.specialists.filter((sp) => sp.schoolIds.includes(school.schoolId));
    const showcase = mine.find((sp) => sp.isShowcase);
    if (showcase) {
      // the demo specialist's schools carry a request in every state; the first of them the overdue ones too
      const isFirst = showcaseSchools++ === 0;
      for (const [status, overdue] of states) {
        if (overdue && !isFirst) continue;
        requests.push(requestOf(rng, input, school, showcase, status, overdue));
      }
      continue;
    }
    for (let i = rng.int(1, 4); i > 0; i--) {
      const [status, overdue] = rng.pick(states);
      const specialist = mine.length > 0 ? rng.pick(mine) : null;
      requests.push(requestOf(rng, input, school, specialist, specialist ? status : "new", overdue));
    }
  }
  return { log, requests };
}
