import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { DEMO_YEARS } from "../src/core/demo";
import { loadDemoRegion } from "../src/server/modules/demo/demo.service";
import { buildTestApp, type Client, signIn } from "../test/support/http";
import { benchEnginesOnDisk } from "./lib/engines";
import { type LoadFigures, type LoadTarget, loadMixInChild, type MixFigures, SLOW_MS } from "./lib/load";
import { printTable } from "./lib/table";

/**
 * 100 clients for 60 s over a mix of what people open most, against the demo region (367 schools,
 * identification runs for each demo year), on PGlite in a data directory (as `npm start`) and on the
 * PostgreSQL server: the school list, school cards, the results of the latest run (the identified
 * schools) and schools' identification histories, 25 clients each, over 10 sessions of the region
 * analyst. Beside it, in the same run, a bare Fastify server answering the same paths with the same
 * JSON. Targets: 0 errors and no answer over 5 s on PGlite; p99 under 2 s on PostgreSQL.
 */
const CONNECTIONS_PER_TARGET = 25;
const SESSIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

/** Starts an identification run for a year as the client and waits for its job; returns the run id. */
async function runIdentification(client: Client, year: number): Promise<number> {
  const started = await client.request({
    method: "POST",
    url: "/api/identification/runs",
    payload: { year },
  });
  if (started.statusCode !== 200) throw new Error(`run ${year}: ${started.statusCode} ${started.body}`);
  const { jobId } = started.json();
  for (;;) {
    const job = (await client.request({ method: "GET", url: `/api/jobs/${jobId}` })).json();
    if (job.status === "done") return job.result.runId;
    if (job.status === "failed") throw new Error(`run ${year} failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The mix: the paths of each kind of request (the same for Opora and the bare reference). */
function mixPaths(schoolIds: number[], runId: number): Record<string, string[]> {
  return {
    "список школ": ["/api/schools"],
    "карточка школы": schoolIds.map((id) => `/api/schools/${id}`),
    "результаты запуска": [`/api/identification/runs/${runId}/results?category=flagged`],
    "история школы": schoolIds.map((id) => `/api/schools/${id}/identification`),
  };
}

/** Every path's answer as Opora gives it, checked to be 200: the bare reference serves these. */
async function captureAnswers(client: Client, paths: string[]): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const url of paths) {
    const res = await client.request({ method: "GET", url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    answers.set(url, res.json());
  }
  return answers;
}

/** A bare Fastify server answering each captured path with its JSON (serialised per request). */
async function bareServer(answers: Map<string, unknown>): Promise<FastifyInstance> {
  const bare = Fastify();
  bare.get("/*", async (request, reply) => {
    const body = answers.get(request.url);
    return body === undefined ? reply.code(404).send({}) : body;
  });
  return bare;
}

function targetsOf(origin: string, paths: Record<string, string[]>, cookies: string[]): LoadTarget[] {
  return Object.entries(paths).map(([name, list]) => ({
    name,
    origin,
    paths: list,
    cookies,
    connections: CONNECTIONS_PER_TARGET,
  }));
}

const rows: Record<string, string | number>[] = [];
const row = (engine: string, server: string, what: string, f: LoadFigures) => ({
  база: engine,
  сервер: server,
  запросы: what,
  запросов: f.requests,
  "запросов/с": f.requestsPerSec,
  "p50, мс": f.p50Ms,
  "p95, мс": f.p95Ms,
  "p99, мс": f.p99Ms,
  "max, мс": f.maxMs,
  ошибок: f.errors,
  [`> ${SLOW_MS / 1000} с`]: f.slow,
  [`последний > ${SLOW_MS / 1000} с на секунде`]: f.slow ? f.lastSlowAtS.toFixed(0) : "",
});
const addRows = (engine: string, server: string, mix: MixFigures) => {
  for (const [name, figures] of Object.entries(mix.byTarget)) rows.push(row(engine, server, name, figures));
  rows.push(row(engine, server, "всего", mix.total));
};
const verdicts: string[] = [];
const loadAtStart = loadavg()[0] ?? 0;
const dir = await mkdtemp(path.join(tmpdir(), "opora-bench-load-"));

try {
  for (const engine of benchEnginesOnDisk(dir)) {
    const database = await engine.open();
    await loadDemoRegion({ db: database.db });
    const app = await buildTestApp(database);
    const analyst = await signIn(app, "analyst", "demo-analyst");
    let runId = 0;
    for (const year of DEMO_YEARS) runId = await runIdentification(analyst, year);
    const sessions = [analyst];
    while (sessions.length < SESSIONS) sessions.push(await signIn(app, "analyst", "demo-analyst"));
    const list = (await analyst.request({ method: "GET", url: "/api/schools" })).json();
    const paths = mixPaths(
      list.items.map((s: { id: number }) => s.id),
      runId,
    );
    const answers = await captureAnswers(analyst, Object.values(paths).flat());
    const bare = await bareServer(answers);
    const cookies = sessions.map((s) => s.cookie);
    const product = await loadMixInChild({
      targets: targetsOf(await listen(app), paths, cookies),
      seconds: SECONDS,
    });
    const reference = await loadMixInChild({
      targets: targetsOf(await listen(bare), paths, []),
      seconds: SECONDS,
    });
    await app.close();
    await bare.close();
    await database.close();

    addRows(engine.kind, "Опора", product);
    addRows(engine.kind, "голый Fastify", reference);
    const t = product.total;
    verdicts.push(
      engine.kind === "pglite"
        ? `pglite: ошибок ${t.errors}, ответов дольше ${SLOW_MS / 1000} с — ${t.slow}: цель (0 и 0) ${t.errors === 0 && t.slow === 0 ? "достигнута" : "НЕ достигнута"}`
        : `${engine.kind}: p99 ${t.p99Ms.toFixed(0)} мс, ошибок ${t.errors}: цель (p99 < 2000 мс) ${t.p99Ms < 2000 ? "достигнута" : "НЕ достигнута"}`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const loadAtEnd = loadavg()[0] ?? 0;
printTable(
  `Нагрузка: демо-регион, ${4 * CONNECTIONS_PER_TARGET} клиентов (по ${CONNECTIONS_PER_TARGET} на вид запроса), ` +
    `${SECONDS} с на замер, ${SESSIONS} сессий аналитика (autocannon, loopback); средняя загрузка машины ` +
    `${loadAtStart.toFixed(1)} → ${loadAtEnd.toFixed(1)}`,
  rows,
);
for (const verdict of verdicts) console.log(verdict);
