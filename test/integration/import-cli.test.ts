import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { type Database, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool } from "../support/factories";
import { countRows } from "./import-support";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Where the command's database is: a PGlite data directory, or a database on the PostgreSQL server. */
type CliEngine = {
  kind: string;
  setUp: (
    dir: string,
  ) => Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }>;
};

function cliEngines(): CliEngine[] {
  const engines: CliEngine[] = [
    {
      kind: "pglite",
      setUp: async (dir) => {
        const dataDir = path.join(dir, "data");
        return {
          env: { OPORA_DATA_DIR: dataDir },
          open: () => openDatabase({ dataDir }),
          drop: async () => {},
        };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    engines.push({
      kind: "postgresql",
      setUp: async (dir) => {
        const created = await createServerTestDatabase(url);
        return {
          env: { DATABASE_URL: created.url, OPORA_DATA_DIR: path.join(dir, "data") },
          open: () => openDatabase({ databaseUrl: created.url, dataDir: "memory://" }),
          drop: created.drop,
        };
      },
    });
  }
  return engines;
}

type Run = { code: number; stdout: string; stderr: string; summary: Record<string, unknown> };

describe.each(cliEngines())(
  "opora import on $kind: which mapping, what is ignored, empty files",
  (engine) => {
    let dir: string;
    let target: Awaited<ReturnType<CliEngine["setUp"]>>;

    /** Runs `opora import …` in a child process, as a user would; the exit code, the output and the JSON summary. */
    async function opora(...args: string[]): Promise<Run> {
      const env = { ...process.env, DATABASE_URL: "", ...target.env, OPORA_LOG_LEVEL: "warn" };
      const result = await promisify(execFile)(process.execPath, ["bin/opora.js", "import", ...args], {
        cwd: ROOT,
        env,
      }).then(
        (out) => ({ code: 0, ...out }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      const summary = result.stdout.trim().startsWith("{") ? JSON.parse(result.stdout) : {};
      return { code: result.code, stdout: result.stdout, stderr: result.stderr, summary };
    }

    async function file(name: string, content: string): Promise<string> {
      const at = path.join(dir, name);
      await writeFile(at, content);
      return at;
    }

    async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
      const database = await target.open();
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    }

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "opora-import-cli-"));
      target = await engine.setUp(dir);
      await withDb(async ({ db }) => {
        const region = await buildRegion(db, { code: "CL" });
        await seedCatalogue(db, region.id);
        const m = await buildMunicipality(db, { regionId: region.id, name: "Район" });
        await buildSchool(db, { regionId: region.id, municipalityId: m.id, code: "A-1" });
      });
    });
    afterAll(async () => {
      await target?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("says the mapping file it used; a dry run remembers nothing", async () => {
      const mapping = await file(
        "m.json",
        JSON.stringify({
          layout: "wide",
          columns: { schoolCode: "Код ОО", year: "Год" },
          indicators: { Доля: "good_marks_share" },
        }),
      );
      const data = await file("a.csv", "Код ОО;Год;Доля;Примечание\nA-1;2024;0,4;—\n");
      const run = await opora("values", data, "--mapping", mapping, "--dry-run");
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`Сопоставление столбцов: из файла ${mapping}`);
      expect(run.stderr).toContain("Не загружаются столбцы, не сопоставленные ни с чем (1): «Примечание»");
      expect(run.summary).toMatchObject({
        created: 1,
        mappingSource: { kind: "file", file: mapping },
        mapping: { indicators: { Доля: "good_marks_share" } },
        ignoredColumns: ["Примечание"],
      });
      expect(await withDb(({ db }) => countRows(db, "import_mappings"))).toBe(0);
    });

    it("guesses from the column names, remembers after the real import, and says so the next time", async () => {
      const data = await file("b.csv", "Код ОО;Год;good_marks_share;Примечание\nA-1;2024;0,5;—\n");
      const guessed = await opora("values", data);
      expect(guessed.code).toBe(0);
      expect(guessed.stderr).toContain("Сопоставление столбцов: угадано по названиям столбцов");
      expect(guessed.summary).toMatchObject({
        mappingSource: { kind: "guessed" },
        ignoredColumns: ["Примечание"],
      });
      const again = await opora("values", data, "--dry-run");
      expect(again.stderr).toMatch(
        /Сопоставление столбцов: запомнено для такой же шапки файла \(Командная строка, /,
      );
      expect(again.summary).toMatchObject({
        unchanged: 1,
        mappingSource: { kind: "remembered", by: "Командная строка" },
      });
    });

    it("refuses a values file with a header and no rows (exit 1)", async () => {
      const header = await opora("values", await file("c.csv", "Код ОО;Год;good_marks_share\n"));
      expect(header.code).toBe(1);
      expect(header.summary).toMatchObject({ created: 0, errorCount: 1 });
      expect(JSON.stringify(header.summary.errors)).toContain("нет строк с данными");
    });

    it("refuses a file whose only value column maps to no indicator (exit 1), writing nothing", async () => {
      const unmapped = await opora("values", await file("d.csv", "Код ОО;Год;Непонятно\nA-1;2024;5\n"));
      expect(unmapped.code).toBe(1);
      expect(JSON.stringify(unmapped.summary.errors)).toContain(
        "«Непонятно» не сопоставлены ни с одним показателем",
      );
      expect(await withDb(({ db }) => countRows(db, "indicator_values", "year = 2024"))).toBe(1);
    });

    it("refuses a school registry with a header and no rows (exit 1)", async () => {
      const schools = await opora("schools", await file("e.csv", "Код ОО;Наименование;Муниципалитет\n"));
      expect(schools.code).toBe(1);
      expect(JSON.stringify(schools.summary.errors)).toContain("нет строк с данными");
    });

    it("says in Russian that a folder is not a file (no EISDIR)", async () => {
      const run = await opora("values", dir);
      expect(run.code).toBe(1);
      // the command line's own check refuses a folder before the import opens it
      expect(run.stderr).toContain(`Ошибка: «${dir}» — каталог, а нужен файл`);
      expect(run.stderr).not.toMatch(/EISDIR/);
    });
  },
);
