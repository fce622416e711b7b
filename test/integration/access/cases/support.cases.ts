import type { Client } from "../../../support/http";
import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";

function ok(what: string, res: { statusCode: number; body: string }): { id: number } {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

/** A log entry of S1 as its МОЦ enters it. */
const logBody = (w: MatrixWorld) => ({
  schoolId: w.s1.id,
  kind: "consultation",
  audience: "teachers",
  format: "remote",
  heldOn: "2025-03-05",
  topic: "Подготовка к ОГЭ по математике",
  givenBy: "Методист МОЦ",
  peopleCount: 7,
});

/** A fresh entry of S1's log (each write row acts on its own). */
async function logEntry(w: MatrixWorld): Promise<number> {
  return ok(
    "log",
    await w.clients.mocM1.request({ method: "POST", url: "/api/support/log", payload: logBody(w) }),
  ).id;
}

/** A fresh request of S1 in the state named: new (filed by its director), assigned to S1's specialist, or in work. */
async function request(w: MatrixWorld, state: "new" | "assigned" | "in_work"): Promise<number> {
  const filed = ok(
    "file",
    await w.clients.directorS1.request({
      method: "POST",
      url: "/api/support/requests",
      payload: {
        schoolId: w.s1.id,
        specialistKind: "speech_therapist",
        target: "children",
        reason: "Нарушения речи",
      },
    }),
  );
  if (state === "new") return filed.id;
  ok(
    "assign",
    await w.clients.mocM1.request({
      method: "POST",
      url: `/api/support/requests/${filed.id}/assign`,
      payload: { specialistId: w.users.specialistS1.id, scheduledOn: "2099-01-01" },
    }),
  );
  if (state === "in_work") await record(w.clients.specialistS1, filed.id);
  return filed.id;
}

const sessionBody = {
  kind: "examination",
  heldOn: "2099-01-01",
  counts: [{ group: "children", ageBand: "7_10", count: 4 }],
};

function record(client: Client, id: number) {
  return client.request({
    method: "POST",
    url: `/api/support/requests/${id}/sessions`,
    payload: sessionBody,
  });
}

/** Writers of S1's log: support.log with S1 in scope. */
const LOG_WRITERS = {
  mocM1: 200,
  adminA: 200,
  analystA: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  federal: 403,
  adminB: 404,
} as const;

/** Who assigns S1's requests: support.assign with S1 in scope. */
const ASSIGNERS = { ...LOG_WRITERS } as const;

/** Only the assigned specialist records and completes. */
const RECORDERS = {
  specialistS1: 200,
  mocM1: 403,
  mocM2: 403,
  directorS1: 403,
  mentorS1: 403,
  adminA: 403,
  analystA: 403,
  federal: 403,
  adminB: 403,
} as const;

/** The МОЦ log and specialist requests (issue 12, points 1–2). */
export const SUPPORT_CASES: Case[] = [
  {
    route: "GET /api/support/log",
    request: () => ({ method: "GET", url: "/api/support/log" }),
    self: "each user lists the log of the schools in their scope",
    expect: {
      adminA: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 200,
      specialistS1: 200,
      adminB: 200,
      federal: 200,
    },
    mustNotSee: { mocM2: (w) => [w.s1.code], adminB: (w) => [w.s1.code, w.s2.code] },
  },
  {
    route: "POST /api/support/log",
    request: (w) => ({ method: "POST", url: "/api/support/log", payload: logBody(w) }),
    expect: LOG_WRITERS,
  },
  {
    route: "PUT /api/support/log/:id",
    request: async (w) => ({
      method: "PUT",
      url: `/api/support/log/${await logEntry(w)}`,
      payload: { ...logBody(w), topic: "Изменённая тема" },
    }),
    expect: LOG_WRITERS,
  },
  {
    route: "DELETE /api/support/log/:id",
    request: async (w) => ({ method: "DELETE", url: `/api/support/log/${await logEntry(w)}` }),
    expect: LOG_WRITERS,
  },
  {
    route: "GET /api/support/requests",
    request: () => ({ method: "GET", url: "/api/support/requests" }),
    self: "each user lists the requests of their scope (a specialist only those assigned to them)",
    expect: {
      adminA: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 200,
      specialistS1: 200,
      mentorS1: 200,
      adminB: 200,
    },
    mustNotSee: {
      mocM2: (w) => [w.s1.code],
      adminB: (w) => [w.s1.code],
      mentorS1: (w) => [w.s1.code],
    },
  },
  {
    route: "POST /api/support/requests",
    request: (w) => ({
      method: "POST",
      url: "/api/support/requests",
      payload: {
        schoolId: w.s1.id,
        specialistKind: "psychologist",
        target: "parents",
        reason: "Консультации родителей",
      },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mocM2: 404,
      adminA: 403,
      analystA: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
      adminB: 403,
    },
  },
  {
    route: "GET /api/support/requests/:id",
    request: async (w) => ({ method: "GET", url: `/api/support/requests/${await request(w, "assigned")}` }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      adminA: 200,
      analystA: 200,
      specialistS1: 200,
      federal: 200,
      mentorS1: 404,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/support/requests/:id/specialists",
    request: async (w) => ({
      method: "GET",
      url: `/api/support/requests/${await request(w, "new")}/specialists`,
    }),
    expect: ASSIGNERS,
  },
  {
    route: "POST /api/support/requests/:id/assign",
    request: async (w) => ({
      method: "POST",
      url: `/api/support/requests/${await request(w, "new")}/assign`,
      payload: { specialistId: w.users.specialistS1.id, scheduledOn: "2099-02-01" },
    }),
    expect: ASSIGNERS,
  },
  {
    route: "POST /api/support/requests/:id/sessions",
    request: async (w) => ({
      method: "POST",
      url: `/api/support/requests/${await request(w, "assigned")}/sessions`,
      payload: sessionBody,
    }),
    expect: RECORDERS,
  },
  {
    route: "POST /api/support/requests/:id/complete",
    request: async (w) => ({
      method: "POST",
      url: `/api/support/requests/${await request(w, "in_work")}/complete`,
    }),
    expect: RECORDERS,
  },
];
