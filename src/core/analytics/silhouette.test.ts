import { silhouette } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { meanSilhouette, pairDistances, silhouetteValues } from "./silhouette";

describe("silhouette", () => {
  it("matches a hand computation on a line", () => {
    // Points 0, 1 in cluster 0 and 4 in cluster 1.
    // Point 0: a = 1, b = 4 → 0.75; point 1: a = 1, b = 3 → 2/3; point 4 is alone → 0.
    expect(silhouetteValues([[0], [1], [4]], [0, 0, 1])).toEqual([
      expect.closeTo(0.75, 12),
      expect.closeTo(2 / 3, 12),
      0,
    ]);
  });

  it("agrees with simple-statistics on a 2-D case", () => {
    const points = [
      [0, 0],
      [0.5, 1],
      [1, 0.2],
      [5, 5],
      [6, 5.5],
      [5.5, 6],
      [2.5, 3],
    ];
    const labels = [0, 0, 0, 1, 1, 1, 1];
    const ours = silhouetteValues(points, labels);
    silhouette(points, labels).forEach((v, i) => {
      expect(ours[i]).toBeCloseTo(v, 12);
    });
    expect(meanSilhouette(points, labels)).toBeCloseTo(
      silhouette(points, labels).reduce((s, v) => s + v, 0) / points.length,
      12,
    );
  });
});

describe("silhouette from pair distances computed once", () => {
  it("scores several labelings of the same points as simple-statistics does", () => {
    const points = Array.from({ length: 40 }, (_, i) => [
      Math.sin(i * 1.7) * 3,
      Math.cos(i * 0.9) * 2,
      i % 5,
    ]);
    const distances = pairDistances(points);
    expect(distances.values.length).toBe((40 * 39) / 2);
    for (const k of [2, 3, 5]) {
      const labels = points.map((_, i) => (i * 7) % k);
      const reference = silhouette(points, labels);
      silhouetteValues(distances, labels).forEach((v, i) => {
        expect(v).toBeCloseTo(reference[i]!, 12);
      });
      expect(meanSilhouette(distances, labels)).toBeCloseTo(
        reference.reduce((s, v) => s + v, 0) / points.length,
        12,
      );
    }
  });
});
