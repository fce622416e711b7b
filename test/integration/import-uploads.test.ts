import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";
import { multipart, upload, waitForJob } from "./import-http";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const DAY_MS = 24 * 3600_000;

describe.each(testEngines())("uploads for import ($kind)", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let dataDir: string;
  let env: Record<string, string>;
  let csv: string;

  const userDir = (userId: number) => path.join(dataDir, "uploads", String(userId));
  const filesOf = async (userId: number) => (await readdir(userDir(userId)).catch(() => [])).sort();

  async function run(client: Client, uploadId: string, dryRun: boolean) {
    return client.request({ method: "POST", url: "/api/import/runs", payload: { uploadId, dryRun } });
  }

  /** Waits until a condition holds (the test's timeout bounds the wait). */
  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  beforeAll(async () => {
    database = await engine.open();
    dataDir = await mkdtemp(path.join(tmpdir(), "opora-uploads-test-"));
    env = { OPORA_DATA_DIR: dataDir, OPORA_UPLOAD_MAX_FILES: "3", OPORA_UPLOAD_MAX_MB: "0.01" };
    world = await buildWorld(database, env);
    await seedCatalogue(database.db, world.regionA.id);
    c = await signInAll(world.app, world);
    csv = `Код ОО;Год;good_marks_share\n${world.s1.code};2024;0,5\n`;
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps an upload under the data directory until a real import of it succeeds", async () => {
    const res = await upload(c.adminA, "данные.csv", csv);
    expect(res.statusCode).toBe(200);
    const { uploadId } = res.json();
    const userId = world.users.adminA.id;
    expect(await filesOf(userId)).toEqual([`${uploadId}.data`, `${uploadId}.json`]);
    expect(await readFile(path.join(userDir(userId), `${uploadId}.data`), "utf8")).toBe(csv);
    const legacy = await readdir(path.join(tmpdir(), "opora-uploads")).catch(() => []);
    expect(legacy.filter((name) => name.startsWith(uploadId))).toEqual([]);

    const dry = await waitForJob(c.adminA, (await run(c.adminA, uploadId, true)).json().jobId);
    expect(dry.status).toBe("done");
    expect(await filesOf(userId)).toHaveLength(2);
    const real = await waitForJob(c.adminA, (await run(c.adminA, uploadId, false)).json().jobId);
    expect(real).toMatchObject({ status: "done", result: { created: 1 } });
    await until(async () => (await filesOf(userId)).length === 0);
    const again = await run(c.adminA, uploadId, true);
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe("Загруженный файл не найден или устарел: загрузите его снова");
  });

  it("answers 404 for an expired upload and removes it", async () => {
    const userId = world.users.adminB.id;
    const { uploadId } = (await upload(c.adminB, "старый.csv", csv)).json();
    const meta = path.join(userDir(userId), `${uploadId}.json`);
    const described = JSON.parse(await readFile(meta, "utf8"));
    await writeFile(meta, JSON.stringify({ ...described, expiresAt: Date.now() - 1000 }));
    const res = await run(c.adminB, uploadId, true);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/устарел/);
    expect((await filesOf(userId)).filter((name) => name.startsWith(uploadId))).toEqual([]);
  });

  it("after a restart, sweeps what expired or a crash left half-written, and keeps what is fresh", async () => {
    const userId = world.users.adminA.id;
    const fresh = (await upload(c.adminA, "свежий.csv", csv)).json().uploadId;
    const dir = userDir(userId);
    await mkdir(dir, { recursive: true });
    const expired = "00000000-0000-4000-8000-000000000001";
    await writeFile(path.join(dir, `${expired}.data`), csv);
    await writeFile(
      path.join(dir, `${expired}.json`),
      JSON.stringify({
        id: expired,
        userId,
        regionId: world.regionA.id,
        fileName: "a.csv",
        bytes: 10,
        expiresAt: Date.now() - 1,
      }),
    );
    await writeFile(path.join(dir, "00000000-0000-4000-8000-000000000002.data"), csv);
    const stale = path.join(dir, "00000000-0000-4000-8000-000000000003.data.part");
    await writeFile(stale, "обрыв");
    const old = new Date(Date.now() - 2 * DAY_MS);
    await utimes(stale, old, old);
    const stranger = path.join(dataDir, "uploads", "999");
    await mkdir(stranger, { recursive: true });
    await writeFile(path.join(stranger, "мусор.txt"), "x");

    const restarted = await buildTestApp(database, env);
    try {
      await restarted.ready();
      const left = await filesOf(userId);
      expect(left).toEqual(expect.arrayContaining([`${fresh}.data`, `${fresh}.json`]));
      expect(left.filter((name) => name.startsWith("00000000-"))).toEqual([]);
      expect(await readdir(stranger)).toEqual([]);
      const admin = await signIn(restarted, world.users.adminA.login);
      const job = await waitForJob(admin, (await run(admin, fresh, true)).json().jobId);
      expect(job).toMatchObject({ status: "done", result: { created: 0, unchanged: 1 } });
    } finally {
      await restarted.close();
    }
  });

  it("bounds the number of uploads a user holds; a new file may replace the previous one", async () => {
    const ids: string[] = [];
    for (const name of ["1.csv", "2.csv", "3.csv"]) {
      const res = await upload(c.analystA, name, csv);
      expect(res.statusCode).toBe(200);
      ids.push(res.json().uploadId);
    }
    const fourth = await upload(c.analystA, "4.csv", csv);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().message).toMatch(/^У вас уже 3 загруженных файлов/);
    expect(await filesOf(world.users.analystA.id)).toHaveLength(6);
    const replacing = await c.analystA.request({
      method: "POST",
      url: `/api/import/uploads?kind=values&replaces=${ids[0]}`,
      ...multipart("4.csv", csv),
    });
    expect(replacing.statusCode).toBe(200);
    expect(await filesOf(world.users.analystA.id)).not.toContain(`${ids[0]}.data`);
    expect(await filesOf(world.users.analystA.id)).toHaveLength(6);
  });

  it("bounds the bytes a user holds, leaving nothing of a refused file", async () => {
    const big = `Код ОО;Год;good_marks_share\n${`${world.s1.code};2024;0,5\n`.repeat(2000)}`;
    const res = await upload(c.mocM1, "большой.csv", big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(
      /^Загруженные файлы заняли бы больше \d+ КБ — это предел для одного пользователя/,
    );
    expect(await filesOf(world.users.mocM1.id)).toEqual([]);
  });

  it("answers 400 in Russian to a hostile file name, storing nothing", async () => {
    const hostile = [
      "a\u0000.csv",
      "../../etc/passwd.csv",
      "a/b.csv",
      "a\\b.csv",
      "..",
      "a\tb.csv",
      `${"я".repeat(200)}.csv`,
      " ",
    ];
    for (const name of hostile) {
      const res = await upload(c.mocM2, name, csv);
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().message).toMatch(
        /^Недопустимое имя файла: .+\. Переименуйте файл и загрузите его снова\.$/,
      );
    }
    expect(await filesOf(world.users.mocM2.id)).toEqual([]);
    expect((await upload(c.mocM2, "итоги..2024.csv", csv)).statusCode).toBe(200);
  });
});
