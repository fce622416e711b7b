import { describe, expect, it } from "vitest";
import { MOC_POSITIONS, mocStaffInputSchema, schoolInputSchema } from "../../shared/hierarchy";
import { ROLES } from "../../shared/roles";
import { DEFAULT_DEMO_SEED, generateDemoRegion } from "./demo-region";
import { REGION_BOUNDS } from "./school-places";
import { DEMO_SIGN_INS } from "./users";

const region = generateDemoRegion();
const { schools, municipalities, mocs, users } = region;
const rural = schools.filter((school) => school.isRural);
const urban = schools.filter((school) => !school.isRural);

function studentsOf(list: typeof schools): number {
  return list.reduce((sum, school) => sum + school.students, 0);
}

describe("generateDemoRegion: determinism", () => {
  it("gives the same region for the same seed and the default seed when none is given", () => {
    expect(generateDemoRegion(42)).toEqual(generateDemoRegion(42));
    expect(generateDemoRegion(DEFAULT_DEMO_SEED)).toEqual(region);
  });

  it("gives another region for another seed", () => {
    const other = generateDemoRegion(43);
    expect(other.schools.map((school) => school.fullName)).not.toEqual(
      generateDemoRegion(42).schools.map((school) => school.fullName),
    );
  });
});

describe("generateDemoRegion: Smolensk region's figures", () => {
  it("has Smolensk region's 27 municipalities: 25 districts and 2 cities", () => {
    expect(region.region).toEqual({ code: "67", name: "Смоленская область" });
    expect(municipalities).toHaveLength(27);
    expect(
      municipalities
        .filter((municipality) => municipality.kind === "city")
        .map((municipality) => municipality.name),
    ).toEqual(["г. Смоленск", "г. Десногорск"]);
    expect(new Set(municipalities.map((municipality) => municipality.code)).size).toBe(27);
    expect(municipalities.map((municipality) => municipality.name)).toContain("Хиславичский район");
  });

  it("has 367 schools, 64.8% rural, 59.9% of rural schools small, 20.2% of students in rural schools", () => {
    expect(schools).toHaveLength(367);
    expect(rural.length / schools.length).toBeCloseTo(0.648, 2);
    expect(rural).toHaveLength(238);
    expect(rural.filter((school) => school.isSmall)).toHaveLength(143);
    expect(Math.abs(studentsOf(rural) / studentsOf(schools) - 0.202)).toBeLessThanOrEqual(0.005);
    expect(urban.every((school) => !school.isSmall)).toBe(true);
  });

  it("gives every school a unique code and a unique name", () => {
    expect(new Set(schools.map((school) => school.code)).size).toBe(schools.length);
    expect(schools.every((school) => /^67-\d{3}$/.test(school.code))).toBe(true);
    expect(new Set(schools.map((school) => school.fullName)).size).toBe(schools.length);
  });

  it("puts schools in every municipality, the most in Smolensk city", () => {
    const counts = new Map(
      municipalities.map(({ code }) => [
        code,
        schools.filter((school) => school.municipalityCode === code).length,
      ]),
    );
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(schools.length);
    expect([...counts.values()].every((count) => count > 0)).toBe(true);
    expect(Math.max(...counts.values())).toBe(counts.get("smolensk"));
  });

  it("keeps gymnasiums and lyceums in towns and sizes plausible", () => {
    const selective = schools.filter((school) => school.kind === "гимназия" || school.kind === "лицей");
    expect(selective.length).toBeGreaterThan(0);
    expect(selective.every((school) => !school.isRural)).toBe(true);
    expect(
      rural
        .filter((school) => school.isSmall)
        .every((school) => school.students >= 10 && school.students <= 90),
    ).toBe(true);
    expect(rural.filter((school) => !school.isSmall).every((school) => school.students > 90)).toBe(true);
    expect(urban.every((school) => school.students >= 300 && school.students <= 1200)).toBe(true);
    for (const school of schools) {
      expect(school.teachers).toBeGreaterThanOrEqual(3);
      expect(school.students / school.teachers).toBeLessThan(20);
    }
  });

  it("names schools the way the region does", () => {
    const names = schools.map((school) => school.fullName);
    expect(names).toContain("МБОУ «Средняя школа № 5» г. Смоленска");
    expect(names.some((name) => /^МБОУ (Хиславичская СШ|«Хиславичская средняя школа»)$/.test(name))).toBe(
      true,
    );
    expect(names.some((name) => /Каменская (ОШ|основная школа)/.test(name))).toBe(true);
  });

  it("places schools inside the region with an address", () => {
    for (const school of schools) {
      expect(school.latitude).not.toBeNull();
      expect(school.latitude ?? 0).toBeGreaterThanOrEqual(REGION_BOUNDS.minLatitude);
      expect(school.latitude ?? 0).toBeLessThanOrEqual(REGION_BOUNDS.maxLatitude);
      expect(school.longitude ?? 0).toBeGreaterThanOrEqual(REGION_BOUNDS.minLongitude);
      expect(school.longitude ?? 0).toBeLessThanOrEqual(REGION_BOUNDS.maxLongitude);
      expect(school.address).toMatch(/^\d{6}, Смоленская обл\., .+, д\. \d+$/);
    }
  });

  it("produces schools and МОЦ staff that pass the shared input schemas", () => {
    for (const school of schools) {
      const parsed = schoolInputSchema.safeParse({ ...school, municipalityId: 1 });
      expect(parsed.success, `${school.code}: ${parsed.error?.message}`).toBe(true);
    }
    for (const member of mocs.flatMap((moc) => moc.staff)) {
      expect(mocStaffInputSchema.safeParse(member).success, member.email).toBe(true);
    }
  });
});

