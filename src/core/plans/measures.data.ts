import { type Measure, type MeasureDraft, measureSchema } from "./measure.schema";
import { PEOPLE_MEASURES } from "./measures-people.data";

/** Owners the measures name. */
const OWNERS = {
  director: "Директор школы",
  deputy: "Заместитель директора по УВР",
  shmo: "Руководители школьных методических объединений",
  teachers: "Учителя-предметники",
  classTeachers: "Классные руководители",
  psychologist: "Педагог-психолог",
  moc: "Муниципальный образовательный центр (МОЦ)",
} as const;

/** Measures of management, assessment and work with students. */
const SCHOOL_MEASURES: MeasureDraft[] = [
  {
    code: "vsoko_design",
    title: "Проектирование внутренней системы оценки качества образования (ВСОКО)",
    description:
      "Положение о ВСОКО, график оценочных процедур на год, план внутришкольного контроля с посещением и разбором уроков, анализ результатов на педсовете (рекомендации СОИРО «Внутренняя система оценки качества образования», 2018).",
    factorCodes: ["undeveloped_vsoko", "internal_external_mismatch"],
    indicatorCodes: ["good_marks_share", "oge_math_below_min_share"],
    deadlineText: "Сентябрь-октябрь",
    owners: [OWNERS.director, OWNERS.deputy],
    resultText: "Утверждены положение о ВСОКО и график оценочных процедур; результаты разобраны на педсовете",
  },
  {
    code: "marks_vs_external",
    title: "Сопоставление отметок в журнале с результатами ВПР, ОГЭ и ЕГЭ",
    description:
      "По каждому классу и предмету: отметка за ВПР ниже, равна или выше отметки в журнале; результаты ГИА в разрезе подтверждения годовых отметок; выводы по каждому учителю.",
    factorCodes: ["internal_external_mismatch", "undeveloped_vsoko", "weak_assessment_competence"],
    indicatorCodes: ["ege_math_below_min_share", "oge_math_below_min_share"],
    deadlineText: "Май, август",
    owners: [OWNERS.deputy, OWNERS.shmo],
    resultText: "Аналитическая справка о подтверждении отметок результатами внешних процедур",
  },
  {
    code: "common_assessment_criteria",
    title: "Единые критерии оценивания и перекрёстная проверка работ",
    description:
      "ШМО утверждают критерии оценивания письменных работ по образцу ВПР и ГИА; часть работ проверяют учителя другого класса.",
    factorCodes: ["weak_assessment_competence", "internal_external_mismatch"],
    indicatorCodes: ["good_marks_share"],
    deadlineText: "Октябрь",
    owners: [OWNERS.shmo],
    resultText: "Критерии утверждены на заседаниях ШМО, перекрёстная проверка проведена в каждой четверти",
  },
  {
    code: "assessment_seminars",
    title: "Методические семинары по оцениванию образовательных результатов",
    description:
      "Семинары и заседания ШМО об объективном оценивании, формирующем оценивании и критериях ВПР и ГИА (опыт Дорогобужского района: 16 РМО и 3 ММО по объективной оценке).",
    factorCodes: ["weak_assessment_competence"],
    indicatorCodes: ["methodical_events"],
    deadlineText: "В течение учебного года",
    owners: [OWNERS.deputy, OWNERS.shmo],
    resultText: "Проведено не менее двух семинаров, в них участвовали все учителя",
  },
  {
    code: "diagnostic_tests",
    title: "Диагностические работы по предметам с разбором результатов",
    description:
      "Входные, промежуточные и итоговые диагностические работы, участие в региональных диагностических работах; разбор ошибок с обучающимися и коррекция планов уроков.",
    factorCodes: ["internal_external_mismatch", "students_at_risk", "low_teaching_adaptivity"],
    indicatorCodes: ["oge_math_below_min_share", "oge_rus_below_min_share"],
    deadlineText: "Октябрь, декабрь, март",
    owners: [OWNERS.deputy, OWNERS.teachers],
    resultText: "Проведены три диагностические работы, по каждой — разбор ошибок в классах",
  },
  {
    code: "individual_routes",
    title: "Индивидуальные образовательные маршруты для обучающихся, испытывающих трудности",
    description:
      "Маршрут для каждого обучающегося с трудностями: пробелы, дополнительные занятия, консультации, контрольные точки (в Ельнинской СШ № 2 — для 25 обучающихся, 2020/21).",
    factorCodes: ["students_at_risk", "low_teaching_adaptivity", "low_learning_motivation"],
    indicatorCodes: ["no_certificate_share", "oge_math_below_min_share", "ege_math_below_min_share"],
    deadlineText: "Октябрь",
    owners: [OWNERS.deputy, OWNERS.teachers],
    resultText: "Разработаны индивидуальные маршруты для всех обучающихся с трудностями",
  },
  {
    code: "gia_road_map",
    title: "Школьная «дорожная карта» подготовки к ГИА",
    description:
      "Пробные ОГЭ и ЕГЭ, консультации по предметам, родительские собрания по вопросам ГИА, анализ репетиционных экзаменов.",
    factorCodes: ["students_at_risk"],
    indicatorCodes: [
      "ege_math_below_min_share",
      "ege_rus_below_min_share",
      "oge_math_below_min_share",
      "no_certificate_share",
    ],
    deadlineText: "В течение учебного года",
    owners: [OWNERS.director, OWNERS.deputy],
    resultText: "«Дорожная карта» утверждена, пробные экзамены проведены и проанализированы",
  },
  {
    code: "differentiated_teaching",
    title: "Разноуровневое обучение и дополнительные занятия с отстающими",
    description:
      "Разноуровневые задания, работа в группах, дополнительные занятия по плану, а не только перед экзаменами.",
    factorCodes: ["low_teaching_adaptivity", "students_at_risk"],
    indicatorCodes: ["good_marks_share", "oge_math_below_min_share"],
    deadlineText: "В течение учебного года",
    owners: [OWNERS.teachers, OWNERS.shmo],
    resultText: "Дополнительные занятия идут по расписанию; в планах уроков есть разноуровневые задания",
  },
  {
    code: "subject_weeks",
    title: "Предметные недели, открытые уроки и мастер-классы",
    description:
      "Предметные недели с конкурсами, открытыми уроками, мастер-классами и диагностическими срезами (в Ельнинской СШ № 2 — 18 предметных недель за год).",
    factorCodes: ["low_learning_motivation", "weak_subject_methodical_competence"],
    indicatorCodes: ["olympiad_participants_share", "methodical_events"],
    deadlineText: "По графику ОО в течение учебного года",
    owners: [OWNERS.deputy, OWNERS.shmo],
    resultText: "Проведены предметные недели по всем предметам учебного плана",
  },
  {
    code: "olympiads_and_projects",
    title: "Участие обучающихся в олимпиадах, конкурсах и проектной деятельности",
    description:
      "Школьный и муниципальный этапы ВсОШ, конкурсы, проекты; тьюторское сопровождение обучающихся со склонностью к предметам.",
    factorCodes: ["low_learning_motivation"],
    indicatorCodes: ["olympiad_participants_share", "olympiad_winners_share"],
    deadlineText: "По отдельному графику",
    owners: [OWNERS.deputy, OWNERS.teachers],
    resultText: "Число участников муниципального этапа ВсОШ выросло",
  },
  {
    code: "extracurricular_involvement",
    title: "Вовлечение обучающихся в кружки, секции и объединения дополнительного образования",
    description:
      "Кружки на базе школы и в сетевой форме с учреждениями культуры и спорта; запись каждого обучающегося хотя бы в одно объединение.",
    factorCodes: ["low_learning_motivation", "poor_school_climate"],
    indicatorCodes: ["extracurricular_share"],
    deadlineText: "Сентябрь",
    owners: [OWNERS.deputy, OWNERS.classTeachers],
    resultText: "Доля обучающихся в кружках и секциях выросла",
  },
  {
    code: "prevention_work",
    title: "Индивидуальная профилактическая работа с обучающимися, состоящими на учёте",
    description:
      "План работы с каждым обучающимся на учёте: наставник из педагогов, занятость во внеурочное время, работа с семьёй.",
    factorCodes: ["students_at_risk", "low_learning_motivation"],
    indicatorCodes: ["prevention_register_share"],
    deadlineText: "В течение учебного года",
    owners: [OWNERS.deputy, OWNERS.classTeachers, OWNERS.psychologist],
    resultText: "Доля обучающихся на профилактическом учёте снизилась",
  },
  {
    code: "digital_resources",
    title: "Цифровые ресурсы для самоподготовки к ГИА",
    description:
      "Подбор цифровых образовательных ресурсов для самоподготовки обучающихся и учителей (вебинары СОИРО), доступ к ним в школе.",
    factorCodes: ["low_equipment", "low_teaching_adaptivity"],
    indicatorCodes: ["ege_math_below_min_share", "oge_math_below_min_share"],
    deadlineText: "Сентябрь-октябрь",
    owners: [OWNERS.deputy],
    resultText: "Обучающиеся выпускных классов пользуются цифровыми ресурсами для подготовки",
  },
];

/**
 * The preloaded measure library, from the seeds' practice (the МОЦ report of seed 000, the road
 * maps of seeds 001 and 004, the execution report of seed 002); every factor of the catalogue has
 * measures (checked by a test).
 */
export const PRELOADED_MEASURES: readonly Measure[] = [...SCHOOL_MEASURES, ...PEOPLE_MEASURES].map((draft) =>
  measureSchema.parse(draft),
);
