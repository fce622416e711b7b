import { describe, expect, it } from "vitest";
import type { Role } from "../../../shared/roles";
import { SYSTEM_ACTOR } from "../access/actor";
import { refuseMaterialWrite } from "./materials.policy";

const as = (role: Role) => ({
  ...SYSTEM_ACTOR,
  userId: 1,
  role,
  regionId: 1,
  municipalityId: role === "moc_coordinator" ? 10 : null,
});

describe("refuseMaterialWrite", () => {
  it("lets the region's roles write any material of their region, and no other region's", () => {
    for (const role of ["region_admin", "region_analyst"] as const) {
      expect(
        refuseMaterialWrite(as(role), { regionId: 1, level: "federal", municipalityId: null }),
      ).toBeNull();
      expect(refuseMaterialWrite(as(role), { regionId: 1, level: "school", municipalityId: 11 })).toBeNull();
      expect(refuseMaterialWrite(as(role), { regionId: 2, level: "regional", municipalityId: null })).toBe(
        "not_found",
      );
    }
  });

  it("lets a МОЦ write municipal and school materials of its municipality only", () => {
    const moc = as("moc_coordinator");
    expect(refuseMaterialWrite(moc, { regionId: 1, level: "municipal", municipalityId: 10 })).toBeNull();
    expect(refuseMaterialWrite(moc, { regionId: 1, level: "school", municipalityId: 10 })).toBeNull();
    expect(refuseMaterialWrite(moc, { regionId: 1, level: "municipal", municipalityId: 11 })).toBe(
      "not_found",
    );
    expect(refuseMaterialWrite(moc, { regionId: 1, level: "regional", municipalityId: null })).toBe(
      "forbidden",
    );
  });

  it("refuses the roles without the right", () => {
    for (const role of ["federal_operator", "school_director", "mentor", "specialist"] as const) {
      expect(refuseMaterialWrite(as(role), { regionId: 1, level: "school", municipalityId: 10 })).toBe(
        "forbidden",
      );
    }
  });
});
