import { defineConfig } from "vitest/config";
import { SERVER_TIMEOUT, STEP_TIMEOUT } from "./e2e/support/wait";

/** Three test tiers: pure core (unit), services and routes on a real database (integration), browser (e2e). */
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["src/core/**/*.test.ts", "src/shared/**/*.test.ts", "src/server/**/*.unit.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["src/server/**/*.test.ts", "src/cli/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["src/server/**/*.unit.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          // beforeAll may build the demo region's copy (test/support/demo-db.ts) on a machine many times slower than a
          // developer's; each wait inside ends as soon as its condition holds.
          hookTimeout: 600_000,
          pool: "forks",
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          // Deadlines for a machine many times slower than a developer's (shared cores, other runs beside this
          // one); each wait inside ends as soon as its condition holds (e2e/support/wait.ts).
          testTimeout: 600_000,
          // beforeAll may build the demo template and then start a server.
          hookTimeout: 2 * SERVER_TIMEOUT + 60_000,
          expect: { poll: { timeout: STEP_TIMEOUT, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
