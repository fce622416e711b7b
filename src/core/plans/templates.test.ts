import { describe, expect, it } from "vitest";
import { isDeadlineWithinPeriod } from "./deadline";
import { listActivities, planSchema } from "./plan.schema";
import { type PlanTemplate, planFromTemplate } from "./template.schema";
import { getPlanTemplate, PLAN_TEMPLATES } from "./templates.data";

function activities(template: PlanTemplate) {
  return template.sections.flatMap((section) => section.activities);
}

function byNumber(template: PlanTemplate, number: string) {
  return activities(template).filter((activity) => activity.number === number);
}

describe("seed 004: the municipal road map of Дмитровский район", () => {
  const template = getPlanTemplate("dmitrovsk_road_map_2021");

  it("has sections I–V with all their activities", () => {
    expect(template.sections.map((section) => [section.number, section.activities.length])).toEqual([
      ["I.", 10],
      ["II.", 7],
      ["III.", 9],
      ["IV.", 11],
      ["V.", 8],
    ]);
    expect(template.sections[0]?.title).toBe(
      "Информационное, аналитическое обеспечение реализации «дорожной карты»",
    );
    expect(template.sections[4]?.title).toBe(
      "Совершенствование работы с обучающимися по повышению качества образования",
    );
  });

  it("keeps numbering, deadlines, owners and indicators as printed, the oddities included", () => {
    expect(byNumber(template, "2.1.")).toEqual([
      {
        number: "2.1.",
        title:
          "Обсуждение с руководителями школ с низкими результатами обучения формирования «дорожной карты» комплекса мероприятий поддержки данных образовательных организаций",
        deadlineText: "Март, июль 2021 года",
        owners: ["Отдел образования", "общеобразовательные организации"],
        indicatorText:
          "Повышение эффективности управленческой деятельности по вопросам совершенствования условий для обеспечения реализации ФГОС и качества образования",
      },
    ]);
    // «3.7.» twice, the second after 3.8
    expect(byNumber(template, "3.7.").map((activity) => activity.title)).toEqual([
      "Проведение статистического анализа и подготовка аналитических материалов по итогам ГИА – 9,11 классов на школьном и муниципальном уровнях",
      "Подготовка и проведение всероссийских проверочных работ",
    ]);
    expect(template.sections[2]?.activities.map((activity) => activity.number)).toEqual([
      "3.1.",
      "3.2.",
      "3.3.",
      "3.4.",
      "3.5.",
      "3.6.",
      "3.7.",
      "3.8.",
      "3.7.",
    ]);
    // the unnumbered activity between 1.5 and 1.6
    expect(template.sections[0]?.activities[5]).toMatchObject({
      number: "",
      owners: ["ОО"],
      deadlineText: "в течение года",
    });
    expect(byNumber(template, "1.3.")[0]?.title).toBe(
      "Разработка «дорожной карты» по поддержке школ, имеющих низкие результаты",
    );
    expect(byNumber(template, "3.3.")[0]?.indicatorText).toBe(
      "Отдел образования, общеобразовательные организации",
    );
    expect(byNumber(template, "4.1.")[0]?.deadlineText).toBe("июнь\nноябрь, декабрь,март, май");
    expect(byNumber(template, "4.10.")[0]?.owners).toEqual(["Управление образования"]);
    expect(byNumber(template, "5.6.")[0]).toMatchObject({
      deadlineText: "январь-февраль",
      owners: ["общеобразовательные организации", "районные методические объединения"],
    });
  });
});

describe("seed 001: the regional road map of Смоленская область", () => {
  const template = getPlanTemplate("smolensk_regional_road_map_2018");

  it("has its 11 numbered activities under the two headings, words repaired", () => {
    expect(template.sections.map((section) => section.activities.length)).toEqual([4, 7]);
    expect(activities(template).map((activity) => activity.number)).toEqual(
      Array.from({ length: 11 }, (_, k) => `${k + 1}.`),
    );
    expect(template.sections[0]?.title).toBe(
      "Нормативное правовое обеспечение Проекта на региональном, муниципальном уровнях",
    );
    expect(byNumber(template, "2.")[0]?.title).toBe(
      "Разработка, согласование и утверждение на региональном уровне нормативной базы деятельности Оператора в соответствии с Соглашением",
    );
    expect(byNumber(template, "4.")[0]).toMatchObject({ deadlineText: "Март", owners: ["СОИРО", "ОМСУ"] });
    expect(byNumber(template, "10.")[0]).toMatchObject({
      deadlineText: "Март, октябрь-ноябрь",
      owners: ["МОЦ", "СОИРО"],
    });
    expect(byNumber(template, "11.")[0]?.title).not.toMatch(/догопед|Пікол|спсихолог/);
  });
});

