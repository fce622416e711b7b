import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/platform/config";
import type { Database } from "../../src/server/platform/db";
import { TEST_PASSWORD } from "./factories";

/**
 * Builds the app over a test database, with a generous sign-in limit unless one is given, and a
 * data directory of its own (uploads live there), removed when the app closes, unless one is given.
 */
export async function buildTestApp(
  database: Database,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const dataDir = env.OPORA_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "opora-test-data-"));
  const config = loadConfig({
    OPORA_LOGIN_RATE_LIMIT: "10000",
    OPORA_WEB_DIR: "/nonexistent",
    OPORA_DATA_DIR: dataDir,
    ...env,
  });
  const app = await buildApp({ database, config });
  if (env.OPORA_DATA_DIR === undefined) {
    app.addHook("onClose", async () => rmSync(dataDir, { recursive: true, force: true }));
  }
  return app;
}

/** A signed-in client: sends the session cookie and the CSRF header. */
export type Client = {
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

/** Signs in through the API and returns a client; throws when sign-in fails. */
export async function signIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "opora_session");
  if (!cookie) throw new Error("no session cookie");
  const csrfToken: string = res.json().csrfToken;
  const header = `opora_session=${cookie.value}`;
  return {
    cookie: header,
    csrfToken,
    request: (opts) =>
      app.inject({
        ...opts,
        headers: { cookie: header, "x-csrf-token": csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}
