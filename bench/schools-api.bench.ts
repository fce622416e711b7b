import { loadavg } from "node:os";
import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { median } from "simple-statistics";
import { buildMunicipality, buildRegion, buildSchool, buildUser } from "../test/support/factories";
import { buildTestApp, signIn } from "../test/support/http";
import { benchEngines } from "./lib/engines";
import { type LoadFigures, loadTestInChild } from "./lib/load";
import { printTable } from "./lib/table";

/**
 * GET /api/schools for a 400-school region, 50 concurrent clients on loopback, on each database;
 * beside it a bare Fastify route returning the same JSON, so the product's overhead is a ratio
 * measured in the same run. The two are measured in turns (Опора, голый, голый, Опора, …) so that a
 * change in the machine's other load touches both alike; the table gives the median of the rounds.
 * The load comes from a separate process. Targets: at least half the bare throughput, p95 within 2×.
 */
const SCHOOLS = 400;
const MUNICIPALITIES = 20;
const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

type Median = { requestsPerSec: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number };
const medianOf = (runs: LoadFigures[]): Median => ({
  requestsPerSec: median(runs.map((f) => f.requestsPerSec)),
  p50Ms: median(runs.map((f) => f.p50Ms)),
  p95Ms: median(runs.map((f) => f.p95Ms)),
  p99Ms: median(runs.map((f) => f.p99Ms)),
  errors: runs.reduce((sum, f) => sum + f.errors, 0),
});
const range = (runs: LoadFigures[]) => {
  const values = runs.map((f) => f.requestsPerSec);
  return `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
};

const rows: Record<string, string | number>[] = [];
const row = (engine: string, target: string, runs: LoadFigures[]) => {
  const m = medianOf(runs);
  return {
    база: engine,
    что: target,
    "запросов/с": m.requestsPerSec,
    "p50, мс": m.p50Ms,
    "p95, мс": m.p95Ms,
    "p99, мс": m.p99Ms,
    ошибок: m.errors,
    "запросов/с по замерам": range(runs),
  };
};
const loadAtStart = loadavg()[0] ?? 0;

for (const engine of benchEngines()) {
  const database = await engine.open();
  const region = await buildRegion(database.db);
  const municipalities = [];
  for (let i = 0; i < MUNICIPALITIES; i++)
    municipalities.push(await buildMunicipality(database.db, { regionId: region.id }));
  for (let i = 0; i < SCHOOLS; i++) {
    const m = municipalities[i % MUNICIPALITIES]!;
    await buildSchool(database.db, { municipalityId: m.id, regionId: region.id, isRural: i % 3 !== 0 });
  }
  const { login } = await buildUser(database.db, { role: "region_analyst", regionId: region.id });

  const app = await buildTestApp(database);
  const client = await signIn(app, login);
  const sample = await client.request({ method: "GET", url: "/api/schools" });
  const body = sample.json();
  if (sample.statusCode !== 200 || body.total !== SCHOOLS) {
    throw new Error(`unexpected /api/schools answer: ${sample.statusCode} total=${body.total}`);
  }
  const bare = Fastify();
  bare.get("/api/schools", async () => body);
  const productUrl = `${await listen(app)}/api/schools`;
  const bareUrl = `${await listen(bare)}/api/schools`;
  const measure = {
    product: () =>
      loadTestInChild({
        url: productUrl,
        headers: { cookie: client.cookie },
        connections: CONNECTIONS,
        seconds: SECONDS,
      }),
    bare: () => loadTestInChild({ url: bareUrl, connections: CONNECTIONS, seconds: SECONDS }),
  };
  const product: LoadFigures[] = [];
  const baseline: LoadFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      product.push(await measure.product());
      baseline.push(await measure.bare());
    } else {
      baseline.push(await measure.bare());
      product.push(await measure.product());
    }
  }
  await app.close();
  await bare.close();
  await database.close();

  const p = medianOf(product);
  const b = medianOf(baseline);
  const throughput = p.requestsPerSec / b.requestsPerSec;
  const p95 = p.p95Ms / b.p95Ms;
  rows.push(row(engine.kind, "Опора GET /api/schools", product));
  rows.push(row(engine.kind, "голый Fastify, тот же JSON", baseline));
  rows.push({
    база: engine.kind,
    что: "отношение Опора / голый",
    "запросов/с": throughput,
    "p50, мс": p.p50Ms / b.p50Ms,
    "p95, мс": p95,
    "p99, мс": p.p99Ms / b.p99Ms,
    ошибок: "",
    "запросов/с по замерам": `цель ≥ 0,5 и p95 ≤ 2: ${throughput >= 0.5 && p95 <= 2 ? "да" : "НЕТ"}`,
  });
}

const loadAtEnd = loadavg()[0] ?? 0;
printTable(
  `GET /api/schools: ${SCHOOLS} школ, ${CONNECTIONS} клиентов, ${ROUNDS} × ${SECONDS} с на замер ` +
    `поочерёдно, медиана (autocannon, loopback); средняя загрузка машины ${loadAtStart.toFixed(1)} → ` +
    `${loadAtEnd.toFixed(1)}`,
  rows,
);
