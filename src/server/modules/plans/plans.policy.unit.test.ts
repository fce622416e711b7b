import { describe, expect, it } from "vitest";
import type { Role } from "../../../shared/roles";
import type { Actor } from "../access/actor";
import { canCheckIn, type PlanOwnerPlace, planAccess, planSides } from "./plans.policy";

function actor(
  role: Role,
  place: Partial<Pick<Actor, "regionId" | "municipalityId" | "schoolId">> = {},
): Actor {
  return {
    userId: 7,
    login: role,
    fullName: role,
    role,
    regionId: role === "federal_operator" ? null : 1,
    municipalityId: null,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
    ...place,
  };
}

const SCHOOL: PlanOwnerPlace = { level: "school", regionId: 1, municipalityId: 10, schoolId: 100 };
const MUNICIPAL: PlanOwnerPlace = { level: "municipal", regionId: 1, municipalityId: 10, schoolId: null };
const REGIONAL: PlanOwnerPlace = { level: "regional", regionId: 1, municipalityId: null, schoolId: null };

describe("planSides", () => {
  const director = actor("school_director", { municipalityId: 10, schoolId: 100 });
  const otherDirector = actor("school_director", { municipalityId: 10, schoolId: 101 });
  const moc = actor("moc_coordinator", { municipalityId: 10 });
  const otherMoc = actor("moc_coordinator", { municipalityId: 11 });
  const admin = actor("region_admin");
  const analyst = actor("region_analyst");
  const otherAdmin = actor("region_admin", { regionId: 2 });

  it("makes the director the author of its school's programme and the МОЦ of its municipality the reviewer", () => {
    expect(planSides(director, SCHOOL)).toEqual(["author"]);
    expect(planSides(moc, SCHOOL)).toEqual(["reviewer"]);
    for (const nobody of [
      otherDirector,
      otherMoc,
      admin,
      analyst,
      otherAdmin,
      actor("mentor"),
      actor("federal_operator"),
    ])
      expect(planSides(nobody, SCHOOL)).toEqual([]);
  });

  it("makes the МОЦ the author of its road map and the region (admin or analyst) its reviewer", () => {
    expect(planSides(moc, MUNICIPAL)).toEqual(["author"]);
    expect(planSides(admin, MUNICIPAL)).toEqual(["reviewer"]);
    expect(planSides(analyst, MUNICIPAL)).toEqual(["reviewer"]);
    for (const nobody of [director, otherMoc, otherAdmin, actor("specialist")])
      expect(planSides(nobody, MUNICIPAL)).toEqual([]);
  });

  it("makes the analyst and the admin authors of the regional road map and only the admin its reviewer", () => {
    expect(planSides(analyst, REGIONAL)).toEqual(["author"]);
    expect(planSides(admin, REGIONAL)).toEqual(["author", "reviewer"]);
    for (const nobody of [moc, director, otherAdmin, actor("federal_operator")])
      expect(planSides(nobody, REGIONAL)).toEqual([]);
  });
});

describe("planAccess", () => {
  const director = actor("school_director", { municipalityId: 10, schoolId: 100 });
  const moc = actor("moc_coordinator", { municipalityId: 10 });
  const mentor = actor("mentor");

  it("lets the author edit a draft or returned plan and take the author's transitions", () => {
    expect(planAccess(director, SCHOOL, "draft", true)).toMatchObject({
      side: "author",
      canEdit: true,
      actions: ["submit"],
    });
    expect(planAccess(director, SCHOOL, "returned", true)).toMatchObject({
      canEdit: true,
      actions: ["submit"],
    });
    expect(planAccess(director, SCHOOL, "submitted", true)).toMatchObject({ canEdit: false, actions: [] });
    expect(planAccess(director, SCHOOL, "approved", true)).toMatchObject({
      canEdit: false,
      actions: ["revise"],
      canRecordExecution: true,
    });
  });

  it("gives the reviewer return and approve on a submitted plan, lock on an approved one, never editing", () => {
    expect(planAccess(moc, SCHOOL, "submitted", true)).toMatchObject({
      side: "reviewer",
      canEdit: false,
      actions: ["return", "approve"],
    });
    expect(planAccess(moc, SCHOOL, "approved", true).actions).toEqual(["lock"]);
    expect(planAccess(moc, SCHOOL, "locked", true)).toMatchObject({
      actions: [],
      canComment: false,
      canAssign: false,
    });
  });

  it("gives a reader nothing but reading, and someone out of scope no side at all", () => {
    expect(planAccess(mentor, SCHOOL, "approved", true)).toMatchObject({
      side: "reader",
      actions: [],
      canComment: false,
      canRecordExecution: false,
      canCheckInAll: false,
    });
    expect(planAccess(director, SCHOOL, "draft", false)).toMatchObject({
      side: "none",
      sides: [],
      canEdit: false,
    });
  });

  it("lets only the road map's author fill its order, until it is locked", () => {
    const own = actor("moc_coordinator", { municipalityId: 10 });
    expect(planAccess(own, MUNICIPAL, "approved", true).canEditOrder).toBe(true);
    expect(planAccess(own, MUNICIPAL, "locked", true).canEditOrder).toBe(false);
    expect(planAccess(actor("region_admin"), MUNICIPAL, "approved", true).canEditOrder).toBe(false);
    expect(planAccess(director, SCHOOL, "draft", true).canEditOrder).toBe(false);
  });
});

describe("canCheckIn", () => {
  const mentor = actor("mentor");
  const director = actor("school_director", { municipalityId: 10, schoolId: 100 });

  it("lets the author check in on any activity of an approved plan and an assignee on its own only", () => {
    const authorAccess = planAccess(director, SCHOOL, "approved", true);
    expect(canCheckIn(director, authorAccess, "approved", false)).toBe(true);
    const readerAccess = planAccess(mentor, SCHOOL, "approved", true);
    expect(canCheckIn(mentor, readerAccess, "approved", true)).toBe(true);
    expect(canCheckIn(mentor, readerAccess, "approved", false)).toBe(false);
  });

  it("refuses check-ins before approval and after locking, and to roles without plan.checkin", () => {
    const access = planAccess(director, SCHOOL, "submitted", true);
    expect(canCheckIn(director, access, "submitted", true)).toBe(false);
    expect(canCheckIn(director, planAccess(director, SCHOOL, "locked", true), "locked", true)).toBe(false);
    const federal = actor("federal_operator");
    expect(canCheckIn(federal, planAccess(federal, SCHOOL, "approved", true), "approved", true)).toBe(false);
  });
});
