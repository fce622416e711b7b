import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { multipart, upload, waitForJob } from "./import-http";
import { countRows } from "./import-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

describe.each(testEngines())("import routes ($kind)", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let csv: string;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedCatalogue(database.db, world.regionA.id);
    c = await signInAll(world.app, world);
    csv = `Код ОО;Год;Доля обучающихся на «4» и «5» [good_marks_share]\n${world.s1.code};2024;0,5\n${world.s2.code};2024;0,6\n`;
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
  });

  it("upload → guessed mapping → dry run → run, with the job's progress and summary", async () => {
    const res = await upload(c.adminA, "данные.csv", csv);
    expect(res.statusCode).toBe(200);
    const inspection = res.json();
    expect(inspection.header).toEqual(["Код ОО", "Год", "Доля обучающихся на «4» и «5» [good_marks_share]"]);
    expect(inspection.sampleRows).toHaveLength(2);
    expect(inspection.remembered).toBe(false);
    expect(inspection.mapping).toMatchObject({
      layout: "wide",
      columns: { schoolCode: "Код ОО", year: "Год" },
    });

    const dry = await c.adminA.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: inspection.uploadId, mapping: inspection.mapping, dryRun: true },
    });
    expect(dry.statusCode).toBe(200);
    const dryJob = await waitForJob(c.adminA, dry.json().jobId);
    expect(dryJob).toMatchObject({ status: "done", done: 2, total: 2, result: { created: 2, errors: [] } });
    expect(await countRows(database.db, "indicator_values")).toBe(0);

    const run = await c.adminA.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: inspection.uploadId, mapping: inspection.mapping, dryRun: false },
    });
    const job = await waitForJob(c.adminA, run.json().jobId);
    expect(job).toMatchObject({ status: "done", result: { created: 2, dryRun: false } });
    expect(await countRows(database.db, "indicator_values")).toBe(2);

    // the same layout again: the mapping is remembered
    const again = (await upload(c.adminA, "другой.csv", csv)).json();
    expect(again.remembered).toBe(true);

    // another region's admin does not see the job; the region's analyst does
    expect((await c.adminB.request({ method: "GET", url: `/api/jobs/${job.id}` })).statusCode).toBe(404);
    expect((await c.analystA.request({ method: "GET", url: `/api/jobs/${job.id}` })).statusCode).toBe(200);
    expect((await c.mocM1.request({ method: "GET", url: `/api/jobs/${job.id}` })).statusCode).toBe(404);
    // nor may anyone else run someone else's upload
    const foreign = await c.analystA.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: inspection.uploadId, dryRun: true },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("a МОЦ coordinator imports only the schools of its municipality", async () => {
    const inspection = (await upload(c.mocM1, "moc.csv", csv)).json();
    const run = await c.mocM1.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: inspection.uploadId, dryRun: true },
    });
    const job = await waitForJob(c.mocM1, run.json().jobId);
    expect(job.status).toBe("failed");
    expect(job.result.errors).toEqual([
      { row: 3, column: "Код ОО", message: expect.stringContaining(`«${world.s2.code}» не найдена`) },
    ]);
  });

  it("refuses roles without data.import, anonymous users, and a broken file with a clear message", async () => {
    expect((await upload(c.directorS1, "a.csv", csv)).statusCode).toBe(403);
    expect((await upload(c.mentorS1, "a.csv", csv)).statusCode).toBe(403);
    expect((await upload(c.federal, "a.csv", csv)).statusCode).toBe(403);
    const anonymous = await world.app.inject({
      method: "POST",
      url: "/api/import/uploads",
      ...multipart("a.csv", csv),
    });
    expect(anonymous.statusCode).toBe(401);
    const broken = await upload(c.adminA, "dup.csv", "a;A\n1;2\n");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/повторяются/);
  });

  it("imports the school registry through the same steps", async () => {
    const registry = `Код ОО;Наименование;Муниципалитет;Число обучающихся\nNEW-1;Новая школа № 1;${world.m1.code};120\n${world.s1.code};Школа переименована;${world.m1.code};\n`;
    const inspection = (await upload(c.adminA, "reestr.csv", registry, "schools")).json();
    expect(inspection.mapping).toEqual({
      columns: {
        code: "Код ОО",
        fullName: "Наименование",
        municipality: "Муниципалитет",
        students: "Число обучающихся",
      },
    });
    const run = await c.adminA.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: inspection.uploadId, kind: "schools", mapping: inspection.mapping, dryRun: false },
    });
    const job = await waitForJob(c.adminA, run.json().jobId);
    expect(job).toMatchObject({ status: "done", result: { rows: 2, created: 1, updated: 1, unchanged: 0 } });
    expect(await countRows(database.db, "schools", "code = 'NEW-1' and students = 120")).toBe(1);
    expect(await countRows(database.db, "schools", `full_name = 'Школа переименована'`)).toBe(1);
  });
});
