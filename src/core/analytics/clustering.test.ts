import { describe, expect, it } from "vitest";
import type { SchoolCategoryCode } from "./cluster-profiles";
import { clusterSchools, seededSample } from "./clustering";
import type { AnalyticsIndicator, AnalyticsSchool } from "./types";

const indicators: AnalyticsIndicator[] = [
  { code: "poverty", name: "Малоимущие", direction: "lower_better" },
  { code: "parents", name: "Родители с ВО", direction: "higher_better" },
];

/** A small deterministic generator (LCG + Box–Muller), independent of the code under test. */
function normals(seed: number) {
  let s = seed;
  const u = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 1) / 2147483649;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Blobs of schools around the centres, `perBlob` each; blob b's schools have ids b*1000 + i. */
function blobs(centres: [number, number][], perBlob: number, spread: number): AnalyticsSchool[] {
  const noise = normals(7);
  return centres.flatMap(([poverty, parents], b) =>
    Array.from({ length: perBlob }, (_, i) => ({
      schoolId: b * 1000 + i,
      code: `B${b}-${i}`,
      name: `Школа ${b}-${i}`,
      municipalityId: b + 1,
      isRural: b === 0,
      values: { poverty: poverty + spread * noise(), parents: parents + spread * noise() },
    })),
  );
}

const centres: [number, number][] = [
  [0.6, 0.1],
  [0.1, 0.7],
  [0.3, 0.35],
];

/** True when every blob lies in exactly one cluster and different blobs in different clusters. */
function matchesBlobs(assignments: { schoolId: number; cluster: number }[]): boolean {
  const clusterOfBlob = new Map<number, number>();
  for (const a of assignments) {
    const blob = Math.floor(a.schoolId / 1000);
    const seen = clusterOfBlob.get(blob);
    if (seen === undefined) clusterOfBlob.set(blob, a.cluster);
    else if (seen !== a.cluster) return false;
  }
  return new Set(clusterOfBlob.values()).size === clusterOfBlob.size;
}

describe("clusterSchools", () => {
  const schools = blobs(centres, 40, 0.02);

  it("finds k = 3 in three well-separated blobs by silhouette, each blob one cluster", () => {
    const result = clusterSchools({ schools, indicators });
    expect(result.k).toBe(3);
    expect(result.kChosenBy).toBe("silhouette");
    expect(result.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...result.silhouetteByK.map((s) => s.silhouette));
    expect(result.silhouetteByK.find((s) => s.k === 3)?.silhouette).toBe(best);
    expect(result.silhouette).toBeGreaterThan(0.8);
    expect(matchesBlobs(result.schools)).toBe(true);
  });

  it("gives the same labels on a rerun", () => {
    const a = clusterSchools({ schools, indicators });
    const b = clusterSchools({ schools, indicators });
    expect(b.schools).toEqual(a.schools);
    expect(b.profiles).toEqual(a.profiles);
  });

  it("keeps the user's k", () => {
    const result = clusterSchools({ schools, indicators, options: { k: 2 } });
    expect(result.k).toBe(2);
    expect(result.kChosenBy).toBe("user");
    expect(new Set(result.schools.map((s) => s.cluster))).toEqual(new Set([1, 2]));
  });

  it("profiles clusters in original units with ШНРО, ШФНСУ and rural shares", () => {
    const categories = new Map<number, SchoolCategoryCode>();
    // In blob 0 (the poorest, all rural): 10 ШНРО, 10 both, 20 none.
    for (let i = 0; i < 40; i++) categories.set(i, i < 10 ? "shnro" : i < 20 ? "both" : "none");
    const result = clusterSchools({ schools, indicators, categories });
    const blob0 = result.schools.find((s) => s.schoolId === 0)!.cluster;
    const profile = result.profiles.find((p) => p.cluster === blob0)!;
    expect(profile.size).toBe(40);
    expect(profile.share).toBeCloseTo(1 / 3, 12);
    expect(profile.means.poverty).toBeCloseTo(0.6, 1);
    expect(profile.means.parents).toBeCloseTo(0.1, 1);
    expect(profile.zMeans.poverty).toBeGreaterThan(1);
    expect(profile.shnroShare).toBeCloseTo(0.5, 12);
    expect(profile.shfnsuShare).toBeCloseTo(0.25, 12);
    expect(profile.ruralShare).toBe(1);
    const other = result.profiles.find((p) => p.cluster !== blob0)!;
    expect(other).toMatchObject({ shnroShare: 0, shfnsuShare: 0, ruralShare: 0 });
    expect(clusterSchools({ schools, indicators }).profiles[0]!.shnroShare).toBeNull();
  });

  it("numbers clusters from the largest", () => {
    const uneven = [
      ...blobs([[0.6, 0.1]], 20, 0.02),
      ...blobs([[0.1, 0.7]], 50, 0.02).map((s) => ({
        ...s,
        schoolId: s.schoolId + 5000,
      })),
    ];
    const result = clusterSchools({ schools: uneven, indicators, options: { k: 2 } });
    expect(result.profiles.map((p) => p.size)).toEqual([50, 20]);
    expect(result.schools.find((s) => s.schoolId === 5000)?.cluster).toBe(1);
  });

  it("lists schools missing a value as excluded", () => {
    const gap: AnalyticsSchool = {
      schoolId: 9999,
      code: "GAP",
      name: "Без данных",
      municipalityId: 1,
      isRural: false,
      values: { poverty: 0.3 },
    };
    const result = clusterSchools({ schools: [...schools, gap], indicators });
    expect(result.excluded).toEqual([
      { schoolId: 9999, code: "GAP", name: "Без данных", municipalityId: 1, missing: ["parents"] },
    ]);
    expect(result.schools).toHaveLength(120);
  });

  it("chooses k on a sample when there are many schools and still labels every school the same way twice", () => {
    const many = blobs(centres, 400, 0.03);
    const options = { sampleSize: 300 };
    const a = clusterSchools({ schools: many, indicators, options });
    const b = clusterSchools({ schools: many, indicators, options });
    expect(a.k).toBe(3);
    expect(a.silhouetteSampleSize).toBe(300);
    expect(matchesBlobs(a.schools)).toBe(true);
    expect(b.schools).toEqual(a.schools);
  });

  it("refuses too few schools and an impossible k", () => {
    expect(() => clusterSchools({ schools: schools.slice(0, 2), indicators })).toThrow(/Недостаточно/);
    expect(() => clusterSchools({ schools, indicators, options: { k: 500 } })).toThrow(/от 1 до/);
  });
});

describe("seededSample", () => {
  it("is deterministic, sorted, without repeats", () => {
    const a = seededSample(1000, 50, 3);
    expect(a).toEqual(seededSample(1000, 50, 3));
    expect(new Set(a).size).toBe(50);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(seededSample(1000, 50, 4)).not.toEqual(a);
    expect(seededSample(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
  });
});
