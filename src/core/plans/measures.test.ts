import { describe, expect, it } from "vitest";
import { FACTOR_CODES, RISK_FACTORS } from "../causes/factors.data";
import { INDICATOR_CODES } from "../indicators/indicator-codes";
import { validateMeasureLibrary } from "./measure.schema";
import { PRELOADED_MEASURES } from "./measures.data";
import { planSchema } from "./plan.schema";
import { academicYearPeriod } from "./plan-period";
import { checkPlanQuality } from "./plan-quality";
import {
  buildSchoolProgrammeDraft,
  type ProgrammeDraftInput,
  recommendedMeasures,
} from "./programme-builder";

const PERIOD = academicYearPeriod(2020);

function draft(changes: Partial<ProgrammeDraftInput>) {
  return buildSchoolProgrammeDraft({
    kind: "transition_programme",
    title: "Программа перехода МБОУ Ельнинская СШ № 2 в эффективный режим функционирования",
    period: PERIOD,
    causes: [],
    factors: RISK_FACTORS,
    measures: PRELOADED_MEASURES,
    ...changes,
  });
}

describe("measure library", () => {
  it("passes its checks and recommends measures for every factor", () => {
    expect(
      validateMeasureLibrary(PRELOADED_MEASURES, {
        factorCodes: FACTOR_CODES,
        indicatorCodes: INDICATOR_CODES,
      }),
    ).toEqual([]);
    const uncovered = FACTOR_CODES.filter(
      (code) => recommendedMeasures(code, PRELOADED_MEASURES).length === 0,
    );
    expect(uncovered).toEqual([]);
    expect(PRELOADED_MEASURES.length).toBeGreaterThanOrEqual(25);
  });

  it("holds the seeds' practice", () => {
    const titles = PRELOADED_MEASURES.map((measure) => measure.title);
    expect(titles).toContain("Проектирование внутренней системы оценки качества образования (ВСОКО)");
    expect(titles).toContain("Наставничество по выявленному дефициту учителя");
    expect(titles).toContain("Партнёрство со школой с высокими результатами");
    expect(
      recommendedMeasures("undeveloped_vsoko", PRELOADED_MEASURES).map((measure) => measure.code),
    ).toEqual(["vsoko_design", "marks_vs_external", "partner_school"]);
  });

  it("reports a repeated code and unknown codes", () => {
    const [first] = PRELOADED_MEASURES;
    if (!first) throw new Error("empty library");
    const broken = [first, { ...first, factorCodes: ["nothing"], indicatorCodes: ["nowhere"] }];
    expect(
      validateMeasureLibrary(broken, { factorCodes: FACTOR_CODES, indicatorCodes: INDICATOR_CODES }),
    ).toEqual([
      "Код меры «vsoko_design» повторяется",
      "Мера «Проектирование внутренней системы оценки качества образования (ВСОКО)»: неизвестная причина «nothing»",
      "Мера «Проектирование внутренней системы оценки качества образования (ВСОКО)»: неизвестный показатель «nowhere»",
    ]);
  });
});

describe("school programme draft from confirmed causes", () => {
  it("makes a section per cause and an activity per chosen measure, with links filled", () => {
    const result = draft({
      causes: [
        { factorCode: "low_learning_motivation", measureCodes: ["subject_weeks", "individual_routes"] },
        { factorCode: "weak_assessment_competence", measureCodes: ["assessment_seminars"] },
      ],
      baselines: { olympiad_participants_share: 0.04 },
    });
    if (!result.ok) throw new Error(result.message);
    const { plan } = result;
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(
      plan.sections.map((section) => [section.number, section.title, section.activities.length]),
    ).toEqual([
      ["1.", "Низкая мотивация обучающихся к обучению", 2],
      ["2.", "Недостаточная компетентность учителей по оцениванию образовательных результатов", 1],
    ]);
    expect(plan.sections[0]?.activities[0]).toEqual({
      id: "s1-a1",
      number: "1.1.",
      title: "Предметные недели, открытые уроки и мастер-классы",
      owners: ["Заместитель директора по УВР", "Руководители школьных методических объединений"],
      deadline: {
        text: "По графику ОО в течение учебного года",
        kind: "recurring",
        ranges: [{ from: "2020-09-01", to: "2021-08-31" }],
        end: "2021-08-31",
      },
      status: "planned",
      indicator: {
        text: "Проведены предметные недели по всем предметам учебного плана",
        code: "olympiad_participants_share",
        baseline: 0.04,
        target: null,
        year: null,
      },
      causeCodes: ["low_learning_motivation"],
      measureCodes: ["subject_weeks"],
    });
    const confirmedCauses = plan.sections.map((section, index) => ({
      code: ["low_learning_motivation", "weak_assessment_competence"][index] ?? "",
      title: section.title,
    }));
    expect(checkPlanQuality({ plan, confirmedCauses })).toEqual([]);
  });

  it("takes every recommended measure when none is chosen", () => {
    const result = draft({ causes: [{ factorCode: "teacher_burnout" }] });
    expect(result.ok && result.plan.sections[0]?.activities.map((item) => item.measureCodes[0])).toEqual([
      "workload_redistribution",
      "burnout_prevention",
    ]);
  });

  it("builds an anti-risk programme for one risk", () => {
    const result = draft({ kind: "anti_risk_programme", causes: [{ factorCode: "low_equipment" }] });
    expect(result.ok && result.plan).toMatchObject({
      kind: "anti_risk_programme",
      riskFactorCode: "low_equipment",
    });
    if (result.ok) expect(planSchema.safeParse(result.plan).success).toBe(true);
  });

  it("refuses, in Russian, what cannot be built", () => {
    expect(draft({ causes: [] })).toEqual({
      ok: false,
      message: "Выберите хотя бы одну подтверждённую причину",
    });
    expect(
      draft({
        kind: "anti_risk_programme",
        causes: [{ factorCode: "low_equipment" }, { factorCode: "teacher_burnout" }],
      }),
    ).toEqual({ ok: false, message: "Антирисковая программа пишется для одного риска" });
    expect(draft({ causes: [{ factorCode: "bad_luck" }] })).toEqual({
      ok: false,
      message: "Причины «bad_luck» нет в каталоге",
    });
    expect(draft({ causes: [{ factorCode: "teacher_burnout" }, { factorCode: "teacher_burnout" }] })).toEqual(
      {
        ok: false,
        message: "Причина «Профессиональное выгорание педагогов» выбрана дважды",
      },
    );
    expect(draft({ causes: [{ factorCode: "teacher_burnout", measureCodes: ["yoga"] }] })).toEqual({
      ok: false,
      message: "Меры «yoga» нет в библиотеке",
    });
  });
});
