import { describe, expect, it } from "vitest";
import { hasPermission } from "../shared/roles";

describe("roles", () => {
  it("gives the audit log only to region admins", () => {
    expect(hasPermission("region_admin", "audit.read")).toBe(true);
    expect(hasPermission("moc_coordinator", "audit.read")).toBe(false);
  });
});
