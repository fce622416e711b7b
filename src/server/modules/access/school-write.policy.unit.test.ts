import { describe, expect, it } from "vitest";
import type { Role } from "../../../shared/roles";
import { type Actor, SYSTEM_ACTOR } from "./actor";
import { refuseSchoolWrite, type SchoolWriteFacts } from "./school-write.policy";

/** A user of the role in region 1 (a МОЦ of municipality 10), built on the system actor's shape. */
const as = (role: Role): Actor => ({
  ...SYSTEM_ACTOR,
  userId: 1,
  role,
  regionId: 1,
  municipalityId: role === "moc_coordinator" ? 10 : null,
});

const inScope = { regionId: 1, isInScope: true };
const rename: SchoolWriteFacts = { kind: "update", school: { regionId: 1 }, changesIdentity: false };
const move: SchoolWriteFacts = {
  kind: "update",
  school: { regionId: 1 },
  changesIdentity: true,
  target: inScope,
};
const create: SchoolWriteFacts = { kind: "create", target: inScope };

describe("refuseSchoolWrite", () => {
  it("lets a region admin rename, move within the region and create", () => {
    expect(refuseSchoolWrite(as("region_admin"), rename)).toBeNull();
    expect(refuseSchoolWrite(as("region_admin"), move)).toBeNull();
    expect(refuseSchoolWrite(as("region_admin"), create)).toBeNull();
  });

  it("refuses the region analyst every write, for want of a right", () => {
    expect(refuseSchoolWrite(as("region_analyst"), rename)).toBe("no_update_right");
    expect(refuseSchoolWrite(as("region_analyst"), move)).toBe("no_update_right");
    expect(refuseSchoolWrite(as("region_analyst"), create)).toBe("no_create_right");
  });

  it("lets a МОЦ describe the schools in its scope, and nothing more", () => {
    expect(refuseSchoolWrite(as("moc_coordinator"), rename)).toBeNull();
    expect(refuseSchoolWrite(as("moc_coordinator"), { ...rename, school: null })).toBe("school_not_found");
    expect(refuseSchoolWrite(as("moc_coordinator"), move)).toBe("no_identity_right");
    expect(refuseSchoolWrite(as("moc_coordinator"), create)).toBe("no_create_right");
  });

  it("moves only into a municipality in scope and in the school's region", () => {
    const admin = as("region_admin");
    expect(refuseSchoolWrite(admin, { ...move, target: null })).toBe("municipality_not_found");
    expect(refuseSchoolWrite(admin, { ...move, target: { regionId: 1, isInScope: false } })).toBe(
      "municipality_not_found",
    );
    expect(refuseSchoolWrite(admin, { ...move, target: { regionId: 2, isInScope: true } })).toBe(
      "other_region",
    );
    expect(refuseSchoolWrite(admin, { kind: "create", target: null })).toBe("municipality_not_found");
  });
});
