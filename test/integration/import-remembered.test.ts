import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { upload, uploadAndRun, waitForJob } from "./import-http";
import { countRows } from "./import-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const COLUMN = "Успевающие на 4 и 5";

describe.each(testEngines())("a remembered mapping ($kind)", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let mapping: unknown;
  const file = (value: string) => `Код ОО;Год;${COLUMN};Примечание\n${world.s1.code};2024;${value};—\n`;

  /** What the analyst's upload of a file of the same header proposes. */
  async function proposalForAnalyst() {
    const res = await upload(c.analystA, "analyst.csv", file("0,5"));
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedCatalogue(database.db, world.regionA.id);
    c = await signInAll(world.app, world);
    mapping = {
      layout: "wide",
      columns: { schoolCode: "Код ОО", year: "Год" },
      indicators: { [COLUMN]: "good_marks_share" },
    };
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
  });

  it("is not remembered by a dry run, nor by a real import that was refused", async () => {
    const guessed = await proposalForAnalyst();
    expect(guessed).toMatchObject({ remembered: false, mappingSource: { kind: "guessed" } });
    expect(guessed.unmappedColumns).toEqual([COLUMN, "Примечание"]);

    const dry = await uploadAndRun(c.mocM1, {
      fileName: "moc.csv",
      content: file("0,4"),
      dryRun: true,
      mapping,
    });
    expect(dry.job).toMatchObject({ status: "done", result: { created: 1, ignoredColumns: ["Примечание"] } });
    const refused = await uploadAndRun(c.mocM1, {
      fileName: "moc.csv",
      content: file("4"),
      dryRun: false,
      mapping,
    });
    expect(refused.job.status).toBe("failed");
    expect(await countRows(database.db, "import_mappings")).toBe(0);
    expect(await proposalForAnalyst()).toMatchObject({
      remembered: false,
      mappingSource: { kind: "guessed" },
    });
  });

  it("is remembered by a real import that succeeded, with who ran it and when", async () => {
    const before = Date.now();
    const done = await uploadAndRun(c.mocM1, {
      fileName: "moc.csv",
      content: file("0,4"),
      dryRun: false,
      mapping,
    });
    expect(done.job).toMatchObject({
      status: "done",
      result: { created: 1, mappingSource: { kind: "given" }, ignoredColumns: ["Примечание"] },
    });
    const proposal = await proposalForAnalyst();
    expect(proposal).toMatchObject({
      remembered: true,
      mappingSource: { kind: "remembered", by: `Тестовый moc_coordinator` },
      mapping: { indicators: { [COLUMN]: "good_marks_share" } },
      unmappedColumns: ["Примечание"],
    });
    expect(Date.parse(proposal.mappingSource.at)).toBeGreaterThanOrEqual(before - 60_000);

    // the analyst's import without a mapping of its own says where the mapping came from
    const run = await c.analystA.request({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: proposal.uploadId, dryRun: true },
    });
    const job = await waitForJob(c.analystA, run.json().jobId);
    expect(job).toMatchObject({
      status: "done",
      result: { updated: 1, mappingSource: { kind: "remembered", by: "Тестовый moc_coordinator" } },
    });
  });

  it("is remembered without the year for the whole file: that belongs to one file", async () => {
    const content = `Код ОО;Выпускники без аттестата\n${world.s1b.code};0,1\n`;
    const withYear = {
      layout: "wide",
      columns: { schoolCode: "Код ОО" },
      indicators: { "Выпускники без аттестата": "no_certificate_share" },
      year: 2023,
    };
    const done = await uploadAndRun(c.adminA, {
      fileName: "2023.csv",
      content,
      dryRun: false,
      mapping: withYear,
    });
    expect(done.job).toMatchObject({ status: "done", result: { created: 1, mapping: { year: 2023 } } });
    const proposal = (await upload(c.analystA, "2024.csv", content)).json();
    expect(proposal.mappingSource.kind).toBe("remembered");
    expect(proposal.mapping).toEqual({
      layout: "wide",
      columns: { schoolCode: "Код ОО" },
      indicators: { "Выпускники без аттестата": "no_certificate_share" },
    });
  });
});
