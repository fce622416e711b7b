import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config";
import { logLevelHint } from "./serve.command";

describe("opora serve logging", () => {
  it("keeps request logs off the terminal by default, and OPORA_LOG_LEVEL brings them back", () => {
    expect(loadConfig({}).logLevel).toBe("warn");
    expect(loadConfig({ OPORA_LOG_LEVEL: "info" }).logLevel).toBe("info");
    expect(() => loadConfig({ OPORA_LOG_LEVEL: "loud" })).toThrow(/OPORA_LOG_LEVEL/);
    expect(logLevelHint("warn")).toContain("OPORA_LOG_LEVEL=info");
    expect(logLevelHint("info")).toContain("каждый запрос");
  });
});
