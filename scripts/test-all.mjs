// `npm test`: every tier in turn (types, lint, unit and integration, browser), each one run even when an earlier
// one failed, so that a type error does not hide the tests' results; then the one summary line of
// scripts/test-summary.mjs. The exit code is the summary's: 0 only when every stage passed.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const ARTIFACTS = "test-artifacts";
const STAGES = ["typecheck", "lint", "test:main", "test:e2e"];

// Only what this run produces counts: reports of an earlier run are removed first.
mkdirSync(ARTIFACTS, { recursive: true });
for (const file of ["vitest-main.json", "vitest-e2e.json", "test-stages.json", "test-summary.txt"]) {
  rmSync(`${ARTIFACTS}/${file}`, { force: true });
}

const stages = [];
for (const name of STAGES) {
  const run = spawnSync("npm", ["run", name], { stdio: "inherit" });
  stages.push({ name, isPassed: run.status === 0 });
  writeFileSync(`${ARTIFACTS}/test-stages.json`, JSON.stringify(stages));
}
const summary = spawnSync(process.execPath, ["scripts/test-summary.mjs"], { stdio: "inherit" });
process.exit(summary.status ?? 1);
