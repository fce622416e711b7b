import { describe, expect, it } from "vitest";
import { requestSubject } from "../support";
import {
  monthsWord,
  type SchoolSupport,
  supportFlags,
  supportTotals,
  totalSupport,
  wholeMonthsBetween,
} from "./addressed";

function school(
  id: number,
  name: string,
  last: string | null,
  counts: Partial<SchoolSupport["counts"]> = {},
) {
  return {
    schoolId: id,
    code: `67-${id}`,
    name,
    municipalityName: "Дорогобужский район",
    counts: { consultations: 0, requests: 0, courses: 0, mentoring: 0, events: 0, partners: 0, ...counts },
    peopleReached: 0,
    courseHoursCompleted: 0,
    lastSupportOn: last,
  } satisfies SchoolSupport;
}

describe("whole months between two dates", () => {
  it("counts a month only when its day is reached", () => {
    expect(wholeMonthsBetween("2026-01-15", "2026-04-14")).toBe(2);
    expect(wholeMonthsBetween("2026-01-15", "2026-04-15")).toBe(3);
    expect(wholeMonthsBetween("2025-11-30", "2026-02-28")).toBe(2);
    expect(wholeMonthsBetween("2025-09-01", "2026-08-31")).toBe(11);
    expect(wholeMonthsBetween("2026-05-01", "2026-04-01")).toBe(0);
  });

  it("declines the Russian word", () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25].map(monthsWord)).toEqual([
      "1 месяц",
      "2 месяца",
      "5 месяцев",
      "11 месяцев",
      "12 месяцев",
      "21 месяц",
      "22 месяца",
      "25 месяцев",
    ]);
  });
});

describe("flags of addressed support", () => {
  const base = { teacherGaps: [], mismatches: [], overdueRequests: [], periodFrom: "2025-09-01" };

  it("flags a school whose latest support is three months old, not one of two months", () => {
    const flags = supportFlags({
      ...base,
      schools: [
        school(1, "МБОУ «Алёшинская ОШ»", "2026-01-10"),
        school(2, "МБОУ «Васинская СШ»", "2026-02-11"),
      ],
      asOf: "2026-04-10",
    });
    expect(flags).toEqual([
      {
        kind: "no_support",
        schoolId: 1,
        schoolName: "МБОУ «Алёшинская ОШ»",
        sentence: "МБОУ «Алёшинская ОШ»: адресной поддержки нет 3 месяца, последняя — 10.01.2026.",
      },
    ]);
  });

  it("flags a school with no support at all once the period is N months old", () => {
    const early = supportFlags({
      ...base,
      schools: [school(1, "МБОУ «Алёшинская ОШ»", null)],
      asOf: "2025-11-30",
    });
    expect(early).toEqual([]);
    const late = supportFlags({
      ...base,
      schools: [school(1, "МБОУ «Алёшинская ОШ»", null)],
      asOf: "2026-08-31",
    });
    expect(late).toHaveLength(1);
    expect(late[0]?.sentence).toBe(
      "МБОУ «Алёшинская ОШ»: с 01.09.2025 адресной поддержки не было (11 месяцев).",
    );
  });

  it("flags a teacher with a deficit and neither mentor nor course, a mismatched course and an overdue request", () => {
    const flags = supportFlags({
      schools: [
        school(2, "МБОУ «Васинская СШ»", "2026-04-01"),
        school(1, "МБОУ «Алёшинская ОШ»", "2026-04-01"),
      ],
      teacherGaps: [
        {
          teacherId: 10,
          fullName: "Иванова Анна Петровна",
          schoolId: 1,
          deficitBlocks: ["assessment"],
          hasMentor: false,
          hasCourse: false,
        },
        {
          teacherId: 11,
          fullName: "Петров Олег Ильич",
          schoolId: 1,
          deficitBlocks: ["digital"],
          hasMentor: true,
          hasCourse: false,
        },
        {
          teacherId: 12,
          fullName: "Сидорова Ирина Львовна",
          schoolId: 2,
          deficitBlocks: ["subject"],
          hasMentor: false,
          hasCourse: true,
        },
      ],
      mismatches: [
        {
          teacherId: 13,
          fullName: "Орлова Мария Ивановна",
          schoolId: 2,
          reason:
            "Направлен на курс «Цифровая школа» (72 ч) без учёта выявленных дефицитов: курс адресован блокам «Цифровая компетентность», а дефициты — «Предметная компетентность» (41).",
        },
      ],
      overdueRequests: [
        {
          requestId: 5,
          schoolId: 2,
          subject: requestSubject("psychologist", "children"),
          reason: "Назначенная дата 20.03.2026 прошла, заявка не выполнена.",
        },
      ],
      periodFrom: "2025-09-01",
      asOf: "2026-04-10",
    });
    expect(flags.map((flag) => [flag.kind, flag.schoolId])).toEqual([
      ["teacher_unsupported", 1],
      ["course_mismatch", 2],
      ["request_overdue", 2],
    ]);
    expect(flags.map((flag) => flag.sentence)).toEqual([
      "Иванова Анна Петровна (МБОУ «Алёшинская ОШ»): дефицит «Оценка образовательных результатов», но нет ни наставника, ни курса.",
      "Орлова Мария Ивановна (МБОУ «Васинская СШ»). Направлен на курс «Цифровая школа» (72 ч) без учёта выявленных дефицитов: курс адресован блокам «Цифровая компетентность», а дефициты — «Предметная компетентность» (41).",
      "МБОУ «Васинская СШ»: запрос «педагог-психолог для обучающихся» просрочен — назначенная дата 20.03.2026 прошла, заявка не выполнена.",
    ]);
  });
});

describe("totals of addressed support", () => {
  it("sums the kinds, counts the schools each kind reached and those with none", () => {
    const schools = [
      school(1, "А", "2026-01-01", { consultations: 4, courses: 2 }),
      school(2, "Б", "2026-01-01", { consultations: 1, mentoring: 3 }),
      school(3, "В", null),
    ];
    expect(schools.map(totalSupport)).toEqual([6, 4, 0]);
    const totals = supportTotals(schools);
    expect(totals.schools).toBe(3);
    expect(totals.withNone).toBe(1);
    expect(totals.counts.consultations).toBe(5);
    expect(totals.schoolsReached).toEqual({
      consultations: 2,
      requests: 0,
      courses: 1,
      mentoring: 1,
      events: 0,
      partners: 0,
    });
  });
});
