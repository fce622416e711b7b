/**
 * Import benchmark: a generated long-layout CSV of 1,000,000 value rows (10,000 schools × 20
 * indicators × 5 years, `;`, decimal comma) imported on PGlite (in a data directory on disk, as the
 * product runs) and, when DATABASE_URL is set, on the PostgreSQL server: a dry run, the load, and the
 * same file again (nothing changes). Prints rows per second and the peak resident memory of the process.
 * Run: npx tsx bench/import.bench.ts [rows]   (rows defaults to 1,000,000; a multiple of 200,000 is exact)
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "../src/server/modules/access/actor";
import { ensureRegion } from "../src/server/modules/hierarchy/hierarchy.repo";
import { runImport } from "../src/server/modules/import/import-run.service";
import { findIndicators } from "../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../src/server/modules/indicators/indicator.service";
import type { Db } from "../src/server/platform/db";
import { benchEnginesOnDisk } from "./lib/engines";
import { timed, trackPeakRss } from "./lib/memory";
import { printTable } from "./lib/table";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const SCHOOLS = 10_000;
const INDICATORS = 20;
const YEARS = Math.max(1, Math.ceil(ROWS / (SCHOOLS * INDICATORS)));

async function write(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = "";
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.once("finish", () => resolve()));
}

function* registryLines(): Generator<string> {
  yield "Код ОО;Наименование;Муниципалитет";
  for (let s = 0; s < SCHOOLS; s++) yield `B${s};Школа № ${s};Район ${s % 40}`;
}

function* valueLines(
  indicators: { code: string; min: number; max: number; unit: string }[],
): Generator<string> {
  yield "Код ОО;Год;Показатель;Значение";
  let n = 0;
  for (let y = 0; y < YEARS; y++) {
    for (let s = 0; s < SCHOOLS; s++) {
      for (const ind of indicators) {
        if (n++ >= ROWS) return;
        const frac = ((s * 7 + y * 13 + ind.code.length) % 100) / 100;
        const value =
          ind.unit === "count" ? Math.round(ind.min + frac * 10) : ind.min + (ind.max - ind.min) * frac;
        yield `B${s};${2020 + y};${ind.code};${String(value).replace(".", ",")}`;
      }
    }
  }
}

async function prepare(db: Db, dir: string) {
  const regionId = await ensureRegion(db, "BENCH", "Регион для замера");
  await seedCatalogue(db, regionId);
  const indicators = (await findIndicators(db, regionId))
    .filter((i) => i.level === "school" && i.unit !== "bool")
    .slice(0, INDICATORS);
  const actor: Actor = {
    userId: 0,
    login: "bench",
    fullName: "Замер",
    role: "region_admin",
    regionId,
    municipalityId: null,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
  };
  const registry = path.join(dir, "schools.csv");
  await write(registry, registryLines());
  const values = path.join(dir, "values.csv");
  await write(values, valueLines(indicators));
  return { regionId, actor, registry, values };
}

/**
 * The runs, in order on one database: a dry run of the new year, its load (the target applies to
 * it), and the same file loaded again (every value unchanged: the general path, each value looked up).
 */
const RUNS = [
  { run: "проверка", dryRun: true },
  { run: "загрузка", dryRun: false },
  { run: "повтор (без изменений)", dryRun: false },
] as const;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "opora-import-bench-"));
  const results: Record<string, string | number>[] = [];
  const stages: Record<string, string | number>[] = [];
  try {
    for (const engine of benchEnginesOnDisk(dir)) {
      const database = await engine.open();
      try {
        const { regionId, actor, registry, values } = await prepare(database.db, dir);
        const size = (await stat(values)).size;
        const base = { db: database.db, actor, regionId, dryRun: false };
        await runImport({ ...base, kind: "schools", file: { path: registry, fileName: "schools.csv" } });
        for (const { run, dryRun } of RUNS) {
          const memory = trackPeakRss();
          const laps: Record<string, string | number> = { engine: engine.kind, run };
          const { result, ms, cpuSeconds } = await timed(() =>
            runImport({
              ...base,
              dryRun,
              kind: "values",
              file: { path: values, fileName: "values.csv" },
              onStage: (stage, stageMs) => {
                laps[stage] = stageMs / 1000;
              },
            }),
          );
          const peak = memory.stop();
          stages.push(laps);
          results.push({
            engine: engine.kind,
            run,
            rows: result.rows,
            created: result.created,
            unchanged: result.unchanged,
            errors: result.errorCount,
            "file MiB": size / (1 << 20),
            seconds: ms / 1000,
            "CPU s": cpuSeconds,
            "rows/s": Math.round(result.rows / (ms / 1000)),
            "peak RSS MiB": peak,
            target: run === "загрузка" ? (engine.kind === "pglite" ? 50_000 : 100_000) : "",
          });
          console.error(`${engine.kind} ${run}: ${(ms / 1000).toFixed(1)} s`);
        }
      } finally {
        await database.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  printTable(`Загрузка ${ROWS.toLocaleString("ru-RU")} строк значений (длинная таблица, CSV)`, results);
  printTable("Этапы, секунды", stages);
}

void main();