describe("generateDemoRegion: МОЦ", () => {
  it("has a МОЦ in every municipality with every position in the required numbers", () => {
    expect(mocs.map((moc) => moc.municipalityCode)).toEqual(
      municipalities.map((municipality) => municipality.code),
    );
    expect(mocs.find((moc) => moc.municipalityCode === "velizh")?.name).toBe("МОЦ Велижского района");
    for (const moc of mocs) {
      const count = (position: string) => moc.staff.filter((member) => member.position === position).length;
      for (const position of MOC_POSITIONS)
        expect(count(position), `${moc.name} ${position}`).toBeGreaterThan(0);
      expect(count("coordinator")).toBe(1);
      expect(count("mentor_head")).toBeLessThanOrEqual(3);
      expect(count("mentor_teacher")).toBeGreaterThanOrEqual(2);
      expect(count("mentor_teacher")).toBeLessThanOrEqual(5);
      expect(moc.staff.every((member) => member.fullName.split(" ").length === 3)).toBe(true);
    }
  });
});

describe("generateDemoRegion: users", () => {
  const schoolByCode = new Map(schools.map((school) => [school.code, school]));

  it("has a user of every role with unique logins", () => {
    for (const role of ROLES)
      expect(
        users.some((user) => user.role === role),
        role,
      ).toBe(true);
    expect(new Set(users.map((user) => user.login)).size).toBe(users.length);
    expect(users.find((user) => user.login === "admin")).toMatchObject({
      password: "demo-admin",
      role: "region_admin",
    });
    expect(users.find((user) => user.login === "federal")?.role).toBe("federal_operator");
  });

  it("scopes МОЦ coordinators, directors, mentors and specialists to real places", () => {
    const coordinators = users.filter((user) => user.role === "moc_coordinator");
    expect(coordinators.map((user) => user.municipalityCode)).toContain("smolensk");
    expect(coordinators).toHaveLength(2);
    const directors = users.filter((user) => user.role === "school_director");
    expect(directors).toHaveLength(2);
    const directorSchools = directors.map((user) => schoolByCode.get(user.schoolCode ?? ""));
    expect(directors.map((user) => user.login)).toEqual(
      directorSchools.map((school) => `director.${school?.code}`),
    );
    expect(new Set(directorSchools.map((school) => school?.municipalityCode)).size).toBe(2);
    for (const user of users.filter(
      (candidate) => candidate.role === "mentor" || candidate.role === "specialist",
    )) {
      const assigned = user.assignedSchoolCodes ?? [];
      expect(assigned.length).toBeGreaterThanOrEqual(3);
      expect(assigned.length).toBeLessThanOrEqual(5);
      expect(assigned.every((code) => schoolByCode.has(code))).toBe(true);
    }
  });

  it("lists the same sign-ins for every seed", () => {
    for (const seed of [1, DEFAULT_DEMO_SEED]) {
      const signIns = generateDemoRegion(seed).users.map(({ login, password, role }) => ({
        login,
        password,
        role,
      }));
      expect(signIns).toEqual(DEMO_SIGN_INS.map(({ login, password, role }) => ({ login, password, role })));
    }
    expect(DEMO_SIGN_INS.every((signIn) => /[а-яё]/i.test(signIn.description))).toBe(true);
  });
});
