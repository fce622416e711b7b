// Prints one closing line over every Vitest JSON report of this run: "Tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from "node:fs";

const files = ["test-artifacts/vitest-main.json", "test-artifacts/vitest-e2e.json"].filter((f) =>
  existsSync(f),
);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of files) {
  const r = JSON.parse(readFileSync(f, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
