import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase } from "./db";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * The installed command (`npx opora`): bin/opora.js registers tsx in its own process and runs
 * src/cli/main.ts. One process — unlike node_modules/.bin/tsx, which runs the script in a child
 * process of its own, so that a SIGKILL would hit the wrapper and leave the work running.
 */
const OPORA = path.join(ROOT, "bin/opora.js");

/** Environment for a child `opora`: this one's, with the database chosen only by `env` (no inherited DATABASE_URL). */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "", OPORA_PASSWORD: "", ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged;
}

/** The real `opora` command started as a child process; stdout and stderr collected. */
export type OporaProcess = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stderr has a line matching the predicate; rejects if the process exits first. */
  waitForStderrLine: (matches: (line: string) => boolean) => Promise<string>;
  /** Resolves with the exit code (null when killed) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `opora <args>` in a child process with the given environment added. */
export function startOpora(args: string[], env: Record<string, string | undefined>): OporaProcess {
  const child = spawn(process.execPath, [OPORA, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const waiters: { matches: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    const lines = err.split("\n");
    for (const waiter of [...waiters]) {
      const line = lines.find(waiter.matches);
      if (line === undefined) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderrLine: (matches) =>
      new Promise<string>((resolve, reject) => {
        const found = err.split("\n").find(matches);
        if (found !== undefined) return resolve(found);
        waiters.push({ matches, resolve });
        void exited.then(({ code, signal }) =>
          reject(new Error(`opora ${args.join(" ")} ended (${code ?? signal}) before the line:\n${err}`)),
        );
      }),
  };
}

/** Runs `opora <args>` to the end: exit code, stdout and stderr. */
export async function runOpora(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = startOpora(args, env);
  const { code } = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * An empty installation for child processes: a fresh PGlite data directory, or a fresh database on
 * the PostgreSQL server. `env` points `opora` at it; open() opens it here (PGlite: only while no child
 * has it open); remove() deletes it.
 */
export type CliInstallation = {
  kind: "pglite" | "postgresql";
  env: Record<string, string>;
  open: () => Promise<Database>;
  remove: () => Promise<void>;
};

/** The installations to run CLI tests on: PGlite always, the server when DATABASE_URL is set. */
export function cliInstallations(): {
  kind: CliInstallation["kind"];
  create: () => Promise<CliInstallation>;
}[] {
  const list: { kind: CliInstallation["kind"]; create: () => Promise<CliInstallation> }[] = [
    {
      kind: "pglite",
      create: async () => {
        const dir = await mkdtemp(path.join(tmpdir(), "opora-cli-"));
        const dataDir = path.join(dir, "data");
        return {
          kind: "pglite",
          env: { OPORA_DATA_DIR: dataDir },
          open: () => openDatabase({ dataDir }),
          remove: () => rm(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      kind: "postgresql",
      create: async () => {
        const created = await createServerTestDatabase(url);
        return {
          kind: "postgresql",
          env: { DATABASE_URL: created.url },
          open: () => openDatabase({ databaseUrl: created.url, dataDir: "memory://" }),
          remove: created.drop,
        };
      },
    });
  }
  return list;
}
