import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs the benchmarks: `npm run bench` runs every bench/*.bench.ts in turn,
 * `npm run bench -- schools-api` only those whose name contains the word. Each prints its own table:
 * `schools-api` (the school list beside a bare route), `load` (100 clients over a mix on the demo
 * region), `import` (a million-row value import), `national` (identification at national scale), `mentoring` (the exact mentor
 * matching, 1 000 teachers × 300 mentors).
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`Нет бенчмарков${filter ? ` с «${filter}» в имени` : ""} в ${dir}`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, f)], { stdio: "inherit" });
  if (r.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
