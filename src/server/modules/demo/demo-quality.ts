/**
 * The demo's МОЦ reports for report-quality control (issue 13, 5): the Дорогобужский МОЦ's report;
 * the report of the МОЦ of Смоленск, copied from it with the names changed (seed 003: «В отчете МОЦ
 * города Смоленска допущено копирование сведений»); the Смоленский district's report, which lists
 * results with no comparison to the previous year. Recommendations tied to indicators and confirmed
 * causes, and some tied to nothing.
 */
import type { MocReportRecommendation, MocReportSection } from "../../../shared/quality-api";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findCauseOptions, findIndicatorOptions, insertMocReport } from "../quality/quality.repo";

/** What the demo's report-quality step added. */
export type DemoQualitySummary = { mocReports: number };

/** The text the Дорогобужский МОЦ wrote; «{где}» and «{кого}» are its names. */
function workText(names: { where: string; whose: string }): MocReportSection[] {
  return [
    {
      title: "1. Адресная поддержка школ проекта",
      text: `В течение учебного года МОЦ ${names.whose} сопровождал школы с низкими образовательными результатами по дорожной карте, утверждённой приказом отдела образования. Координатор МОЦ провёл собеседования с директорами всех школ проекта, посетил уроки молодых учителей математики и русского языка и дал методические консультации по оцениванию образовательных результатов. Для заместителей директоров проведены два семинара по внутренней системе оценки качества образования и круглый стол по работе с обучающимися группы риска. Педагоги-психологи провели диагностику учебной мотивации в пятых и девятых классах и консультации для родителей.`,
    },
    {
      title: "2. Результаты",
      text: `Средний балл ОГЭ по математике в школах проекта ${names.where} составил 3,4, по русскому языку 3,7; по сравнению с прошлым годом доля обучающихся, не преодолевших минимальный порог, снизилась с 12 до 8 %. Качество знаний по итогам года 41 % против 38 % в прошлом году. В муниципальном этапе всероссийской олимпиады школьников приняли участие 64 обучающихся школ проекта, призёрами стали 5.`,
    },
    {
      title: "3. Выводы по школам",
      text: `Две школы проекта выполнили целевые показатели программ перехода в эффективный режим работы и могут быть выведены из проекта. Остальным школам рекомендовано продолжить работу по программам с учётом выявленных причин: низкой учебной мотивации обучающихся и слабой подготовки учителей к оцениванию. Школам, где второй год подряд нет проектной деятельности, предложено включить её в программу на следующий год.`,
    },
  ];
}

const DISTRICT_TEXT: MocReportSection[] = [
  {
    title: "Работа со школами",
    text: "МОЦ Смоленского района организовал выездные консультации в сельских школах, заседания районных методических объединений учителей начальных классов и школу молодого педагога. Наставники из школ-партнёров посещали уроки и разбирали их с учителями.",
  },
  {
    title: "Итоги года",
    text: "Успеваемость в школах проекта составила 96 %, качество знаний 35 %. Средний балл ЕГЭ по профильной математике 48, по русскому языку 64. Доля выпускников девятых классов, получивших аттестат, 97 %.",
  },
];

/**
 * The three МОЦ reports of the demo's support year, written by the МОЦ coordinators of Дорогобуж
 * and Смоленск and, for the Смоленский district, by the system. Bulk inserts, no audit (the demo load is audited).
 */
export async function loadDemoQuality(input: {
  db: Db;
  regionId: number;
  year: number;
  municipalityIds: ReadonlyMap<string, number>;
  actors: ReadonlyMap<string, Actor>;
}): Promise<DemoQualitySummary> {
  const { db, regionId, year } = input;
  const indicators = await findIndicatorOptions(db, regionId);
  const codes = indicators.map((i) => i.code);
  const pick = (pattern: RegExp) => codes.filter((code) => pattern.test(code)).slice(0, 1);
  let count = 0;
  const specs: { code: string; login: string | null; names: { where: string; whose: string } | null }[] = [
    {
      code: "dorogobuzh",
      login: "moc.dorogobuzh",
      names: { where: "Дорогобужского района", whose: "Дорогобужского района" },
    },
    {
      code: "smolensk",
      login: "moc.smolensk",
      names: { where: "города Смоленска", whose: "города Смоленска" },
    },
    { code: "smolensky", login: null, names: null },
  ];
  for (const spec of specs) {
    const municipalityId = input.municipalityIds.get(spec.code);
    if (municipalityId === undefined) continue;
    const causes = await findCauseOptions(db, municipalityId, year);
    const recommendations: MocReportRecommendation[] = [
      {
        text: "Направить учителей математики на курсы по оцениванию образовательных результатов по итогам диагностики дефицитов",
        indicatorCodes: pick(/oge_math|ege_math/),
        causeIds: causes.slice(0, 1).map((c) => c.id),
      },
      {
        text: "Усилить работу с обучающимися группы риска и их родителями",
        indicatorCodes: pick(/register|prevention/),
        causeIds: causes.slice(1, 2).map((c) => c.id),
      },
      { text: "Активизировать методическую работу в школах", indicatorCodes: [], causeIds: [] },
    ];
    const actor = spec.login === null ? undefined : input.actors.get(spec.login);
    const name = spec.names?.whose ?? "Смоленского района";
    await insertMocReport(db, {
      regionId,
      municipalityId,
      year,
      title: `Аналитический отчёт МОЦ ${name} за ${year - 1}/${year} учебный год`,
      sections: spec.names ? workText(spec.names) : DISTRICT_TEXT,
      recommendations: spec.names ? recommendations : recommendations.slice(0, 2),
      createdBy: actor?.userId ?? null,
      updatedBy: actor?.userId ?? null,
      updatedByName: actor?.fullName ?? "Система",
    });
    count += 1;
  }
  return { mocReports: count };
}
