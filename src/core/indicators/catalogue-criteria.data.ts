import type { PreloadedIndicator } from "./indicator-codes";

const GIA = "ГИА (РЦОИ)";
const OLYMPIAD = "ВсОШ (региональная база участников олимпиады)";

/**
 * The identification criteria of seed 001 («Основные критерии»): ЕГЭ and ОГЭ results, olympiad
 * participants and winners, disadvantaged families. ЕГЭ is a 0–100 test score; ОГЭ is the mean
 * mark 2–5, because the primary-score scale of ОГЭ changes from year to year and marks compare.
 */
export const CRITERIA_INDICATORS: PreloadedIndicator[] = [
  {
    code: "ege_math_mean",
    name: "Средний тестовый балл ЕГЭ по математике (профильный уровень)",
    unit: "score",
    direction: "higher_better",
    min: 0,
    max: 100,
    level: "school",
    group: "assessment",
    source: GIA,
    description: "Тестовый балл 0–100. Нет значения у школ без 11 класса и в годы без участников.",
  },
  {
    code: "ege_rus_mean",
    name: "Средний тестовый балл ЕГЭ по русскому языку",
    unit: "score",
    direction: "higher_better",
    min: 0,
    max: 100,
    level: "school",
    group: "assessment",
    source: GIA,
    description: "Тестовый балл 0–100. Нет значения у школ без 11 класса и в годы без участников.",
  },
  {
    code: "oge_math_mean",
    name: "Средняя отметка ОГЭ по математике",
    unit: "score",
    direction: "higher_better",
    min: 2,
    max: 5,
    level: "school",
    group: "assessment",
    source: GIA,
    description:
      "Средняя отметка по пятибалльной шкале (2–5), а не первичный балл: шкала первичных баллов меняется по годам.",
  },
  {
    code: "oge_rus_mean",
    name: "Средняя отметка ОГЭ по русскому языку",
    unit: "score",
    direction: "higher_better",
    min: 2,
    max: 5,
    level: "school",
    group: "assessment",
    source: GIA,
    description:
      "Средняя отметка по пятибалльной шкале (2–5), а не первичный балл: шкала первичных баллов меняется по годам.",
  },
  {
    code: "oge_math_below_min_share",
    name: "Доля участников ОГЭ по математике, получивших отметку «2»",
    unit: "share",
    direction: "lower_better",
    min: 0,
    max: 1,
    level: "school",
    group: "assessment",
    source: GIA,
    description: "Результат ниже минимального порога (верхней границы отметки «2») в основной период.",
  },
  {
    code: "oge_rus_below_min_share",
    name: "Доля участников ОГЭ по русскому языку, получивших отметку «2»",
    unit: "share",
    direction: "lower_better",
    min: 0,
    max: 1,
    level: "school",
    group: "assessment",
    source: GIA,
    description: "Результат ниже минимального порога (верхней границы отметки «2») в основной период.",
  },
  {
    code: "olympiad_participants_share",
    name: "Доля обучающихся 7–11 классов — участников муниципального и более высоких этапов ВсОШ",
    unit: "share",
    direction: "higher_better",
    min: 0,
    max: 1,
    level: "school",
    group: "olympiad",
    source: OLYMPIAD,
    description:
      "Каждый обучающийся считается один раз, сколько бы предметов он ни писал. Нет значения у начальных школ.",
  },
  {
    code: "olympiad_winners_share",
    name: "Доля обучающихся 7–11 классов — победителей и призёров муниципального и более высоких этапов ВсОШ",
    unit: "share",
    direction: "higher_better",
    min: 0,
    max: 1,
    level: "school",
    group: "olympiad",
    source: OLYMPIAD,
    description: "Нет значения у начальных школ.",
  },
  {
    code: "disadvantaged_families_share",
    name: "Доля обучающихся из неблагополучных семей",
    unit: "share",
    direction: "lower_better",
    min: 0,
    max: 1,
    level: "school",
    group: "social",
    source: "анкета «Социальные условия функционирования школы»",
    description: "Семьи в социально опасном положении и состоящие на учёте.",
  },
];
