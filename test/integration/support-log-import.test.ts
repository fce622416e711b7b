import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supportLogEntries } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { upload, waitForJob } from "./import-http";
import { ok } from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const HEADER = "Код ОО;Вид;Для кого;Форма;Дата;Тема;Кто провёл;Участников;Выводы";

describe.each(testEngines())("importing the МОЦ log on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;

  const run = async (client: Client, content: string, dryRun: boolean) => {
    const res = await upload(client, "journal.csv", content, "support_log");
    if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    const inspection = res.json();
    const started = ok<{ jobId: number }>(
      "run",
      await client.request({
        method: "POST",
        url: "/api/import/runs",
        payload: { uploadId: inspection.uploadId, kind: "support_log", mapping: inspection.mapping, dryRun },
      }),
    );
    return { inspection, job: await waitForJob(client, started.jobId) };
  };

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
    ok(
      "staff",
      await c.adminA.request({
        method: "POST",
        url: `/api/municipalities/${world.m1.id}/staff`,
        payload: { fullName: "Орлова Анна Петровна", position: "mentor_head", email: "", phone: "" },
      }),
    );
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("guesses the mapping, checks in a dry run, then writes every row with one audit entry", async () => {
    const csv = [
      HEADER,
      `${world.s1.code};Консультация;Педагоги;Дистанционно;05.03.2025;Подготовка к ОГЭ;Орлова Анна Петровна;12;`,
      `${world.s1b.code};Выезд;;Выезд;2025-04-10;Посещение уроков;Комиссия МОЦ;6;ШМО не работает`,
      `${world.s1.code};Собеседование;;Очно;20.05.2025;Итоги самообследования;Орлова Анна Петровна;1;`,
    ].join("\n");
    const dry = await run(c.mocM1, csv, true);
    expect(dry.inspection.mapping.columns).toEqual({
      schoolCode: "Код ОО",
      kind: "Вид",
      audience: "Для кого",
      format: "Форма",
      heldOn: "Дата",
      topic: "Тема",
      givenBy: "Кто провёл",
      peopleCount: "Участников",
      findings: "Выводы",
    });
    expect(dry.job.status).toBe("done");
    expect(dry.job.result.created).toBe(3);
    expect(await world.db.select().from(supportLogEntries)).toEqual([]);

    const real = await run(c.mocM1, csv, false);
    expect(real.job.status).toBe("done");
    const rows = await world.db.select().from(supportLogEntries);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.staffId !== null)).toHaveLength(2);
    expect(rows.find((r) => r.kind === "interview")?.audience).toBe("heads");
  });

  it("refuses the whole file, naming row and column in Russian, and writes nothing", async () => {
    const before = (await world.db.select().from(supportLogEntries)).length;
    const csv = [
      HEADER,
      `${world.s1.code};Консультация;Педагоги;Очно;05.03.2025;Тема;Иванова;3;`,
      `${world.s2.code};Консультация;Педагоги;Очно;05.03.2025;Тема;Иванова;3;`,
      `${world.s1.code};Лекция;Педагоги;Очно;31.02;Тема;Иванова;3;`,
      `${world.s1.code};Консультация;;Очно;06.03.2025;Тема;Иванова;2;`,
      `${world.s1.code};Консультация;Родители;Очно;06.03.2025;Тема;Иванова;0;`,
    ].join("\n");
    const { job } = await run(c.mocM1, csv, false);
    expect(job.status).toBe("failed");
    expect(job.result.errors).toEqual([
      { row: 3, column: "Код ОО", message: `школа с кодом «${world.s2.code}» не найдена среди ваших школ` },
      { row: 4, column: "Вид", message: "вид «Лекция» не распознан: консультация, собеседование или выезд" },
      { row: 4, column: "Дата", message: "дата «31.02» — ожидается ДД.ММ.ГГГГ" },
      { row: 5, column: "Для кого", message: "Укажите, для кого консультация" },
      { row: 6, column: "Участников", message: "Хотя бы один участник" },
    ]);
    expect(await world.db.select().from(supportLogEntries)).toHaveLength(before);
  });

  it("is refused to a director, who does not keep the log", async () => {
    const res = await upload(c.directorS1, "journal.csv", `${HEADER}\n`, "support_log");
    expect(res.statusCode).toBe(403);
  });
});
