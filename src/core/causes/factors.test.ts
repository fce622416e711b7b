import { describe, expect, it } from "vitest";
import { riskFactorSchema } from "./factor.schema";
import { FACTOR_CODES, isFactorCode, RISK_FACTORS } from "./factors.data";

describe("factor catalogue", () => {
  it("holds every code once, in the order of FACTOR_CODES, and passes its schema", () => {
    expect(RISK_FACTORS.map((factor) => factor.code)).toEqual([...FACTOR_CODES]);
    expect(new Set(FACTOR_CODES).size).toBe(16);
    for (const factor of RISK_FACTORS) {
      const parsed = riskFactorSchema.safeParse(factor);
      expect(parsed.success, `${factor.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("words the causes as the МОЦ registries of seeds 000 and 002 do", () => {
    const title = (code: string) => RISK_FACTORS.find((factor) => factor.code === code)?.title;
    expect(title("low_learning_motivation")).toBe("Низкая мотивация обучающихся к обучению");
    expect(title("weak_assessment_competence")).toBe(
      "Недостаточная компетентность учителей по оцениванию образовательных результатов",
    );
    expect(title("internal_external_mismatch")).toBe(
      "Несоответствие внутренней оценки качества обучения критериям внешних оценочных процедур",
    );
    expect(title("teacher_burnout")).toBe("Профессиональное выгорание педагогов");
    expect(title("high_teacher_workload")).toBe("Высокая степень нагрузки педагогов");
    expect(title("young_teachers_needed")).toBe("Высокая потребность в молодых педагогических кадрах");
  });

  it("keeps low motivation as one factor named by both sources", () => {
    const bySource = (source: "seeds" | "project500") =>
      RISK_FACTORS.filter((factor) => factor.sources.includes(source)).map((factor) => factor.code);
    expect(bySource("seeds")).toHaveLength(7);
    expect(bySource("project500")).toHaveLength(10);
    expect(bySource("seeds").filter((code) => bySource("project500").includes(code))).toEqual([
      "low_learning_motivation",
    ]);
  });

  it("rejects a bad code and a factor without a source", () => {
    const valid = RISK_FACTORS[0];
    expect(riskFactorSchema.safeParse({ ...valid, code: "Low-Motivation" }).success).toBe(false);
    expect(riskFactorSchema.safeParse({ ...valid, sources: [] }).success).toBe(false);
    expect(isFactorCode("teacher_shortage")).toBe(true);
    expect(isFactorCode("teacher_shortages")).toBe(false);
  });
});
