import { describe, expect, it } from "vitest";
import { haversineKm } from "./geo";
import { clusterName, formatKm, type PartnerCandidate, suggestPartners } from "./suggestions";

const smolensk = { latitude: 54.7826, longitude: 32.0453 };
const candidate = (over: Partial<PartnerCandidate> & { schoolId: number }): PartnerCandidate => ({
  code: `67-${String(over.schoolId).padStart(3, "0")}`,
  name: `Школа ${over.schoolId}`,
  municipalityId: 1,
  municipalityName: "Смоленск",
  point: smolensk,
  strength: "high_result",
  highIn: [],
  cluster: 1,
  ...over,
});
const names = new Map([
  [1, "Кластер 1: условия близки к средним по региону"],
  [2, "Кластер 2: доля малообеспеченных семей выше средней"],
]);

describe("haversineKm", () => {
  it("measures Smolensk to Moscow as about 370 km", () => {
    const km = haversineKm(smolensk, { latitude: 55.7558, longitude: 37.6173 });
    expect(km).toBeGreaterThan(360);
    expect(km).toBeLessThan(375);
  });

  it("is zero for one point", () => {
    expect(haversineKm(smolensk, smolensk)).toBe(0);
  });
});

describe("suggestPartners", () => {
  const seeker = { schoolId: 100, point: smolensk, cluster: 2 };
  const near = { latitude: 54.7826, longitude: 32.25 };
  const far = { latitude: 54.7826, longitude: 33.0 };

  it("puts the same cluster first, then the nearest", () => {
    const out = suggestPartners({
      seeker,
      clusterNames: names,
      candidates: [
        candidate({ schoolId: 1, point: near, cluster: 1 }),
        candidate({ schoolId: 2, point: far, cluster: 2 }),
        candidate({ schoolId: 3, point: near, cluster: 2 }),
      ],
    });
    expect(out.map((s) => s.schoolId)).toEqual([3, 2, 1]);
    expect(out[0]?.isSameCluster).toBe(true);
    expect(out[2]?.isSameCluster).toBe(false);
  });

  it("writes the sentence with the cluster's name and the distance", () => {
    const [first] = suggestPartners({
      seeker,
      clusterNames: names,
      candidates: [candidate({ schoolId: 3, point: near, cluster: 2, highIn: ["ОГЭ по математике"] })],
    });
    expect(first?.sentence).toBe(
      `Высокие результаты (ОГЭ по математике), тот же кластер социальных условий «Кластер 2: доля малообеспеченных семей выше средней», ${formatKm(first?.distanceKm ?? 0)}`,
    );
    expect(first?.distanceKm).toBeGreaterThan(12);
    expect(first?.distanceKm).toBeLessThan(14);
  });

  it("names a resilient school and says when coordinates or clusters are missing", () => {
    const [first] = suggestPartners({
      seeker: { schoolId: 100, point: null, cluster: null },
      clusterNames: names,
      candidates: [candidate({ schoolId: 4, strength: "resilient" })],
    });
    expect(first?.sentence).toBe(
      "Устойчивая школа: высокие результаты в трудных социальных условиях, кластер социальных условий не определён, расстояние неизвестно (нет координат)",
    );
  });

  it("leaves out the school itself and the excluded ones, and keeps to the limit", () => {
    const candidates = [1, 2, 3, 4, 5, 6, 7, 100].map((schoolId) => candidate({ schoolId }));
    const out = suggestPartners({
      seeker,
      clusterNames: names,
      candidates,
      excludeIds: new Set([1]),
      limit: 3,
    });
    expect(out.map((s) => s.schoolId)).toEqual([2, 3, 4]);
  });
});

describe("formatKm and clusterName", () => {
  it("prints short distances with a decimal comma", () => {
    expect(formatKm(0.84)).toBe("0,8 км");
    expect(formatKm(14.4)).toBe("14 км");
  });

  it("names a cluster by the indicator that sets it apart", () => {
    const indicatorNames = new Map([["low_income_share", "Доля малообеспеченных семей"]]);
    expect(clusterName({ cluster: 2, zMeans: { low_income_share: 1.2, x: -0.3 } }, indicatorNames)).toBe(
      "Кластер 2: доля малообеспеченных семей выше средней",
    );
    expect(clusterName({ cluster: 1, zMeans: { low_income_share: 0.1 } }, indicatorNames)).toBe(
      "Кластер 1: условия близки к средним по региону",
    );
  });
});
