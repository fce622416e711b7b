import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/platform/config";
import type { Db } from "../../src/server/platform/db";
import { type CliInstallation, cliInstallations, runOpora } from "../support/cli";
import { buildMunicipality } from "../support/factories";

const PASSWORD = "длинный-пароль-67";

/** The README's «Рабочая установка» command, with the given options changed or added. */
function readmeCommand(over: Record<string, string> = {}): string[] {
  const options: Record<string, string> = {
    "--login": "admin",
    "--full-name": "Иванова И. И.",
    "--role": "region_admin",
    "--region-code": "67",
    "--region-name": "Смоленская область",
    ...over,
  };
  return ["user", "create", ...Object.entries(options).flat()];
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result;
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows;
  throw new Error("no rows in the query result");
}

/** Every row of the tables user creation writes: two equal dumps mean nothing was written. */
async function dumpAccounts(db: Db): Promise<string> {
  const regions = await db.execute(sql`select id, code, name, is_demo from regions order by id`);
  const users = await db.execute(
    sql`select id, login, full_name, role, region_id, municipality_id, school_id from users order by id`,
  );
  const audit = await db.execute(
    sql`select id, actor_login, action, entity, entity_id from audit_log order by id`,
  );
  return JSON.stringify({ regions: rowsOf(regions), users: rowsOf(users), audit: rowsOf(audit) });
}

