import { describe, expect, it } from "vitest";
import { derivationalRoot, expandedTsQuery, queryWords } from "./search-query";

describe("queryWords", () => {
  it("keeps the plain words, lower-cased, once each", () => {
    expect(queryWords("Наставничество  молодых наставничество")).toEqual({
      words: ["наставничество", "молодых"],
      hasOperators: false,
    });
  });

  it("marks negations and OR, and leaves them out", () => {
    expect(queryWords("урок -видео")).toEqual({ words: ["урок"], hasOperators: true });
    expect(queryWords("ОГЭ or ЕГЭ")).toEqual({ words: ["огэ", "егэ"], hasOperators: true });
  });

  it("reads the words inside quotes", () => {
    expect(queryWords('"открытый урок"').words).toEqual(["открытый", "урок"]);
  });
});

describe("derivationalRoot", () => {
  it("brings наставничество and наставник to one root", () => {
    expect(derivationalRoot("наставничеств")).toBe("наставни");
    expect(derivationalRoot("наставник")).toBe("наставни");
    expect(derivationalRoot("наставническ")).toBe("наставни");
  });

  it("cuts -ств and -ени", () => {
    expect(derivationalRoot("мастерств")).toBe("мастер");
    expect(derivationalRoot("обучен")).toBeNull();
    expect(derivationalRoot("образовательн")).toBe("образова");
  });

  it("uses no root that is too short", () => {
    expect(derivationalRoot("урок")).toBeNull();
    expect(derivationalRoot("ник")).toBeNull();
  });
});

describe("expandedTsQuery", () => {
  it("ORs a word's stem with its root prefix and ANDs the words", () => {
    expect(expandedTsQuery([["наставничеств"], ["молод"]])).toBe(
      "('наставничеств' | 'наставни':*) & 'молод'",
    );
  });

  it("leaves out stop words and gives null when nothing is left", () => {
    expect(expandedTsQuery([[], ["урок"]])).toBe("'урок'");
    expect(expandedTsQuery([[]])).toBeNull();
  });

  it("escapes quotes", () => {
    expect(expandedTsQuery([["a'b"]])).toBe("'a''b'");
  });
});
