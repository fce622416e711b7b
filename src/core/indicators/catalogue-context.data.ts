import type { PreloadedIndicator } from "./indicator-codes";

const SURVEY = "анкета «Социальные условия функционирования школы»";
const OO1 = "форма ФСН № ОО-1";
const COORDINATES = "расчёт по координатам ОО";

/** Builds a school-level share of the social-context survey, higher is worse unless said otherwise. */
function contextShare(
  code: PreloadedIndicator["code"],
  name: string,
  description?: string,
): PreloadedIndicator {
  return {
    code,
    name,
    unit: "share",
    direction: "lower_better",
    min: 0,
    max: 1,
    level: "school",
    group: "social",
    source: SURVEY,
    description,
  };
}

/**
 * Social-context indicators for the contextual model (HSE research on schools in difficult
 * conditions) and the survey «Социальные условия функционирования школы» of the Smolensk road map.
 * Their direction says which value makes the school's conditions more favourable.
 */
export const CONTEXT_INDICATORS: PreloadedIndicator[] = [
  {
    ...contextShare(
      "parents_higher_education_share",
      "Доля обучающихся, у которых хотя бы один родитель имеет высшее образование",
    ),
    direction: "higher_better",
  },
  contextShare("single_parent_share", "Доля обучающихся из неполных семей"),
  contextShare(
    "non_native_russian_share",
    "Доля обучающихся, для которых русский язык не является родным",
    "Языковой и культурный барьер — один из факторов риска проекта 500+.",
  ),
  contextShare(
    "low_income_share",
    "Доля обучающихся из малоимущих семей",
    "Семьи, признанные малоимущими органами соцзащиты.",
  ),
  {
    ...contextShare("students_with_disabilities_share", "Доля обучающихся с ОВЗ и детей-инвалидов"),
    source: OO1,
  },
  {
    ...contextShare(
      "extracurricular_share",
      "Доля обучающихся, занимающихся в кружках, секциях и творческих объединениях",
      "Отсутствие детей в творческих объединениях названо среди причин низких результатов (Кардымовский район, 2018).",
    ),
    direction: "higher_better",
  },
  {
    code: "teachers_pension_age_share",
    name: "Доля педагогических работников пенсионного возраста",
    unit: "share",
    direction: "lower_better",
    min: 0,
    max: 1,
    level: "school",
    group: "staffing",
    source: OO1,
    description:
      "Рост среднего возраста педагогов назван среди причин снижения качества образования (Кардымовский район, 2018).",
  },
  {
    code: "distance_to_center_km",
    name: "Расстояние от школы до административного центра муниципалитета (МОЦ), км",
    unit: "count",
    direction: "lower_better",
    min: 0,
    max: 200,
    level: "school",
    group: "social",
    source: COORDINATES,
    description:
      "Целые километры по дорогам (прямая × 1,25). Учителя сельских школ удалены от методических центров (СОИРО, 2019).",
  },
  {
    code: "region_center_distance_km",
    name: "Расстояние от центра муниципалитета до областного центра (г. Смоленск), км",
    unit: "count",
    direction: "lower_better",
    min: 0,
    max: 400,
    level: "municipality",
    group: "social",
    source: COORDINATES,
    description:
      "Целые километры по дорогам (прямая × 1,25): удалённость от СОИРО и региональных мероприятий.",
  },
];
