import { inArray } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredRoutes } from "../../../src/server/app";
import { jobs } from "../../../src/server/db/schema";
import type { Database } from "../../../src/server/platform/db";
import { ROLES } from "../../../src/shared/roles";
import { testEngines } from "../../support/db";
import { type Case, isRefusal, MUNICIPAL_KEYS, USER_KEYS, type UserKey } from "./case";
import { ALL_CASES } from "./cases";
import { buildMatrixWorld, fingerprint, type MatrixWorld } from "./matrix-world";

/** Routes outside the API that the matrix does not cover, and why. */
const NOT_API = new Set(["GET /", "GET /*", "GET /api/openapi.json"]);

const ROLE_OF: Record<UserKey, (typeof ROLES)[number]> = {
  federal: "federal_operator",
  adminA: "region_admin",
  analystA: "region_analyst",
  mocM1: "moc_coordinator",
  mocM2: "moc_coordinator",
  directorS1: "school_director",
  mentorS1: "mentor",
  specialistS1: "specialist",
  adminB: "region_admin",
};

const label = (c: Case) => (c.name ? `${c.route} (${c.name})` : c.route);

/** Waits until no job started by a request is still running, so that no later check sees it write. */
async function settleJobs(w: MatrixWorld): Promise<void> {
  for (;;) {
    const busy = await w.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(inArray(jobs.status, ["created", "running"]));
    if (busy.length === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("the access matrix itself", () => {
  it("has a row for every route the app registers, and no row for a route that does not exist", async () => {
    const [engine] = testEngines();
    if (!engine) throw new Error("no engine");
    const database = await engine.open();
    try {
      const { buildTestApp } = await import("../../support/http");
      const app = await buildTestApp(database);
      const routes = registeredRoutes(app).filter((r) => !NOT_API.has(r));
      await app.close();
      const covered = new Set(ALL_CASES.map((c) => c.route));
      expect(
        routes.filter((r) => !covered.has(r)),
        "routes with no row in the matrix",
      ).toEqual([]);
      expect(
        [...covered].filter((r) => !routes.includes(r)),
        "rows for routes that do not exist",
      ).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("tries every role, and every route with its owner, another municipality and another region", () => {
    const roles = new Set(ALL_CASES.flatMap((c) => Object.keys(c.expect).map((k) => ROLE_OF[k as UserKey])));
    expect([...ROLES].filter((r) => !roles.has(r))).toEqual([]);
    const byRoute = new Map<string, Case[]>();
    for (const c of ALL_CASES) byRoute.set(c.route, [...(byRoute.get(c.route) ?? []), c]);
    const gaps: string[] = [];
    for (const [route, rows] of byRoute) {
      const all = rows.flatMap((c) => Object.values(c.expect));
      const isPublic = rows.some((c) => c.anonymous);
      if (!isPublic && !all.some((s) => s >= 200 && s < 300)) gaps.push(`${route}: no owner answering 2xx`);
      for (const c of rows) {
        if (c.self) continue;
        if (!isRefusal(c.expect.adminB ?? 0))
          gaps.push(`${label(c)}: another region (adminB) is not refused`);
        const isScoped = MUNICIPAL_KEYS.some((k) => isRefusal(c.expect[k] ?? 0) || c.mustNotSee?.[k]);
        if (!c.regionWide && !isScoped)
          gaps.push(`${label(c)}: no user of another municipality or school is refused`);
      }
    }
    expect(gaps, gaps.join("\n")).toEqual([]);
  });
});

describe.each(testEngines())("access matrix on $kind", (engine) => {
  let database: Database;
  let w: MatrixWorld;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildMatrixWorld(database);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("lists only the schools in scope, filtered in SQL", async () => {
    const codes = async (key: UserKey) =>
      (await w.clients[key].request({ method: "GET", url: "/api/schools" }))
        .json()
        .items.map((s: { code: string }) => s.code)
        .sort();
    expect(await codes("mocM1")).toEqual([w.s1.code, w.s1b.code].sort());
    expect(await codes("directorS1")).toEqual([w.s1.code]);
    expect(await codes("mentorS1")).toEqual([w.s1.code]);
    expect(await codes("specialistS1")).toEqual([w.s1.code]);
    expect(await codes("adminB")).toEqual([w.s3.code]);
    expect(await codes("federal")).toEqual([w.s1.code, w.s1b.code, w.s2.code, w.s3.code].sort());
  });

  for (const c of ALL_CASES) {
    const anonymous = c.anonymous?.status ?? 401;
    it(`${label(c)}: anonymous gets ${anonymous}`, async () => {
      // Anonymous: the same request with no session cookie and no CSRF token.
      const { headers = {}, ...rest } = await c.request(w);
      const { cookie: _cookie, "x-csrf-token": _csrf, ...plain } = headers;
      await settleJobs(w);
      const before = anonymous >= 400 ? await fingerprint(w.db) : null;
      const res = await w.app.inject({ ...rest, headers: plain });
      expect(res.statusCode, res.body).toBe(anonymous);
      if (before) expect(await fingerprint(w.db)).toEqual(before);
    });
    // Refusals first, on the untouched fixtures; then the owners, whose writes may change them.
    const keys = USER_KEYS.filter((k) => c.expect[k] !== undefined);
    const ordered = [
      ...keys.filter((k) => (c.expect[k] ?? 0) >= 400),
      ...keys.filter((k) => (c.expect[k] ?? 0) < 400),
    ];
    for (const key of ordered) {
      const status = c.expect[key] ?? 0;
      it(`${label(c)}: ${key} gets ${status}`, async () => {
        const request = await c.request(w);
        await settleJobs(w);
        const before = status >= 400 ? await fingerprint(w.db) : null;
        const res = await w.clients[key].request(request);
        expect(res.statusCode, res.body).toBe(status);
        if (before) {
          expect(Object.keys(res.json()).sort(), "a refusal carries no data").toEqual([
            "error",
            "issues",
            "message",
          ]);
          expect(await fingerprint(w.db), "a refused request changed nothing").toEqual(before);
        } else {
          for (const hidden of c.mustNotSee?.[key]?.(w) ?? []) expect(res.body).not.toContain(hidden);
          await settleJobs(w);
        }
      });
    }
  }

  it("gives a МОЦ the approved order with its own municipality's schools only", async () => {
    const url = `/api/identification/runs/${w.fixtures.approvedA}/order.docx`;
    const text = async (key: UserKey) => {
      const res = await w.clients[key].request({ method: "GET", url });
      const zip = await JSZip.loadAsync(res.rawPayload);
      return (await zip.file("word/document.xml")?.async("string"))?.replace(/<[^>]+>/g, " ") ?? "";
    };
    const schoolName = async (id: number) =>
      (await w.clients.adminA.request({ method: "GET", url: `/api/schools/${id}` })).json()
        .shortName as string;
    const s2 = await schoolName(w.s2.id);
    expect(await text("adminA")).toContain(s2);
    expect(await text("mocM2")).toContain(s2);
    expect(await text("mocM1")).not.toContain(s2);
  });

  it("shows a region admin only their region's users and audit entries", async () => {
    const users = (await w.clients.adminA.request({ method: "GET", url: "/api/users" })).json();
    expect(users.every((u: { regionId: number }) => u.regionId === w.regionA.id)).toBe(true);
    const auditB = (await w.clients.adminB.request({ method: "GET", url: "/api/audit?limit=500" })).json();
    expect(
      auditB.some((e: { entity: string; action: string }) => e.entity === "school" && e.action === "create"),
    ).toBe(false);
    const auditA = (await w.clients.adminA.request({ method: "GET", url: "/api/audit?limit=500" })).json();
    expect(
      auditA.some((e: { entity: string; action: string }) => e.entity === "school" && e.action === "update"),
    ).toBe(true);
  });
});
