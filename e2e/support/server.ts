import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SERVER_TIMEOUT } from "./wait";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB_DIR = path.join(ROOT, "dist/web");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/**
 * What the seeded demo database depends on: the migrations, the demo generator and loader, and PGlite itself.
 * A change to any of them makes a new template.
 */
const TEMPLATE_INPUTS = [
  "src/server/db/migrations",
  "src/server/db/schema",
  "src/core/demo",
  "src/server/modules/demo",
  "node_modules/@electric-sql/pglite/package.json",
];

/** The environment of the child processes: a PGlite data directory, never a PostgreSQL server. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, OPORA_DATA_DIR: dataDir, OPORA_LOG_LEVEL: "warn", ...extra };
}

async function filesUnder(relative: string): Promise<string[]> {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return [];
  if ((await stat(full)).isFile()) return [relative];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort();
}

async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of TEMPLATE_INPUTS) {
    for (const file of await filesUnder(input)) {
      hash.update(file);
      hash.update(await readFile(path.join(ROOT, file)));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A PGlite data directory with the demo region, made once with `opora demo` and copied for every server:
 * loading the demo region takes far longer than starting on a loaded database. Several test runs may build it
 * at once (other worktrees on the same machine): each builds in its own folder and moves it into place in one
 * rename; whoever comes second keeps the first one's template and drops its own. A finished template is never
 * removed, since another run may be copying it.
 */
async function demoTemplate(): Promise<string> {
  const dir = path.join(tmpdir(), `opora-e2e-template-${await templateKey()}`);
  if (existsSync(path.join(dir, "READY"))) return dir;
  const building = await mkdtemp(path.join(tmpdir(), "opora-e2e-seed-"));
  try {
    await promisify(execFile)(TSX, ["src/cli/main.ts", "demo"], {
      cwd: ROOT,
      env: childEnv(building),
      timeout: SERVER_TIMEOUT,
    });
    await writeFile(path.join(building, "READY"), new Date().toISOString());
    // A folder left without READY (an older run killed mid-way) is not a template: clear it.
    if (existsSync(dir) && !existsSync(path.join(dir, "READY")))
      await rm(dir, { recursive: true, force: true });
    await rename(building, dir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (existsSync(path.join(dir, "READY"))) return dir;
    throw error;
  }
  return dir;
}

/** A running Opora server over a fresh temporary PGlite database with the demo region. */
export type E2eServer = { baseUrl: string; stop: () => Promise<void> };

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

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health in ${timeoutMs} ms:\n${log()}`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // The server runs under tsx, which starts its own node child: signal the whole group we created.
    process.kill(-child.pid, "SIGTERM");
  });
}

/**
 * Starts `opora serve --demo-if-empty` on a free port with a fresh copy of the demo database and the built web
 * app (run `npm run build:web` first).
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(path.join(WEB_DIR, "index.html"))) {
    throw new Error("dist/web is missing: run `npm run build:web` (or `npm run test:e2e`) first");
  }
  const template = await demoTemplate();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "opora-e2e-"));
  await cp(template, dataDir, { recursive: true, filter: (source) => path.basename(source) !== "READY" });
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(TSX, ["src/cli/main.ts", "serve", "--demo-if-empty"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv(dataDir, {
      PORT: String(port),
      HOST: "127.0.0.1",
      OPORA_WEB_DIR: WEB_DIR,
      OPORA_LOGIN_RATE_LIMIT: "1000",
    }),
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitForHealth(baseUrl, child, () => output, SERVER_TIMEOUT);
  } catch (error) {
    await stopProcessGroup(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      await stopProcessGroup(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
