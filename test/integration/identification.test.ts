import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, RunResult } from "../../src/core/identification/api.schema";
import { auditLog, identificationRuns, indicators, schools } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  putValues,
  runAndWait,
  SHFNSU_RULES,
  SHNRO_RULES,
  seedIdentification,
  waitForJob,
} from "./identification-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2024;

describe.each(testEngines())("identification runs on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  let shnroId: number;
  let shfnsuId: number;
  let firstRun: Run;

  const put = (schoolId: number, code: string, values: Record<number, number>) =>
    putValues(w.db, { regionId: w.regionA.id, schoolId, code, values });

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    await seedIdentification(w.db, w.regionA.id);
    await seedIdentification(w.db, w.regionB.id);
    // A name that a spreadsheet would read as a formula must come out escaped.
    await w.db.update(schools).set({ shortName: "=HYPERLINK(1)" }).where(eq(schools.id, w.s2.id));
    await put(w.s1.id, "ege_math_below_min_share", { [YEAR - 1]: 0.25, [YEAR]: 0.31 });
    await put(w.s1b.id, "ege_math_below_min_share", { [YEAR]: 0.1 });
    await put(w.s1b.id, "prevention_register_share", { [YEAR]: 0.4 });
    await put(w.s2.id, "ege_math_below_min_share", { [YEAR]: 0.5 });
    await put(w.s2.id, "prevention_register_share", { [YEAR]: 0.5 });
    await put(w.s1.id, "prevention_register_share", { [YEAR]: 0.05 });
    const create = async (definition: unknown) => {
      const res = await c.adminA.request({
        method: "POST",
        url: "/api/identification/rule-sets",
        payload: { definition },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    shnroId = await create(SHNRO_RULES);
    shfnsuId = await create(SHFNSU_RULES);
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  /** Every result of a run on one page (`category=all` unless the query names a category). */
  const results = async (runId: number, who: keyof Clients = "adminA", query = "") => {
    const params = new URLSearchParams(query);
    if (!params.has("category")) params.set("category", "all");
    const res = await c[who].request({
      method: "GET",
      url: `/api/identification/runs/${runId}/results?${params}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: RunResult[]; total: number };
    expect(page.items).toHaveLength(page.total);
    return page.items;
  };

  it("seeds the preloaded rule sets into each region once", async () => {
    const res = await c.analystA.request({ method: "GET", url: "/api/identification/rule-sets" });
    expect(res.statusCode).toBe(200);
    const keys = res.json().map((r: { presetKey: string | null }) => r.presetKey);
    expect(keys).toEqual(["smolensk_shnro", "smolensk_shfnsu", "rosobrnadzor_risk", null, null]);
    await seedIdentification(w.db, w.regionA.id);
    const again = await c.analystA.request({ method: "GET", url: "/api/identification/rule-sets" });
    expect(again.json()).toHaveLength(5);
  });

  it("previews how many schools each criterion catches without storing anything", async () => {
    const res = await c.analystA.request({
      method: "POST",
      url: "/api/identification/preview",
      payload: {
        definition: { ...SHNRO_RULES, criteria: [...SHNRO_RULES.criteria, { ...SHFNSU_RULES.criteria[0] }] },
        year: YEAR,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      schools: 3,
      flagged: 3,
      criteria: [
        { criterionId: "math", met: 2, notMet: 1, noData: 0 },
        { criterionId: "register", met: 2, notMet: 1, noData: 0 },
      ],
    });
    const bad = await c.analystA.request({
      method: "POST",
      url: "/api/identification/preview",
      payload: {
        definition: { ...SHNRO_RULES, criteria: [{ ...SHNRO_RULES.criteria[0], indicatorCode: "nope" }] },
        year: YEAR,
      },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("runs over every school of the region and stores each verdict with its reasons", async () => {
    const { job, run } = await runAndWait(c.analystA, { ruleSetIds: [shnroId, shfnsuId], year: YEAR });
    expect(job).toMatchObject({
      kind: "identification.run",
      status: "done",
      stage: "Этап 3 из 3: сохранение результатов",
      done: 3,
      total: 3,
      error: null,
      result: { runId: run.id },
    });
    firstRun = run;
    expect(firstRun).toMatchObject({ status: "done", schoolCount: 3, year: YEAR });
    expect(firstRun.counts).toMatchObject({
      shnro: 1,
      shfnsu: 1,
      both: 1,
      none: 0,
      flagged: 3,
      flaggedRural: 1,
    });
    expect(firstRun.counts.ruralShare).toBeCloseTo(1 / 3, 10);
    const rows = await results(firstRun.id);
    const byId = new Map(rows.map((r) => [r.schoolId, r]));
    expect(byId.get(w.s1.id)?.category).toBe("shnro");
    expect(byId.get(w.s1.id)?.reasons).toEqual([
      "доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог, — 0,31 при пороге 0,20",
    ]);
    expect(byId.get(w.s1b.id)?.category).toBe("shfnsu");
    expect(byId.get(w.s2.id)?.category).toBe("both");
    expect(byId.get(w.s2.id)?.details.map((d) => d.criteria[0]?.verdict)).toEqual(["met", "met"]);
    const m1 = await results(firstRun.id, "adminA", `?municipalityId=${w.m1.id}`);
    expect(m1.map((r) => r.schoolId).sort()).toEqual([w.s1.id, w.s1b.id].sort());
    const both = await results(firstRun.id, "adminA", "?category=both");
    expect(both.map((r) => r.schoolId)).toEqual([w.s2.id]);
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.entity, "identification_run"));
    expect(audit.some((a) => a.action === "run" && a.entityId === String(firstRun.id))).toBe(true);
  });

  it("keeps a run unchanged when values and rule sets change later; a new run differs; runs compare", async () => {
    await put(w.s1.id, "ege_math_below_min_share", { [YEAR]: 0.05 });
    await put(w.s1b.id, "ege_math_below_min_share", { [YEAR]: 0.9 });
    const edited = await c.adminA.request({
      method: "PUT",
      url: `/api/identification/rule-sets/${shnroId}`,
      payload: { definition: { ...SHNRO_RULES, name: "Тест: ШНРО v2" } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const before = await results(firstRun.id);
    expect(before.find((r) => r.schoolId === w.s1.id)?.category).toBe("shnro");
    expect(before.find((r) => r.schoolId === w.s1.id)?.details[0]?.criteria[0]?.value).toBe(0.31);
    const stored = await c.adminA.request({ method: "GET", url: `/api/identification/runs/${firstRun.id}` });
    expect(stored.json().ruleSets[0]).toMatchObject({ name: "Тест: ШНРО", version: 1 });

    const { run: secondRun } = await runAndWait(c.adminA, { ruleSetIds: [shnroId, shfnsuId], year: YEAR });
    expect(secondRun.ruleSets[0]).toMatchObject({ name: "Тест: ШНРО v2", version: 2 });
    const after = await results(secondRun.id);
    expect(after.find((r) => r.schoolId === w.s1.id)?.category).toBe("none");
    expect(after.find((r) => r.schoolId === w.s1b.id)?.category).toBe("both");

    const cmp = await c.adminA.request({
      method: "GET",
      url: `/api/identification/compare?before=${firstRun.id}&after=${secondRun.id}`,
    });
    expect(cmp.statusCode).toBe(200);
    const comparison = cmp.json();
    expect(comparison.left.map((s: { schoolId: number }) => s.schoolId)).toEqual([w.s1.id]);
    expect(comparison.entered).toEqual([]);
    expect(
      comparison.stayed.map((s: { schoolId: number; before: string; after: string }) => [
        s.schoolId,
        s.before,
        s.after,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [w.s1b.id, "shfnsu", "both"],
        [w.s2.id, "both", "both"],
      ]),
    );
  });

  it("runs as a job: a failure ends it failed in Russian, storing nothing; only the region sees it", async () => {
    const create = await c.analystA.request({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: {
        definition: {
          ...SHNRO_RULES,
          name: "Тест: олимпиады",
          criteria: [{ ...SHNRO_RULES.criteria[0], indicatorCode: "olympiad_participants_share" }],
        },
      },
    });
    expect(create.statusCode, create.body).toBe(200);
    // The catalogue changes after the rule set was saved: the run cannot read its indicator.
    const retire = (from: string, to: string) =>
      w.db
        .update(indicators)
        .set({ code: to })
        .where(and(eq(indicators.regionId, w.regionA.id), eq(indicators.code, from)));
    await retire("olympiad_participants_share", "olympiad_retired");
    try {
      const before = await w.db.select().from(identificationRuns);
      const started = await c.analystA.request({
        method: "POST",
        url: "/api/identification/runs",
        payload: { ruleSetIds: [create.json().id], year: YEAR },
      });
      expect(started.statusCode, started.body).toBe(200);
      const { jobId } = started.json() as { jobId: number };
      for (const who of ["mocM1", "mocM2", "adminB", "directorS1"] as const) {
        const seen = await c[who].request({ method: "GET", url: `/api/jobs/${jobId}` });
        expect(seen.statusCode, who).toBe(404);
      }
      const job = await waitForJob(c.adminA, jobId);
      expect(job).toMatchObject({
        status: "failed",
        error: "В каталоге региона нет показателей: olympiad_participants_share",
        result: null,
      });
      expect(await w.db.select().from(identificationRuns)).toHaveLength(before.length);
    } finally {
      await retire("olympiad_retired", "olympiad_participants_share");
    }
  });

  it("summarises by region and municipality with the rural share", async () => {
    const res = await c.adminA.request({
      method: "GET",
      url: `/api/identification/runs/${firstRun.id}/summary`,
    });
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    expect(summary.total).toMatchObject({ schools: 3, flagged: 3, flaggedRural: 1 });
    const m1 = summary.municipalities.find((m: { municipalityId: number }) => m.municipalityId === w.m1.id);
    expect(m1).toMatchObject({
      schools: 2,
      shnro: 1,
      shfnsu: 1,
      flagged: 2,
      flaggedRural: 1,
      ruralShare: 0.5,
    });
  });

  describe("access", () => {
    it("hides unapproved runs below region level and lets only region roles approve", async () => {
      const list = async (who: keyof Clients) =>
        (await c[who].request({ method: "GET", url: "/api/identification/runs" })).json() as Run[];
      expect((await list("mocM1")).map((r) => r.id)).not.toContain(firstRun.id);
      expect(
        (await c.mocM1.request({ method: "GET", url: `/api/identification/runs/${firstRun.id}/results` }))
          .statusCode,
      ).toBe(404);
      expect(
        (await c.mocM1.request({ method: "POST", url: `/api/identification/runs/${firstRun.id}/approve` }))
          .statusCode,
      ).toBe(403);
      expect(
        (await c.adminB.request({ method: "POST", url: `/api/identification/runs/${firstRun.id}/approve` }))
          .statusCode,
      ).toBe(404);
      expect(
        (await c.mocM1.request({ method: "POST", url: "/api/identification/runs", payload: { year: YEAR } }))
          .statusCode,
      ).toBe(403);
      const approved = await c.analystA.request({
        method: "POST",
        url: `/api/identification/runs/${firstRun.id}/approve`,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: "approved", permissions: { canApprove: false } });
      expect(
        (await c.analystA.request({ method: "POST", url: `/api/identification/runs/${firstRun.id}/approve` }))
          .statusCode,
      ).toBe(409);
      expect((await list("mocM1")).map((r) => r.id)).toContain(firstRun.id);
    });

    it("gives each role its own slice of an approved run", async () => {
      const url = `/api/identification/runs/${firstRun.id}/results`;
      expect((await w.app.inject({ method: "GET", url })).statusCode).toBe(401);
      const ids = async (who: keyof Clients) =>
        (await results(firstRun.id, who)).map((r) => r.schoolId).sort();
      expect(await ids("mocM1")).toEqual([w.s1.id, w.s1b.id].sort());
      expect(await ids("mocM2")).toEqual([w.s2.id]);
      expect(await ids("directorS1")).toEqual([w.s1.id]);
      expect(await ids("mentorS1")).toEqual([w.s1.id]);
      expect(await ids("federal")).toHaveLength(3);
      expect(
        (await c.mocM1.request({ method: "GET", url: `${url}?municipalityId=${w.m2.id}` })).statusCode,
      ).toBe(404);
      expect((await c.adminB.request({ method: "GET", url })).statusCode).toBe(404);
      const summary = await c.mocM1.request({
        method: "GET",
        url: `/api/identification/runs/${firstRun.id}/summary`,
      });
      expect(summary.json().total.schools).toBe(2);
      const runCounts = (
        await c.directorS1.request({ method: "GET", url: `/api/identification/runs/${firstRun.id}` })
      ).json();
      expect(runCounts.counts.schools).toBe(1);
    });

    it("shows a school its own categories over the years, and nobody else's", async () => {
      const own = await c.directorS1.request({
        method: "GET",
        url: `/api/schools/${w.s1.id}/identification`,
      });
      expect(own.statusCode).toBe(200);
      // The director sees only the approved run.
      expect(own.json()).toEqual([
        expect.objectContaining({
          runId: firstRun.id,
          year: YEAR,
          category: "shnro",
          reasons: [expect.stringContaining("0,31")],
        }),
      ]);
      const region = await c.adminA.request({ method: "GET", url: `/api/schools/${w.s1.id}/identification` });
      // The region sees one verdict per year: the approved run, not the later unapproved one of the same year.
      expect(region.json()).toEqual([expect.objectContaining({ runId: firstRun.id, runStatus: "approved" })]);
      for (const [who, status] of [
        ["directorS1", 404],
        ["mocM1", 404],
        ["mentorS1", 404],
        ["adminB", 404],
        ["mocM2", 200],
      ] as const) {
        const res = await c[who].request({ method: "GET", url: `/api/schools/${w.s2.id}/identification` });
        expect(res.statusCode, who).toBe(status);
      }
      expect(
        (await w.app.inject({ method: "GET", url: `/api/schools/${w.s1.id}/identification` })).statusCode,
      ).toBe(401);
    });

    it("lets only region roles edit rule sets and preview", async () => {
      const payload = { definition: SHNRO_RULES };
      expect(
        (await c.mocM1.request({ method: "POST", url: "/api/identification/rule-sets", payload })).statusCode,
      ).toBe(403);
      expect(
        (
          await c.directorS1.request({
            method: "PUT",
            url: `/api/identification/rule-sets/${shnroId}`,
            payload,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await c.adminB.request({ method: "PUT", url: `/api/identification/rule-sets/${shnroId}`, payload }))
          .statusCode,
      ).toBe(404);
      expect(
        (await c.adminB.request({ method: "GET", url: `/api/identification/rule-sets/${shnroId}` }))
          .statusCode,
      ).toBe(404);
      expect((await w.app.inject({ method: "GET", url: "/api/identification/rule-sets" })).statusCode).toBe(
        401,
      );
      const off = await c.adminA.request({
        method: "PATCH",
        url: `/api/identification/rule-sets/${shnroId}`,
        payload: { isActive: false },
      });
      expect(off.json().isActive).toBe(false);
    });
  });

  describe("exports", () => {
    it("exports a run as XLSX with every criterion and a summary sheet, escaping formulas", async () => {
      const res = await c.adminA.request({
        method: "GET",
        url: `/api/identification/runs/${firstRun.id}/export.xlsx`,
      });
      expect(res.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
      const sheet = workbook.getWorksheet("Школы");
      if (!sheet) throw new Error("no sheet Школы");
      const header = sheet.getRow(1).values as unknown[];
      expect(header).toContain("Тест: ШНРО: ЕГЭ математика — значение");
      expect(header).toContain("Тест: ШФНСУ: register — выполнен");
      expect(sheet.rowCount).toBe(4);
      const names = [2, 3, 4].map((i) => sheet.getRow(i).getCell(2).value);
      expect(names).toContain("'=HYPERLINK(1)");
      const s1Row = [2, 3, 4].map((i) => sheet.getRow(i)).find((row) => row.getCell(1).value === w.s1.code);
      expect(s1Row?.getCell(5).value).toBe("ШНРО");
      expect(s1Row?.getCell(8).value).toBe(0.31);
      expect(s1Row?.getCell(9).value).toBe(0.2);
      expect(s1Row?.getCell(10).value).toBe("да");
      const summary = workbook.getWorksheet("Сводка");
      expect(summary?.getRow(2).getCell(1).value).toBe("Всего");
      expect(summary?.getRow(2).getCell(8).value).toBe(3);
      // A МОЦ gets its own municipality only.
      const moc = await c.mocM1.request({
        method: "GET",
        url: `/api/identification/runs/${firstRun.id}/export.xlsx`,
      });
      const mocBook = new ExcelJS.Workbook();
      await mocBook.xlsx.load(new Uint8Array(moc.rawPayload).buffer);
      expect(mocBook.getWorksheet("Школы")?.rowCount).toBe(3);
    });

    it("exports the approved list as a DOCX appendix to an order (409 before approval)", async () => {
      const runs = (
        await c.adminA.request({ method: "GET", url: "/api/identification/runs" })
      ).json() as Run[];
      const unapproved = runs.find((r) => r.status === "done");
      if (!unapproved) throw new Error("no unapproved run");
      expect(
        (
          await c.adminA.request({
            method: "GET",
            url: `/api/identification/runs/${unapproved.id}/order.docx`,
          })
        ).statusCode,
      ).toBe(409);
      const res = await c.adminA.request({
        method: "GET",
        url: `/api/identification/runs/${firstRun.id}/order.docx`,
      });
      expect(res.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file("word/document.xml")?.async("string");
      expect(xml).toContain("Приложение к приказу");
      expect(xml).toContain("=HYPERLINK(1)");
      expect(xml).toContain("ШНРО и ШФНСУ");
      expect(xml).toContain("Всего школ: 3.");
    });
  });

  describe("one official list a year", () => {
    it("approving another run of the same year withdraws the earlier approved one, with the reason, audited", async () => {
      const list = async (who: keyof Clients) =>
        (await c[who].request({ method: "GET", url: "/api/identification/runs" })).json() as Run[];
      const other = (await list("adminA")).find((r) => r.year === YEAR && r.status === "done");
      if (!other) throw new Error("no unapproved run of the year");
      expect((await list("adminA")).find((r) => r.id === firstRun.id)?.status).toBe("approved");
      const res = await c.analystA.request({
        method: "POST",
        url: `/api/identification/runs/${other.id}/approve`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const runs = await list("adminA");
      expect(runs.filter((r) => r.year === YEAR && r.status === "approved").map((r) => r.id)).toEqual([
        other.id,
      ]);
      const replaced = runs.find((r) => r.id === firstRun.id);
      expect(replaced).toMatchObject({
        status: "done",
        withdrawalReason: `Заменён перечнем запуска № ${other.id}, утверждённым за тот же ${YEAR} год`,
      });
      // Below the region, only the new list is seen; the school card follows it.
      expect((await list("mocM1")).map((r) => r.id)).toEqual([other.id]);
      const card = await c.directorS1.request({
        method: "GET",
        url: `/api/schools/${w.s1.id}/identification`,
      });
      expect(card.json()).toEqual([expect.objectContaining({ runId: other.id, year: YEAR })]);
      const audit = await w.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "identification_run"), eq(auditLog.entityId, String(firstRun.id))));
      expect(audit.map((a) => a.action)).toContain("withdraw");
      // Approving the first run again puts it back, replacing the other.
      const back = await c.analystA.request({
        method: "POST",
        url: `/api/identification/runs/${firstRun.id}/approve`,
      });
      expect(back.statusCode, back.body).toBe(200);
      expect((await list("adminA")).find((r) => r.id === other.id)?.status).toBe("done");
    });
  });
});
