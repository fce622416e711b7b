import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SERVER_TIMEOUT, until } from "./support/wait";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    child.once("exit", () => resolve());
    // npm runs the build and then tsx, which starts its own node: signal the whole group.
    process.kill(-child.pid, "SIGTERM");
  });
}

/**
 * The README's first set-up command, as a person types it on a fresh machine (after `npm install`):
 * `npm start` builds the web app, creates the embedded database with the demo region in an empty data
 * directory and serves it. The test runs the real command in a child process and uses the product
 * over HTTP as a visitor would.
 */
describe("the README's `npm start`", () => {
  let child: ChildProcess | undefined;
  let dataDir = "";
  let output = "";
  afterAll(async () => {
    if (child) await stopGroup(child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("builds, loads the demo region into an empty embedded database and serves it to a visitor", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "opora-readme-"));
    const port = await freePort();
    const { DATABASE_URL: _server, ...env } = process.env;
    child = spawn("npm", ["start"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, OPORA_DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" },
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const base = `http://127.0.0.1:${port}`;
    const started = child;
    await until(
      "npm start answers /api/health",
      async () => {
        if (started.exitCode !== null)
          throw new Error(`npm start exited with ${started.exitCode}:\n${output}`);
        const res = await fetch(`${base}/api/health`).catch(() => null);
        return res?.ok ? true : undefined;
      },
      SERVER_TIMEOUT,
    );
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: "ok", database: "pglite" });
    const page = await fetch(`${base}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<div id=");
    const signIns = (await (await fetch(`${base}/api/demo/sign-ins`)).json()) as {
      isDemo: boolean;
      signIns: { login: string }[];
    };
    expect(signIns.isDemo).toBe(true);
    expect(signIns.signIns.map((s) => s.login)).toContain("director.67-133");
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "analyst", password: "demo-analyst" }),
    });
    expect(login.status).toBe(200);
    expect(output).toContain("Опора работает");
  });
});
