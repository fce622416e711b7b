import { describe, expect, it } from "vitest";
import {
  computeRiskProfile,
  PRELOADED_WORKBOOK,
  RISK_FACTORS,
  validateAnswers,
  workbookSchema,
} from "../../causes";
import {
  academicYearPeriod,
  buildSchoolProgrammeDraft,
  listActivities,
  PRELOADED_MEASURES,
} from "../../plans";
import { createRng } from "../random";
import { demoAnswers, drawFactorRisks } from "./answers";
import { drawExecution } from "./execution";

const workbook = workbookSchema.parse(PRELOADED_WORKBOOK);

describe("the demo's workbook answers", () => {
  it("answer every question of the preloaded workbook validly", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, "answers");
      const answers = demoAnswers(workbook, drawFactorRisks(rng, RISK_FACTORS, seed % 2 === 0), rng);
      const check = validateAnswers({
        workbook,
        answers: { workbookCode: workbook.code, version: workbook.version, answers },
        requireAll: true,
      });
      expect(check.issues).toEqual([]);
    }
  });

  it("make a school's hidden causes come out high in the profile Opora computes, and the rest mostly not", () => {
    let causesHigh = 0;
    let causes = 0;
    let othersHigh = 0;
    let others = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, "profile");
      const risks = drawFactorRisks(rng, RISK_FACTORS, seed % 2 === 0);
      const answers = demoAnswers(workbook, risks, rng);
      const profile = computeRiskProfile({
        factors: RISK_FACTORS,
        workbook,
        answers,
        indicatorRules: [],
        values: [],
      });
      for (const factor of profile.factors) {
        const isCause = (risks[factor.factorCode] ?? 0) >= 0.75;
        if (isCause) {
          causes += 1;
          if (factor.level === "high") causesHigh += 1;
        } else {
          others += 1;
          if (factor.level === "high") othersHigh += 1;
        }
      }
    }
    expect(causesHigh / causes).toBeGreaterThan(0.6);
    expect(othersHigh / others).toBeLessThan(0.15);
  });
});

describe("the demo's execution of a programme", () => {
  it("dates every check-in inside its activity's deadline and marks done about the share asked", () => {
    const period = academicYearPeriod(2025);
    const built = buildSchoolProgrammeDraft({
      kind: "transition_programme",
      title: "Программа",
      period,
      causes: RISK_FACTORS.slice(0, 6).map((factor) => ({ factorCode: factor.code })),
      factors: RISK_FACTORS,
      measures: PRELOADED_MEASURES,
    });
    if (!built.ok) throw new Error(built.message);
    const activities = listActivities(built.plan).map(({ activity }) => activity);
    const execution = drawExecution(built.plan, createRng(7, "execution"), 0.8);
    expect(execution.states).toHaveLength(activities.length);
    for (const checkIn of execution.checkIns) {
      const activity = activities.find((a) => a.id === checkIn.activityId);
      const range = activity?.deadline.ranges[0] ?? period;
      expect(checkIn.date >= range.from && checkIn.date <= range.to).toBe(true);
      expect(execution.states.find((s) => s.activityId === checkIn.activityId)?.status).not.toBe("planned");
    }
    const done = execution.states.filter((s) => s.status === "done").length / activities.length;
    expect(done).toBeGreaterThan(0.6);
  });
});
