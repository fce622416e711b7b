// Prints the one closing line of a test run over what this run left in test-artifacts: the Vitest JSON reports
// and the stages `npm test` ran (scripts/test-all.mjs), e.g. "Tests: 812 passed, 0 failed, 4 skipped" or
// "Tests: 790 passed, 2 failed, 4 skipped; failed: typecheck, test:main". When the tests did not run at all
// (.ci/run failed before them) the line says so. Exit code 1 when anything failed or no test passed. The line
// is also written to test-artifacts/test-summary.txt, so that .ci/run knows it has been printed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const ARTIFACTS = "test-artifacts";
const readJson = (file) => JSON.parse(readFileSync(`${ARTIFACTS}/${file}`, "utf8"));

let passed = 0;
let failed = 0;
let skipped = 0;
let isBroken = false;
for (const file of ["vitest-main.json", "vitest-e2e.json"]) {
  if (!existsSync(`${ARTIFACTS}/${file}`)) continue;
  const report = readJson(file);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // a file that failed outside its tests (an import error, a failed beforeAll) fails the run too
  if (report.success === false) isBroken = true;
}
const stages = existsSync(`${ARTIFACTS}/test-stages.json`) ? readJson("test-stages.json") : null;
const failedStages = (stages ?? []).filter((stage) => !stage.isPassed).map((stage) => stage.name);

let line = `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
if (stages === null) line += "; the tests did not run";
else if (failedStages.length > 0) line += `; failed: ${failedStages.join(", ")}`;
console.log(line);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(`${ARTIFACTS}/test-summary.txt`, `${line}\n`);
const isFailed = failed > 0 || passed === 0 || isBroken || stages === null || failedStages.length > 0;
process.exit(isFailed ? 1 : 0);
