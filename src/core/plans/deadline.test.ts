import { describe, expect, it } from "vitest";
import { type DateRange, type DeadlineKind, readDeadline } from "./deadline";
import { toIsoDate } from "./iso-date";
import { academicYearPeriod, calendarYearPeriod, type PlanPeriod } from "./plan-period";

/** The whole month as a range. */
function month(year: number, m: number, to: { year: number; month: number } = { year, month: m }): DateRange {
  const last = new Date(Date.UTC(to.year, to.month, 0)).getUTCDate();
  return { from: toIsoDate(year, m, 1), to: toIsoDate(to.year, to.month, last) };
}

function days(from: string, to: string = from): DateRange {
  return { from, to };
}

type Case = [text: string, kind: DeadlineKind, ranges: DateRange[]];

function check(period: PlanPeriod, cases: Case[]) {
  it.each(cases)("%j", (text, kind, ranges) => {
    const reading = readDeadline(text, period);
    expect(reading).toEqual({
      text,
      kind,
      ranges,
      end: ranges.length
        ? ranges
            .map((r) => r.to)
            .sort()
            .at(-1)
        : null,
    });
  });
}

const Y2021 = calendarYearPeriod(2021);
const WHOLE_2021 = { from: "2021-01-01", to: "2021-12-31" };

describe("seed 004: the municipal road map of Дмитровский район for 2021 (a calendar year)", () => {
  check(Y2021, [
    ["Январь-февраль 2021 года", "dates", [month(2021, 1, { year: 2021, month: 2 })]],
    ["По мере реализации", "period", [WHOLE_2021]],
    ["Март 2021 года", "dates", [month(2021, 3)]],
    ["февраль 2021 года", "dates", [month(2021, 2)]],
    ["январь 2021 года", "dates", [month(2021, 1)]],
    ["в течение года", "period", [WHOLE_2021]],
    ["В течение года ", "period", [WHOLE_2021]],
    [" \nв течение года", "period", [WHOLE_2021]],
    ["август", "dates", [month(2021, 8)]],
    ["Август ", "dates", [month(2021, 8)]],
    ["По  отдельному графику", "recurring", [WHOLE_2021]],
    ["Март, июль 2021 года", "dates", [month(2021, 3), month(2021, 7)]],
    [" \nсентябрь ", "dates", [month(2021, 9)]],
    ["Сентябрь, в течение года", "period", [month(2021, 9), WHOLE_2021]],
    ["\nВ течение учебного года", "period", [WHOLE_2021]],
    ["Март-май", "dates", [month(2021, 3, { year: 2021, month: 5 })]],
    // 4.1: two sub-items on two lines; in a calendar year the months fall in that year.
    [
      "июнь\nноябрь, декабрь,март, май",
      "dates",
      [month(2021, 6), month(2021, 11), month(2021, 12), month(2021, 3), month(2021, 5)],
    ],
    ["июнь", "dates", [month(2021, 6)]],
    ["апрель-май ", "dates", [month(2021, 4, { year: 2021, month: 5 })]],
    [" \nдекабрь  ", "dates", [month(2021, 12)]],
    ["\n\nноябрь-декабрь \n", "dates", [month(2021, 11, { year: 2021, month: 12 })]],
    [" январь-февраль", "dates", [month(2021, 1, { year: 2021, month: 2 })]],
    // dates of the order itself
    ["23.03.2021", "dates", [days("2021-03-23")]],
    ["03.03. 2021", "dates", [days("2021-03-03")]],
  ]);
});

const AY2020 = academicYearPeriod(2020);
const WHOLE_AY2020 = { from: "2020-09-01", to: "2021-08-31" };

describe("seed 002: the МОЦ plan of Ельнинский район for 2020/21 (an academic year)", () => {
  check(AY2020, [
    ["Октябрь 2020", "dates", [month(2020, 10)]],
    ["В течение учебного года", "period", [WHOLE_AY2020]],
    ["По графику ОО в течение учебного года", "recurring", [WHOLE_AY2020]],
    ["По спец. графику", "recurring", [WHOLE_AY2020]],
    ["В течение года", "period", [WHOLE_AY2020]],
    // dates of the «Информация» column
    ["30.03.2021г.", "dates", [days("2021-03-30")]],
    ["25.02.2021г.", "dates", [days("2021-02-25")]],
    ["08.-18.06.2021 г.", "dates", [days("2021-06-08", "2021-06-18")]],
    ["23.06. 2021 года", "dates", [days("2021-06-23")]],
    ["17.03.2021", "dates", [days("2021-03-17")]],
    ["с 13.10 по 20.10.2020", "dates", [days("2020-10-13", "2020-10-20")]],
    ["август 2020 г.", "dates", [month(2020, 8)]],
    ["май–июнь 2021 г.", "dates", [month(2021, 5, { year: 2021, month: 6 })]],
  ]);
});