describe.each(cliInstallations())("opora user create on $kind", (target) => {
  let installation: CliInstallation;
  /** The README's command, run once on the empty installation before the tests. */
  let first: Awaited<ReturnType<typeof runOpora>>;

  /** Opens the installation here, runs fn, closes it (PGlite: before the next child opens it). */
  async function withInstallation<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const database = await installation.open();
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    installation = await target.create();
    first = await runOpora(readmeCommand(), { ...installation.env, OPORA_PASSWORD: PASSWORD });
  });
  afterAll(async () => {
    await installation?.remove();
  });

  it("creates the first region admin on an empty installation exactly as the README shows; they sign in over HTTP", async () => {
    expect(first.stderr).not.toMatch(/error|Ошибка/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Регион создан: 67 «Смоленская область»");
    expect(first.stdout).toMatch(/Пользователь создан: admin \(Администратор региона, регион 67/);

    await withInstallation(async (db) => {
      const database = { db, kind: installation.kind, close: async () => {} };
      const config = loadConfig({ PORT: "0", OPORA_WEB_DIR: "/nonexistent" });
      const app = await buildApp({ database, config });
      try {
        const base = await app.listen({ port: 0, host: "127.0.0.1" });
        const login = await fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ login: "admin", password: PASSWORD }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.getSetCookie().find((c) => c.startsWith("opora_session="));
        expect(cookie).toBeDefined();
        const me = await fetch(`${base}/api/auth/me`, {
          headers: { cookie: String(cookie).split(";")[0] ?? "" },
        });
        expect(me.status).toBe(200);
        const body = await me.json();
        expect(body).toMatchObject({
          login: "admin",
          fullName: "Иванова И. И.",
          role: "region_admin",
          regionName: "Смоленская область",
          municipalityId: null,
          schoolId: null,
        });
        expect(body.permissions).toContain("user.manage");
      } finally {
        await app.close();
      }
      const audit = rowsOf(
        await db.execute(
          sql`select actor_login, action, entity from audit_log where (entity = 'region' and after->>'code' = '67') or (entity = 'user' and after->>'login' = 'admin') order by id`,
        ),
      );
      expect(audit).toEqual([
        { actor_login: "Командная строка", action: "create", entity: "region" },
        { actor_login: "Командная строка", action: "create", entity: "user" },
      ]);
    });
  });

  it("creates a МОЦ coordinator of a municipality of an existing region, and a federal operator without one", async () => {
    const municipalityCode = await withInstallation(async (db) => {
      const [region] = rowsOf(await db.execute(sql`select id from regions where code = '67'`));
      return (await buildMunicipality(db, { regionId: Number(region?.id) })).code;
    });
    const env = { ...installation.env, OPORA_PASSWORD: PASSWORD };
    const moc = await runOpora(
      readmeCommand({
        "--login": "moc.smolensk",
        "--full-name": "Петрова П. П.",
        "--role": "moc_coordinator",
        "--municipality-code": municipalityCode,
      }),
      env,
    );
    expect(moc.stderr).toBe("");
    expect(moc.code).toBe(0);
    const federal = await runOpora(
      [
        "user",
        "create",
        "--login",
        "federal.op",
        "--full-name",
        "Сидоров С. С.",
        "--role",
        "federal_operator",
      ],
      env,
    );
    expect(federal.code).toBe(0);
    const users = await withInstallation(async (db) =>
      rowsOf(
        await db.execute(
          sql`select u.login, u.role, r.code as region, m.code as municipality from users u left join regions r on r.id = u.region_id left join municipalities m on m.id = u.municipality_id order by u.id`,
        ),
      ),
    );
    expect(users).toContainEqual({
      login: "moc.smolensk",
      role: "moc_coordinator",
      region: "67",
      municipality: municipalityCode,
    });
    expect(users).toContainEqual({
      login: "federal.op",
      role: "federal_operator",
      region: null,
      municipality: null,
    });
  });

  const refusals: { name: string; args: string[]; password?: string; stderr: RegExp }[] = [
    {
      name: "a login that is taken (in another case), with a new region",
      args: readmeCommand({ "--login": "ADMIN", "--region-code": "68", "--region-name": "Тверская область" }),
      stderr: /^Ошибка: Логин «ADMIN» уже занят$/m,
    },
    {
      name: "a short password, with a new region",
      args: readmeCommand({
        "--login": "admin2",
        "--region-code": "68",
        "--region-name": "Тверская область",
      }),
      password: "short",
      stderr: /OPORA_PASSWORD: Пароль не короче 8 символов/,
    },
    {
      name: "a municipality code that the new region does not have",
      args: readmeCommand({
        "--login": "moc2",
        "--role": "moc_coordinator",
        "--region-code": "68",
        "--region-name": "Тверская область",
        "--municipality-code": "68-99",
      }),
      stderr: /Муниципалитет с кодом «68-99» не найден в регионе «68»/,
    },
    {
      name: "a school code the region does not have",
      args: readmeCommand({ "--login": "director2", "--role": "school_director", "--school-code": "67-999" }),
      stderr: /Школа с кодом «67-999» не найдена в регионе «67»/,
    },
    {
      name: "an unknown region without --region-name",
      args: ["user", "create", "--login", "admin3", "--full-name", "Иванов И. И.", "--region-code", "69"],
      stderr: /Регион с кодом «69» не найден; чтобы создать его, укажите --region-name/,
    },
    {
      name: "a region for the federal operator",
      args: readmeCommand({ "--login": "federal2", "--role": "federal_operator", "--region-code": "68" }),
      stderr: /видит все регионы: не указывайте --region-code/,
    },
    {
      name: "no password",
      args: readmeCommand({
        "--login": "admin4",
        "--region-code": "68",
        "--region-name": "Тверская область",
      }),
      password: "",
      stderr: /^Ошибка: Задайте пароль в переменной окружения OPORA_PASSWORD$/m,
    },
  ];

  it.each(refusals)("refuses $name: exit 1, a Russian message, nothing written", async (refusal) => {
    const before = await withInstallation(dumpAccounts);
    const run = await runOpora(refusal.args, {
      ...installation.env,
      OPORA_PASSWORD: refusal.password ?? PASSWORD,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(refusal.stderr);
    expect(run.stderr).toMatch(/^Ошибка: /);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.stdout).toBe("");
    expect(await withInstallation(dumpAccounts)).toBe(before);
  });
});
