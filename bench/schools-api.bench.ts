import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { buildMunicipality, buildRegion, buildSchool, buildUser } from "../test/support/factories";
import { buildTestApp, signIn } from "../test/support/http";
import { benchEngines } from "./lib/engines";
import { type LoadFigures, loadTestInChild } from "./lib/load";
import { printTable } from "./lib/table";

/**
 * GET /api/schools for a 400-school region, 50 concurrent clients on loopback, on each database;
 * beside it a bare Fastify route returning the same JSON, so the product's overhead is a ratio
 * measured in the same run. The load comes from a separate process. Target: p95 under 50 ms.
 */
const SCHOOLS = 400;
const MUNICIPALITIES = 20;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

const rows: Record<string, string | number>[] = [];
const row = (engine: string, target: string, f: LoadFigures) => ({
  база: engine,
  что: target,
  "запросов/с": f.requestsPerSec,
  "p50, мс": f.p50Ms,
  "p95, мс": f.p95Ms,
  ошибок: f.errors,
});

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
  const base = await listen(app);
  const product = await loadTestInChild({
    url: `${base}/api/schools`,
    headers: { cookie: client.cookie },
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  await app.close();

  const bare = Fastify();
  bare.get("/api/schools", async () => body);
  const bareBase = await listen(bare);
  const baseline = await loadTestInChild({
    url: `${bareBase}/api/schools`,
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  await bare.close();
  await database.close();

  rows.push(row(engine.kind, "Опора GET /api/schools", product));
  rows.push(row(engine.kind, "голый Fastify, тот же JSON", baseline));
  rows.push({
    база: engine.kind,
    что: "отношение Опора / голый",
    "запросов/с": product.requestsPerSec / baseline.requestsPerSec,
    "p50, мс": product.p50Ms / baseline.p50Ms,
    "p95, мс": product.p95Ms / baseline.p95Ms,
    ошибок: product.p95Ms < 50 ? "p95 < 50 мс: да" : "p95 < 50 мс: НЕТ",
  });
}

printTable(
  `GET /api/schools: ${SCHOOLS} школ, ${CONNECTIONS} клиентов, ${SECONDS} с на замер (autocannon, loopback)`,
  rows,
);
