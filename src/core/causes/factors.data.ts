import type { RiskFactor } from "./factor.schema";

/**
 * Codes of the preloaded risk factors. Plans, measures, answers and registries refer to them, so a
 * code never changes once published.
 */
export const FACTOR_CODES = [
  // Causes named in the МОЦ registries of causes (seeds 000 and 002)
  "low_learning_motivation",
  "weak_assessment_competence",
  "undeveloped_vsoko",
  "internal_external_mismatch",
  "teacher_burnout",
  "high_teacher_workload",
  "young_teachers_needed",
  // Risk factors of the federal project 500+ (DOMAIN.md, «Diagnosis of causes»)
  "low_equipment",
  "teacher_shortage",
  "students_at_risk",
  "weak_subject_methodical_competence",
  "low_teaching_adaptivity",
  "no_inschool_development",
  "language_cultural_barriers",
  "poor_school_climate",
  "low_parental_involvement",
] as const;

/** Code of a preloaded risk factor. */
export type FactorCode = (typeof FACTOR_CODES)[number];

/** True when `code` is the code of a preloaded risk factor. */
export function isFactorCode(code: string): code is FactorCode {
  return FACTOR_CODES.some((known) => known === code);
}

/** Factor codes as a list; only catalogue codes are accepted (checked by the compiler). */
export function factorList(...codes: FactorCode[]): FactorCode[] {
  return codes;
}

/** A catalogue factor whose code is one of the preloaded codes. */
export type PreloadedFactor = RiskFactor & { code: FactorCode };

/**
 * The preloaded catalogue of causes and risk factors: the seven causes the МОЦ registries of seeds
 * 000 (Дорогобужский район, 2019/20) and 002 (Ельнинский район, 2020/21) name, worded as there, and
 * the risk factors of the federal project 500+, worded as its risk profile does. Low learning
 * motivation is named by both and is one factor with both sources.
 */
export const RISK_FACTORS: PreloadedFactor[] = [
  {
    code: "low_learning_motivation",
    title: "Низкая мотивация обучающихся к обучению",
    description:
      "Обучающиеся не видят смысла в учёбе, пропускают уроки, не участвуют в олимпиадах и конкурсах.",
    group: "students",
    sources: ["seeds", "project500"],
    aliases: ["Низкая учебная мотивация обучающихся"],
  },
  {
    code: "weak_assessment_competence",
    title: "Недостаточная компетентность учителей по оцениванию образовательных результатов",
    description:
      "Учителя не владеют критериальным оцениванием, оценивают по-разному и не так, как внешние процедуры.",
    group: "teachers",
    sources: ["seeds"],
    aliases: [],
  },
  {
    code: "undeveloped_vsoko",
    title: "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга оценки качества образования",
    description:
      "Внутренняя система оценки качества образования существует на бумаге: нет плана оценочных процедур, анализа и решений по их итогам.",
    group: "management",
    sources: ["seeds"],
    aliases: ["Неразвитая внутренняя система оценки качества образования (ВСОКО)"],
  },
  {
    code: "internal_external_mismatch",
    title: "Несоответствие внутренней оценки качества обучения критериям внешних оценочных процедур",
    description: "Отметки в журнале не подтверждаются результатами ВПР, ОГЭ и ЕГЭ.",
    group: "management",
    sources: ["seeds"],
    aliases: [],
  },
  {
    code: "teacher_burnout",
    title: "Профессиональное выгорание педагогов",
    description: "Усталость, потеря интереса к работе, уход учителей из школы.",
    group: "teachers",
    sources: ["seeds"],
    aliases: [],
  },
  {
    code: "high_teacher_workload",
    title: "Высокая степень нагрузки педагогов",
    description: "Нагрузка сверх ставки, совмещение предметов и должностей, замещения и отчётность.",
    group: "teachers",
    sources: ["seeds"],
    aliases: [],
  },
  {
    code: "young_teachers_needed",
    title: "Высокая потребность в молодых педагогических кадрах",
    description: "Коллектив стареет: велика доля учителей пенсионного возраста, молодые учителя не приходят.",
    group: "teachers",
    sources: ["seeds"],
    aliases: [],
  },
  {
    code: "low_equipment",
    title: "Низкий уровень оснащения школы",
    description: "Не хватает учебного и лабораторного оборудования, компьютеров, учебников, связи.",
    group: "conditions",
    sources: ["project500"],
    aliases: [],
  },
  {
    code: "teacher_shortage",
    title: "Дефицит педагогических кадров",
    description: "Есть вакансии, предметы ведут учителя не по специальности.",
    group: "teachers",
    sources: ["project500"],
    aliases: [],
  },
  {
    code: "students_at_risk",
    title: "Высокая доля обучающихся с рисками учебной неуспешности",
    description:
      "Много обучающихся не преодолевают минимальный порог ГИА, не получают аттестат, состоят на профилактическом учёте.",
    group: "students",
    sources: ["project500"],
    aliases: [],
  },
  {
    code: "weak_subject_methodical_competence",
    title: "Недостаточная предметная и методическая компетентность педагогических работников",
    description:
      "Профессиональные дефициты учителей в предмете и методике; слабая методическая работа в школе.",
    group: "teachers",
    sources: ["project500"],
    aliases: [],
  },
  {
    code: "low_teaching_adaptivity",
    title: "Риски низкой адаптивности учебного процесса",
    description:
      "Обучение не учитывает разный уровень подготовки: нет индивидуальных маршрутов, разноуровневых заданий.",
    group: "teachers",
    sources: ["project500"],
    aliases: ["Низкая адаптивность обучения"],
  },
  {
    code: "no_inschool_development",
    title: "Несформированность внутришкольной системы повышения квалификации",
    description:
      "Курсы не связаны с дефицитами учителей, нет наставничества и планов профессионального развития.",
    group: "management",
    sources: ["project500"],
    aliases: ["Отсутствие внутришкольной системы профессионального развития педагогов"],
  },
  {
    code: "language_cultural_barriers",
    title: "Низкое качество преодоления языковых и культурных барьеров",
    description:
      "Обучающиеся, для которых русский язык не родной, не получают языковой и социокультурной поддержки.",
    group: "students",
    sources: ["project500"],
    aliases: [],
  },
  {
    code: "poor_school_climate",
    title: "Пониженный уровень качества школьной образовательной и воспитательной среды",
    description:
      "Конфликты и травля, обучающиеся не чувствуют себя в безопасности, нет психологической поддержки.",
    group: "conditions",
    sources: ["project500"],
    aliases: ["Неблагоприятный школьный климат", "Пониженный уровень школьного благополучия"],
  },
  {
    code: "low_parental_involvement",
    title: "Низкий уровень вовлечённости родителей",
    description:
      "Родители не приходят в школу, не участвуют в её управлении; много семей в трудной ситуации.",
    group: "families",
    sources: ["project500"],
    aliases: [],
  },
];
