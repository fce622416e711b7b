import { describe, expect, it } from "vitest";
import { createRng, hashSeed } from "./random";

function draws(seed: number, label?: string): number[] {
  const rng = createRng(seed, label);
  return Array.from({ length: 5 }, () => rng.next());
}

describe("createRng", () => {
  it("repeats a sequence for the same seed and label and changes it otherwise", () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7, "schools")).toEqual(draws(7, "schools"));
    expect(draws(7, "schools")).not.toEqual(draws(7, "users"));
    expect(draws(7)).not.toEqual(draws(8));
    expect(hashSeed(1, "a")).not.toBe(hashSeed(2, "a"));
  });

  it("draws within bounds", () => {
    const rng = createRng(1);
    for (let index = 0; index < 1000; index += 1) {
      const value = rng.int(3, 5);
      expect(value === 3 || value === 4 || value === 5).toBe(true);
      expect(rng.next()).toBeLessThan(1);
    }
  });

  it("has the right means for its distributions", () => {
    const rng = createRng(2);
    const sample = (draw: () => number) =>
      Array.from({ length: 4000 }, draw).reduce((sum, value) => sum + value, 0) / 4000;
    expect(sample(() => rng.normal(10, 2))).toBeCloseTo(10, 0);
    expect(sample(() => rng.binomial(20, 0.3))).toBeCloseTo(6, 0);
    expect(sample(() => rng.poisson(1.76))).toBeCloseTo(1.76, 1);
  });

  it("shuffles into a permutation and picks from the list", () => {
    const rng = createRng(3);
    const items = ["а", "б", "в", "г", "д"];
    expect([...rng.shuffle(items)].sort()).toEqual(items);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow();
  });
});