describe("seeds 002 and 000: the МОЦ plans of measures", () => {
  const elnya = getPlanTemplate("moc_plan_2020_2021");
  const dorogobuzh = getPlanTemplate("moc_plan_2019_2020");
  const titles = [
    "Организационно-управленческие меры",
    "Повышение уровня кадрового потенциала",
    "Оказание методической помощи",
    "Оказание финансовой помощи",
  ];

  it("has seed 002's four sections and activities 1–19 with their deadlines", () => {
    expect(elnya.sections.map((section) => [section.title, section.activities.length])).toEqual([
      [titles[0], 14],
      [titles[1], 2],
      [titles[2], 2],
      [titles[3], 1],
    ]);
    expect(activities(elnya).map((activity) => activity.number)).toEqual(
      Array.from({ length: 19 }, (_, k) => `${k + 1}.`),
    );
    expect(activities(elnya).map((activity) => activity.deadlineText)).toEqual([
      ...Array(5).fill("Октябрь 2020"),
      "В течение учебного года",
      "В течение учебного года",
      "По графику ОО в течение учебного года",
      "По спец. графику",
      "По спец. графику",
      "Октябрь 2020",
      "В течение года",
      "В течение учебного года",
      ...Array(4).fill("В течение года"),
      "По спец. графику",
      "Октябрь 2020",
    ]);
    expect(byNumber(elnya, "3.")[0]?.reportedText).toContain("- профессиональное выгорание педагогов;");
  });

  it("has seed 000's 30 activities in the same four sections", () => {
    expect(dorogobuzh.sections.map((section) => [section.title, section.activities.length])).toEqual([
      [titles[0], 19],
      [titles[1], 2],
      [titles[2], 5],
      [titles[3], 4],
    ]);
    expect(byNumber(dorogobuzh, "3.")[0]).toMatchObject({
      title: "Формирование реестра причин низких результатов",
      reportedText:
        "1. Низкая мотивация обучающихся к обучению;\n2. Недостаточная компетентность учителей по оцениванию образовательных результатов",
    });
  });
});

describe("every template", () => {
  it.each(PLAN_TEMPLATES.map((template) => [template.key, template] as const))(
    "%s reads every deadline within its period, or has none written",
    (_key, template) => {
      const plan = planFromTemplate(template);
      expect(planSchema.safeParse(plan).success).toBe(true);
      for (const { activity } of listActivities(plan)) {
        const context = `${activity.number} ${JSON.stringify(activity.deadline.text)}`;
        if (activity.deadline.kind === "unreadable") {
          // The only unreadable deadlines of the templates: seed 000 prints none.
          expect(activity.deadline.text, context).toBe("");
          expect(template.key).toBe("moc_plan_2019_2020");
        } else {
          expect(isDeadlineWithinPeriod(activity.deadline, plan.period), context).toBe(true);
        }
      }
    },
  );

  it("reads seed 004's deadlines into the year 2021", () => {
    const plan = planFromTemplate(getPlanTemplate("dmitrovsk_road_map_2021"));
    const [first] = listActivities(plan);
    expect(first?.activity.deadline).toEqual({
      text: "Январь-февраль 2021 года",
      kind: "dates",
      ranges: [{ from: "2021-01-01", to: "2021-02-28" }],
      end: "2021-02-28",
    });
    const kinds = listActivities(plan).map(({ activity }) => activity.deadline.kind);
    // dates: 1.1, 1.3–1.6, 2.1, 2.3, 3.7, 3.8, 3.7, 4.1, 4.3, 4.7, 4.8, 5.1, 5.3, 5.4, 5.6; schedule: 1.9
    expect(kinds.filter((kind) => kind === "dates")).toHaveLength(18);
    expect(kinds.filter((kind) => kind === "recurring")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "period")).toHaveLength(26);
  });

  it("throws on an unknown key", () => {
    expect(() => getPlanTemplate("no_such_template")).toThrow(/no_such_template/);
  });
});
