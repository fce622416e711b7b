import { describe, expect, it } from "vitest";
import { createBoundedCache } from "./bounded-cache";

describe("bounded cache", () => {
  it("drops the least recently used entry beyond the entry limit", () => {
    const cache = createBoundedCache<number>({ maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size()).toBe(2);
  });

  it("keeps the total weight within its limit, and never holds an entry heavier than the limit", () => {
    const cache = createBoundedCache<string>({ maxEntries: 10, maxWeight: 10, weigh: (v) => v.length });
    cache.set("a", "xxxx");
    cache.set("b", "yyyy");
    cache.set("c", "zzzz");
    expect(cache.get("a")).toBeUndefined();
    expect([cache.get("b"), cache.get("c")]).toEqual(["yyyy", "zzzz"]);
    cache.set("huge", "h".repeat(11));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.size()).toBe(2);
  });

  it("replaces an entry under the same key and deletes one", () => {
    const cache = createBoundedCache<string>({ maxEntries: 5, maxWeight: 8, weigh: (v) => v.length });
    cache.set("a", "1234");
    cache.set("a", "12345678");
    expect(cache.get("a")).toBe("12345678");
    expect(cache.size()).toBe(1);
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", "12345678");
    expect(cache.get("b")).toBe("12345678");
  });
});
