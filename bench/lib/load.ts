import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { max, quantileSorted } from "simple-statistics";

/** Answers slower than this are counted apart (the load benchmark's target: none on PGlite). */
export const SLOW_MS = 5000;

/** Throughput and latency of one load run (or of one target of a mix). */
export type LoadFigures = {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** transport errors, timeouts and answers other than 2xx */
  errors: number;
  /** answers that took longer than SLOW_MS */
  slow: number;
  /** seconds from the start of the load to the last answer slower than SLOW_MS (0: none) */
  lastSlowAtS: number;
};

/**
 * One kind of request in a load: `connections` clients send GET requests to `paths` in turn, with
 * `headers`, and with the session cookies of `cookies` in turn (several sessions over the clients).
 */
export type LoadTarget = {
  name: string;
  origin: string;
  paths: string[];
  headers?: Record<string, string>;
  cookies?: string[];
  connections: number;
};

/** Every target's figures and those of all requests together. */
export type MixFigures = { byTarget: Record<string, LoadFigures>; total: LoadFigures };

/** Figures from the response times of every answer (autocannon's own summary has no p95). */
function figuresOf(latencies: number[], seconds: number, errors: number, lastSlowAtS: number): LoadFigures {
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? quantileSorted(latencies, p) : Number.NaN);
  return {
    requests: latencies.length,
    requestsPerSec: latencies.length / seconds,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    maxMs: latencies.length ? max(latencies) : Number.NaN,
    errors,
    slow: latencies.filter((ms) => ms > SLOW_MS).length,
    lastSlowAtS,
  };
}

/** What driving one target gave: every response time, the errors, the seconds it ran, the last slow answer. */
type Driven = { latencies: number[]; errors: number; s: number; lastSlowAtS: number };

/** Drives one target for `seconds` with autocannon. */
function drive(target: LoadTarget, seconds: number): Promise<Driven> {
  const latencies: number[] = [];
  let non2xx = 0;
  let next = 0;
  let lastSlowAtS = 0;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections: target.connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: "GET",
            headers: target.headers,
            setupRequest: (request) => {
              const k = next++;
              const cookie = target.cookies?.length ? target.cookies[k % target.cookies.length] : undefined;
              return {
                ...request,
                path: target.paths[k % target.paths.length],
                headers: cookie ? { ...request.headers, cookie } : request.headers,
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          latencies,
          errors: result.errors + result.timeouts + non2xx,
          s: result.duration,
          lastSlowAtS,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
      latencies.push(responseTime);
      if (responseTime > SLOW_MS) lastSlowAtS = (performance.now() - start) / 1000;
    });
  });
}

/** Drives every target at the same time for `seconds`; figures per target and in total. */
export async function loadMix(opts: { targets: LoadTarget[]; seconds: number }): Promise<MixFigures> {
  const runs = await Promise.all(opts.targets.map((target) => drive(target, opts.seconds)));
  const byTarget: Record<string, LoadFigures> = {};
  opts.targets.forEach((target, i) => {
    const run = runs[i]!;
    byTarget[target.name] = figuresOf([...run.latencies], run.s, run.errors, run.lastSlowAtS);
  });
  const seconds = Math.max(...runs.map((r) => r.s));
  const total = figuresOf(
    runs.flatMap((r) => r.latencies),
    seconds,
    runs.reduce((sum, r) => sum + r.errors, 0),
    Math.max(...runs.map((r) => r.lastSlowAtS)),
  );
  return { byTarget, total };
}

/** Drives one URL with `connections` clients for `seconds`. */
export async function loadTest(opts: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadFigures> {
  const url = new URL(opts.url);
  const target = {
    name: "url",
    origin: url.origin,
    paths: [`${url.pathname}${url.search}`],
    headers: opts.headers,
    connections: opts.connections,
  };
  return (await loadMix({ targets: [target], seconds: opts.seconds })).total;
}

/**
 * Runs load-client.ts as its own process (the load must not steal the measured server's thread)
 * and resolves with the JSON line it prints.
 */
function inChild<T>(request: object): Promise<T> {
  const client = path.join(path.dirname(fileURLToPath(import.meta.url)), "load-client.ts");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", client, JSON.stringify(request)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "{}"));
      },
    );
  });
}

/** loadTest from a separate process. */
export function loadTestInChild(opts: Parameters<typeof loadTest>[0]): Promise<LoadFigures> {
  return inChild({ kind: "single", opts });
}

/** loadMix from a separate process. */
export function loadMixInChild(opts: Parameters<typeof loadMix>[0]): Promise<MixFigures> {
  return inChild({ kind: "mix", opts });
}
