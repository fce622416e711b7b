import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { quantileSorted } from "simple-statistics";

/** Throughput and latency of one load run. */
export type LoadFigures = {
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
  requests: number;
};

/**
 * Drives `url` with `connections` concurrent clients for `seconds` (autocannon, loopback) and
 * computes p50/p95 from every response time (autocannon's own summary has no p95).
 */
export async function loadTest(opts: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, headers: opts.headers, connections: opts.connections, duration: opts.seconds },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? quantileSorted(latencies, p) : Number.NaN);
  return {
    requestsPerSec: result.requests.average,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    errors: result.errors + result.timeouts + non2xx,
    requests: latencies.length,
  };
}

/** The same load run from a separate process (the load must not steal the measured server's thread). */
export function loadTestInChild(opts: Parameters<typeof loadTest>[0]): Promise<LoadFigures> {
  const client = path.join(path.dirname(fileURLToPath(import.meta.url)), "load-client.ts");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", client, JSON.stringify(opts)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as LoadFigures);
      },
    );
  });
}
