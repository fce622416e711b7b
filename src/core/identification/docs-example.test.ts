import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "../indicators";
import { evaluateRuleSet } from "./evaluate";
import { ruleSetSchema } from "./rule-set.schema";
import { school } from "./test-fixtures";

const DOC = readFileSync(new URL("../../../docs/rule-sets.md", import.meta.url), "utf8");

describe("docs/rule-sets.md", () => {
  it("its example is a valid rule set and gives the sentence the text promises", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(DOC)?.[1];
    if (!block) throw new Error("no JSON example in docs/rule-sets.md");
    const rules = ruleSetSchema.parse(JSON.parse(block));
    const facts = school(1, { ege_math_below_min_share: { 2022: 0.25, 2023: 0.22, 2024: 0.31 } });
    const [result] = evaluateRuleSet(rules, 2024, [facts], INDICATOR_CATALOGUE).schools;
    expect(result?.status).toBe("flagged");
    const sentence = result?.criteria[0]?.sentence;
    expect(sentence).toBe(
      "доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог, — 0,31 при пороге 0,20, третий год подряд",
    );
    expect(DOC.replace(/\s+/g, " ")).toContain(`«${sentence}»`);
  });
});
