import { describe, expect, it } from "vitest";
import { buildMocAnnualTable, initialsName, MOC_ACTIVITIES, percentRu, totalsSentence } from ".";
import { buildRegionalReport, REGIONAL_SECTIONS, type RegionalFigures } from "./regional";

const none = { teachers: 0, heads: 0, students: 0, municipalities: 0 };

describe("МОЦ annual table (seed 000)", () => {
  const table = buildMocAnnualTable({
    year: 2019,
    log: [
      {
        kind: "consultation",
        audience: "teachers",
        heldOn: "2019-10-03",
        schoolName: "МБОУ А",
        peopleCount: 2,
        topic: "ВПР",
      },
      {
        kind: "consultation",
        audience: "teachers",
        heldOn: "2019-10-10",
        schoolName: "МБОУ А",
        peopleCount: 1,
        topic: "ВПР",
      },
      {
        kind: "consultation",
        audience: "teachers",
        heldOn: "2019-10-12",
        schoolName: "МБОУ Б",
        peopleCount: 1,
        topic: "ОГЭ",
      },
      {
        kind: "consultation",
        audience: "parents",
        heldOn: "2020-02-01",
        schoolName: "МБОУ Б",
        peopleCount: 19,
        topic: "",
      },
      {
        kind: "interview",
        audience: "heads",
        heldOn: "2019-09-20",
        schoolName: "МБОУ А",
        peopleCount: 1,
        topic: "Итоги ГИА",
      },
      {
        kind: "visit",
        audience: null,
        heldOn: "2019-08-31",
        schoolName: "МБОУ А",
        peopleCount: 1,
        topic: "до периода",
      },
    ],
    events: [
      {
        kind: "round_table",
        level: "regional",
        heldOn: "2019-12-05",
        topic: "Методические аспекты",
        numbers: { ...none, teachers: 73, municipalities: 7 },
        schoolNames: [],
      },
    ],
    courses: [
      { title: "Управленческая команда школы", hours: 72, startsOn: "2020-03-02", people: 23, completed: 23 },
    ],
    partnerships: [
      {
        startsOn: "2020-01-15",
        schoolName: "МБОУ А",
        partnerKind: "school",
        partnerName: "МБОУ В",
        subject: "математика",
      },
    ],
  });

  it("runs September to August, months with records only, in order", () => {
    expect(table.period).toEqual({ from: "2019-09-01", to: "2020-08-31", label: "2019-2020" });
    expect(table.months.map((m) => m.label)).toEqual([
      "Сентябрь 2019",
      "Октябрь 2019",
      "Декабрь 2019",
      "Январь 2020",
      "Февраль 2020",
      "Март 2020",
    ]);
  });

  it("words the counts as the seed does", () => {
    const october = table.months[1];
    expect(october?.rows).toEqual([
      {
        activity: MOC_ACTIVITIES.consulting,
        content: ["– проведено 3 консультации для учителей: МБОУ А (2), МБОУ Б (1)", "  темы: «ВПР»; «ОГЭ»"],
      },
    ]);
    expect(table.months[0]?.rows[0]?.content[0]).toBe(
      "– проведено 1 индивидуальное собеседование с директорами ОО: МБОУ А",
    );
    expect(table.months[2]?.rows[0]?.content[0]).toBe(
      "– региональный круглый стол «Методические аспекты» (73 педагога из 7 районов)",
    );
    expect(table.months[4]?.rows[0]).toEqual({
      activity: MOC_ACTIVITIES.parents,
      content: ["– 1 консультация для родителей (19 человек): МБОУ Б"],
    });
    expect(table.months[5]?.rows[0]?.content[0]).toBe(
      "– курсовая подготовка по теме «Управленческая команда школы» (72 ч.) – 23 человека",
    );
  });

  it("totals only the school year's records", () => {
    expect(table.totals).toMatchObject({
      consultations: 3,
      parentConsultations: 1,
      interviews: 1,
      visits: 0,
    });
    expect(totalsSentence(table)).toContain("Итого за 2019-2020 учебный год: 3 консультации");
  });
});

describe("Russian text helpers", () => {
  it("prints names with initials and shares with a comma", () => {
    expect(initialsName("Минаева Елена Леонидовна")).toBe("Е.Л. Минаева");
    expect(initialsName("Е.Л. Минаева")).toBe("Е.Л. Минаева");
    expect(percentRu(0.648)).toBe("64,8 %");
    expect(percentRu(null)).toBe("нет данных");
  });
});

describe("regional report (seed 003)", () => {
  const figures: RegionalFigures = {
    regionName: "Демо",
    year: 2019,
    context: {
      municipalities: 27,
      schools: 367,
      ruralShare: 0.648,
      smallShareOfRural: 0.599,
      ruralStudentsShare: null,
      flaggedRuralShare: 0.7,
    },
    work: {
      consultations: 107,
      parentConsultations: 19,
      interviews: 5,
      visits: 4,
      peopleReached: 300,
      requests: 10,
      requestsDone: 8,
      specialistPeople: 379,
      courses: 3,
      courseEnrolments: 40,
      courseCompleted: 30,
      eventsByLevel: { federal: 0, regional: 2, municipal: 5, school: 1 },
      eventTeachers: 120,
      mentoringPairs: 6,
      mentoringMeetings: 14,
      partnerships: 35,
      schoolsWithPartnerSchool: 35,
    },
    method: null,
    identification: { shnro: 38, shfnsu: 30, both: 7, none: 290, insufficientData: 2, byMunicipality: [] },
    plans: { programmeSchools: 75, withPlan: 70, approved: 59 },
  };

  it("prints the region's figures, «нет данных» where missing, numbered headings with no gap", () => {
    const blocks = buildRegionalReport(figures);
    const texts = blocks.flatMap((b) => (b.kind === "paragraph" || b.kind === "heading" ? [b.text] : []));
    expect(texts.join("\n")).toContain(
      "из 367 функционирующих в регионе школ (27 муниципальных образований) сельскими являются 64,8 %, из них малокомплектные – 59,9 %. В сельских школах обучается нет данных учащихся.",
    );
    expect(texts).toContain(
      "В группу школ проекта вошли 75 школ (20,4 % школ региона): ШНРО – 38, ШФНСУ – 30, ШНРО и ШФНСУ одновременно – 7. Недостаточно данных для вывода – 2.",
    );
    const headings = blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
    expect(headings).toEqual([
      "1. Контекст",
      "2. Цель и задачи",
      "3. Что сделано в 2019 году",
      "4. Методика идентификации",
      "5. Результаты идентификации",
      "6. Программы школ",
    ]);
  });

  it("omits an unwired insertion point and prints a wired one in its place", () => {
    expect(REGIONAL_SECTIONS.filter((s) => s.kind === "slot").map((s) => s.id)).toEqual([
      "table1",
      "table2",
      "criteriaNarrative",
      "mocReportsAnalysis",
      "recommendations",
    ]);
    const blocks = buildRegionalReport(figures, {}, { table2: [{ kind: "heading", text: "Таблица 2" }] });
    const headings = blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
    expect(headings.slice(5)).toEqual(["6. Таблица 2", "7. Программы школ"]);
  });
});