describe("seed 001: the regional road map of 2018, as printed (OCR) and repaired", () => {
  const Y2018 = calendarYearPeriod(2018);
  check(Y2018, [
    ["Февраль", "dates", [month(2018, 2)]],
    ["Март", "dates", [month(2018, 3)]],
    ["Mapr", "unreadable", []],
    ["Март, октябрь ноябрь", "dates", [month(2018, 3), month(2018, 10), month(2018, 11)]],
    ["Март, октябрь-ноябрь", "dates", [month(2018, 3), month(2018, 10, { year: 2018, month: 11 })]],
    ["Март Апрель- октябрь", "dates", [month(2018, 3), month(2018, 4, { year: 2018, month: 10 })]],
    ["Март\nАпрель-октябрь", "dates", [month(2018, 3), month(2018, 4, { year: 2018, month: 10 })]],
    ["29.11 2018", "dates", [days("2018-11-29")]],
  ]);
});

describe("seed 000: dates of the МОЦ report of Дорогобужский район for 2019/20", () => {
  check(academicYearPeriod(2019), [
    ["сентябрь 2019", "dates", [month(2019, 9)]],
    ["октябрь 2019", "dates", [month(2019, 10)]],
    ["Декабрь 2019", "dates", [month(2019, 12)]],
    ["февраль 2020", "dates", [month(2020, 2)]],
    ["14.05.2020", "dates", [days("2020-05-14")]],
    ["", "unreadable", []],
  ]);
});

describe("other ways deadlines are written", () => {
  check(AY2020, [
    [
      "ноябрь, декабрь,март, май",
      "dates",
      [month(2020, 11), month(2020, 12), month(2021, 3), month(2021, 5)],
    ],
    ["ноябрь, декабрь, март 2021", "dates", [month(2020, 11), month(2020, 12), month(2021, 3)]],
    ["март 2021, май", "dates", [month(2021, 3), month(2021, 5)]],
    ["ноябрь-февраль", "dates", [month(2020, 11, { year: 2021, month: 2 })]],
    ["до 01.09.2021", "dates", [days("2020-09-01", "2021-08-31")]],
    ["до 01.09", "dates", [days("2020-09-01", "2021-08-31")]],
    ["не позднее 15 марта 2021 г.", "dates", [days("2020-09-01", "2021-03-15")]],
    ["к 1 декабря", "dates", [days("2020-09-01", "2020-12-01")]],
    ["13.10–20.10.2020", "dates", [days("2020-10-13", "2020-10-20")]],
    ["20.12-15.01.2021", "dates", [days("2020-12-20", "2021-01-15")]],
    ["I квартал 2021", "dates", [month(2021, 1, { year: 2021, month: 3 })]],
    ["4 квартал", "dates", [month(2020, 10, { year: 2020, month: 12 })]],
    // halves of the school year when no year is written
    ["II полугодие", "dates", [month(2021, 1, { year: 2021, month: 5 })]],
    ["первое полугодие", "dates", [month(2020, 9, { year: 2020, month: 12 })]],
    ["II полугодие 2020 года", "dates", [month(2020, 7, { year: 2020, month: 12 })]],
    ["2021 год", "dates", [month(2021, 1, { year: 2021, month: 12 })]],
    ["в течение марта", "dates", [month(2021, 3)]],
    ["ежемесячно", "recurring", [WHOLE_AY2020]],
    ["Ежеквартально", "recurring", [WHOLE_AY2020]],
    ["постоянно", "period", [WHOLE_AY2020]],
    ["до конца учебного года", "period", [WHOLE_AY2020]],
    ["по мере поступления обращений", "period", [WHOLE_AY2020]],
    ["апрель (по итогам четверти)", "dates", [month(2021, 4)]],
    ["по согласованию", "unreadable", []],
    ["31.02.2021", "unreadable", []],
    ["13-е число", "unreadable", []],
    ["март, по согласованию", "unreadable", []],
  ]);
  check(Y2021, [["II полугодие", "dates", [month(2021, 7, { year: 2021, month: 12 })]]]);
});
