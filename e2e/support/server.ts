import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB_DIR = path.join(ROOT, "dist/web");

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
 * Starts `opora serve --demo-if-empty` on a free port with a fresh data directory and the built web app
 * (run `npm run build:web` first). TODO: switch to startTestServer() from test/support/server.ts once it exists.
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(path.join(WEB_DIR, "index.html"))) {
    throw new Error("dist/web is missing: run `npm run build:web` (or `npm run test:e2e`) first");
  }
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "opora-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["src/cli/main.ts", "serve", "--demo-if-empty"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        OPORA_DATA_DIR: dataDir,
        OPORA_WEB_DIR: WEB_DIR,
        OPORA_LOG_LEVEL: "warn",
        OPORA_LOGIN_RATE_LIMIT: "1000",
      },
    },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitForHealth(baseUrl, child, () => output, 120_000);
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
