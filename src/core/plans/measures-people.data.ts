import type { MeasureDraft } from "./measure.schema";

const DIRECTOR = "Директор школы";
const DEPUTY = "Заместитель директора по УВР";
const SHMO = "Руководители школьных методических объединений";
const PSYCHOLOGIST = "Педагог-психолог";
const MOC = "Муниципальный образовательный центр (МОЦ)";

/** Measures of teachers' development, staffing, climate, families and equipment. */
export const PEOPLE_MEASURES: MeasureDraft[] = [
  {
    code: "deficit_diagnostics",
    title: "Диагностика профессиональных дефицитов учителей",
    description:
      "Диагностика по трудовым функциям профессионального стандарта (предметный, методический, оценочный блоки) в ЦНППМ или самооценкой; по ней — индивидуальный образовательный маршрут учителя.",
    factorCodes: [
      "weak_subject_methodical_competence",
      "weak_assessment_competence",
      "no_inschool_development",
    ],
    indicatorCodes: ["teachers_trained_share"],
    deadlineText: "Сентябрь-октябрь",
    owners: [DEPUTY, MOC],
    resultText: "Дефициты выявлены у всех учителей предметов с низкими результатами",
  },
  {
    code: "deficit_courses",
    title: "Курсы повышения квалификации по выявленным дефицитам",
    description:
      "Учителей направляют на курсы по дефициту, выявленному диагностикой, а не по очереди (провал, отмеченный СОИРО в 2019 году).",
    factorCodes: [
      "weak_subject_methodical_competence",
      "weak_assessment_competence",
      "no_inschool_development",
    ],
    indicatorCodes: ["teachers_trained_share"],
    deadlineText: "В течение года",
    owners: [DIRECTOR, DEPUTY],
    resultText: "Каждый учитель с дефицитом прошёл курс по своему дефициту",
  },
  {
    code: "deficit_mentoring",
    title: "Наставничество по выявленному дефициту учителя",
    description:
      "Наставник из школы с высокими результатами или из МОЦ закрепляется за учителем по его дефициту; очные и дистанционные встречи.",
    factorCodes: ["weak_subject_methodical_competence", "no_inschool_development", "young_teachers_needed"],
    indicatorCodes: ["teachers_trained_share"],
    deadlineText: "В течение учебного года",
    owners: [MOC, DEPUTY],
    resultText: "За каждым учителем с дефицитом закреплён наставник, встречи проходят по плану",
  },
  {
    code: "development_plans",
    title: "Индивидуальные планы профессионального развития педагогов",
    description:
      "План каждого учителя на год: курсы, наставничество, открытые уроки, участие в РМО (дорожная карта Дмитровского района, 2021, п. 2.4).",
    factorCodes: ["no_inschool_development"],
    indicatorCodes: ["teachers_trained_share"],
    deadlineText: "Сентябрь, в течение года",
    owners: [DEPUTY],
    resultText: "Планы профессионального развития есть у всех педагогов",
  },
  {
    code: "methodical_seminars",
    title: "Семинары-практикумы и методические дни на базе школы",
    description:
      "Методические дни с открытыми уроками и семинарами для учителей района (опыт Дорогобужского района: семинары на базе школ, 16–18 участников).",
    factorCodes: ["weak_subject_methodical_competence", "low_teaching_adaptivity"],
    indicatorCodes: ["methodical_events"],
    deadlineText: "По графику ОО в течение учебного года",
    owners: [DEPUTY, SHMO],
    resultText: "Проведено не менее двух методических мероприятий муниципального уровня",
  },
  {
    code: "partner_school",
    title: "Партнёрство со школой с высокими результатами",
    description:
      "Договор с школой-партнёром: взаимопосещение уроков, совместные ШМО, наставничество руководителей (в 2019 году партнёрами обзавелись 35 из 59 школ).",
    factorCodes: ["weak_subject_methodical_competence", "no_inschool_development", "undeveloped_vsoko"],
    indicatorCodes: ["methodical_events"],
    deadlineText: "Сентябрь",
    owners: [DIRECTOR, MOC],
    resultText: "Заключён договор о партнёрстве, проведены совместные мероприятия",
  },
  {
    code: "workload_redistribution",
    title: "Перераспределение учебной нагрузки и сокращение отчётности",
    description:
      "Пересмотр тарификации, отказ от дублирующих отчётов, ограничение замещений, совмещение предметов — только с согласия учителя.",
    factorCodes: ["high_teacher_workload", "teacher_burnout"],
    indicatorCodes: [],
    deadlineText: "Август-сентябрь",
    owners: [DIRECTOR],
    resultText: "Средняя нагрузка учителя не выше 1,5 ставки, перечень отчётов сокращён",
  },
  {
    code: "burnout_prevention",
    title: "Профилактика профессионального выгорания педагогов",
    description:
      "Тренинги и консультации психолога для учителей, моральное и материальное поощрение, конкурсы профессионального мастерства.",
    factorCodes: ["teacher_burnout"],
    indicatorCodes: [],
    deadlineText: "В течение учебного года",
    owners: [DIRECTOR, PSYCHOLOGIST],
    resultText: "Проведены тренинги для педагогов, действует система поощрения",
  },
  {
    code: "young_teachers",
    title: "Привлечение молодых педагогов",
    description:
      "Целевое обучение выпускников, меры поддержки молодых специалистов муниципалитета, наставник на первый год работы.",
    factorCodes: ["young_teachers_needed", "teacher_shortage"],
    indicatorCodes: ["teacher_vacancies", "teachers_pension_age_share"],
    deadlineText: "До 01.09",
    owners: [DIRECTOR, MOC],
    resultText: "Принят хотя бы один молодой педагог или заключён договор о целевом обучении",
  },
  {
    code: "vacancy_staffing",
    title: "Закрытие вакансий: совместительство, сетевая форма, дистанционные уроки",
    description:
      "Выявление потребности в кадрах и дополнительных штатных должностях; уроки учителей других школ в сетевой форме.",
    factorCodes: ["teacher_shortage"],
    indicatorCodes: ["teacher_vacancies"],
    deadlineText: "Август",
    owners: [DIRECTOR, MOC],
    resultText: "Все предметы учебного плана ведут учителя по специальности",
  },
  {
    code: "psychologist_gia",
    title: "Консультации психолога для обучающихся и родителей по подготовке к ГИА",
    description:
      "Консультации по психологическим аспектам подготовки к экзаменам, в том числе кабинета «Консультант-прогноз» СОИРО.",
    factorCodes: ["poor_school_climate", "students_at_risk"],
    indicatorCodes: ["ege_math_below_min_share", "oge_math_below_min_share"],
    deadlineText: "В течение учебного года",
    owners: [PSYCHOLOGIST, MOC],
    resultText: "Консультации получили все выпускники и их родители, кто в них нуждался",
  },
  {
    code: "psychologist_support",
    title: "Психологическое сопровождение школы: ставка психолога или договор",
    description:
      "Ставка педагога-психолога или договор с психологами МОЦ и СОИРО по заявкам школы: обследование и консультирование детей, учителей, родителей.",
    factorCodes: ["poor_school_climate", "students_at_risk"],
    indicatorCodes: ["has_psychologist"],
    deadlineText: "Сентябрь",
    owners: [DIRECTOR, MOC],
    resultText: "Школа получает психологическое сопровождение",
  },
  {
    code: "climate_programme",
    title: "Профилактика конфликтов и травли, школьная служба примирения",
    description:
      "Анкетирование школьного климата, служба примирения, классные часы, работа психолога с классами.",
    factorCodes: ["poor_school_climate"],
    indicatorCodes: ["prevention_register_share"],
    deadlineText: "В течение учебного года",
    owners: [DEPUTY, PSYCHOLOGIST],
    resultText: "Служба примирения работает, повторное анкетирование показывает улучшение климата",
  },
  {
    code: "parents_council",
    title: "Совет родителей в разработке и реализации программы школы",
    description:
      "Положение о совете родителей; совет участвует в разработке программы перехода в эффективный режим (так сделали в Ельнинской СШ № 2).",
    factorCodes: ["low_parental_involvement"],
    indicatorCodes: [],
    deadlineText: "Сентябрь-октябрь",
    owners: [DIRECTOR],
    resultText: "Совет родителей утверждён и участвовал в разработке программы",
  },
  {
    code: "parent_meetings",
    title: "Родительские собрания и индивидуальные консультации родителей",
    description:
      "Собрания «Взаимодействие школы и семьи как фактор повышения качества образования», «Помощь выпускникам в период подготовки к экзаменам»; консультации по обращениям.",
    factorCodes: ["low_parental_involvement", "low_learning_motivation"],
    indicatorCodes: [],
    deadlineText: "Ноябрь, март",
    owners: [DEPUTY, "Классные руководители"],
    resultText: "Проведены собрания, доля присутствовавших родителей выросла",
  },
  {
    code: "russian_language_support",
    title: "Дополнительные занятия по русскому языку для обучающихся, для которых он не родной",
    description: "Диагностика владения русским языком, занятия в малых группах, поддержка на уроках.",
    factorCodes: ["language_cultural_barriers"],
    indicatorCodes: ["oge_rus_below_min_share", "ege_rus_below_min_share"],
    deadlineText: "В течение учебного года",
    owners: [DEPUTY, "Учителя русского языка"],
    resultText: "Все обучающиеся с неродным русским языком занимаются в группах поддержки",
  },
  {
    code: "cultural_adaptation",
    title: "Социокультурная адаптация детей и семей с другим родным языком",
    description:
      "Мероприятия по знакомству с культурой, вовлечение родителей в жизнь школы, переводчики на собраниях при необходимости.",
    factorCodes: ["language_cultural_barriers", "low_parental_involvement"],
    indicatorCodes: [],
    deadlineText: "В течение учебного года",
    owners: [DEPUTY, "Классные руководители"],
    resultText: "Проведены мероприятия социокультурной адаптации, в них участвовали семьи",
  },
  {
    code: "equipment_needs",
    title: "Выявление потребности в обновлении материально-технической базы",
    description:
      "Перечень недостающего оборудования по кабинетам, заявка в муниципальный план подготовки к учебному году, социальные партнёры (опыт Дорогобужского района: соглашение с ПАО «Дорогобуж»).",
    factorCodes: ["low_equipment"],
    indicatorCodes: [],
    deadlineText: "Октябрь",
    owners: [DIRECTOR, MOC],
    resultText: "Потребность включена в муниципальный план мероприятий",
  },
];
