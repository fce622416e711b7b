import type { CourseFormat, EnrolmentStatus, EventKind, EventLevel } from "../../events";
import type { ProfessionalBlock } from "../../teachers";
import type { Rng } from "../random";

/**
 * The demo's year of courses and events (issue 12, point 3), pure and seeded: about 30 courses of
 * 24–72 hours from real-sounding providers, enrolments of programme schools' teachers (most
 * completed, some dropped), and about 150 events of every level and kind with their schools and
 * numbers. The loader inserts what this returns.
 */

/** A course of the demo catalogue. */
export type DemoCourse = {
  title: string;
  hours: number;
  startsOn: string;
  endsOn: string;
  provider: string;
  format: CourseFormat;
  blocks: ProfessionalBlock[];
  subjects: string[];
  description: string;
};

const PROVIDERS = [
  "ГАУ ДПО «Смоленский областной институт развития образования»",
  "ФГАОУ ДПО «Академия Минпросвещения России»",
  "ФГБОУ ВО «Смоленский государственный университет»",
  "ГАУ ДПО СОИРО, кафедра управления образованием",
];

const COURSE_THEMES: { title: string; blocks: ProfessionalBlock[]; subjects: string[] }[] = [
  {
    title: "Формирование функциональной грамотности на уроках математики",
    blocks: ["methodical", "subject"],
    subjects: ["математика"],
  },
  {
    title: "Смысловое чтение и работа с текстом на уроках русского языка",
    blocks: ["methodical", "subject"],
    subjects: ["русский язык", "литература"],
  },
  {
    title: "Подготовка обучающихся к ОГЭ по математике: трудные задания",
    blocks: ["subject", "assessment"],
    subjects: ["математика"],
  },
  {
    title: "Подготовка к ЕГЭ по русскому языку: сочинение-рассуждение",
    blocks: ["subject", "assessment"],
    subjects: ["русский язык"],
  },
  {
    title: "Объективное оценивание образовательных результатов и ВСОКО",
    blocks: ["assessment", "normative"],
    subjects: [],
  },
  { title: "Критериальное оценивание в основной школе", blocks: ["assessment"], subjects: [] },
  { title: "Цифровые образовательные ресурсы в работе учителя", blocks: ["digital"], subjects: [] },
  {
    title: "ФГИС «Моя школа»: организация урока с цифровым контентом",
    blocks: ["digital", "methodical"],
    subjects: [],
  },
  {
    title: "Работа с обучающимися с трудностями в обучении",
    blocks: ["psychological", "methodical"],
    subjects: [],
  },
  {
    title: "Психолого-педагогическое сопровождение обучающихся с ОВЗ",
    blocks: ["psychological", "normative"],
    subjects: [],
  },
  {
    title: "Профилактика учебной неуспешности: индивидуальные маршруты",
    blocks: ["psychological", "methodical"],
    subjects: [],
  },
  {
    title: "Обновлённые ФГОС ООО и ФОП: проектирование рабочей программы",
    blocks: ["normative", "methodical"],
    subjects: [],
  },
  {
    title: "Управление школой в условиях низких образовательных результатов",
    blocks: ["normative", "assessment"],
    subjects: [],
  },
  {
    title: "Наставничество в образовательной организации",
    blocks: ["methodical", "psychological"],
    subjects: [],
  },
  {
    title: "Естественно-научная грамотность: исследовательские задания по физике",
    blocks: ["subject", "methodical"],
    subjects: ["физика"],
  },
  { title: "Практикум по решению задач по химии", blocks: ["subject"], subjects: ["химия"] },
  {
    title: "Биология: лабораторный практикум и подготовка к ОГЭ",
    blocks: ["subject", "assessment"],
    subjects: ["биология"],
  },
  {
    title: "Историческое образование: работа с источниками",
    blocks: ["subject", "methodical"],
    subjects: ["история", "обществознание"],
  },
  {
    title: "Иностранный язык: коммуникативная методика в малокомплектной школе",
    blocks: ["methodical"],
    subjects: ["английский язык"],
  },
  {
    title: "Начальная школа: формирование читательской грамотности",
    blocks: ["methodical", "subject"],
    subjects: ["начальные классы"],
  },
  {
    title: "Воспитательная работа и классное руководство",
    blocks: ["psychological", "normative"],
    subjects: [],
  },
  {
    title: "Информатика: программирование на Python в основной школе",
    blocks: ["subject", "digital"],
    subjects: ["информатика"],
  },
  {
    title: "География: функциональная грамотность и картографические задания",
    blocks: ["subject"],
    subjects: ["география"],
  },
  { title: "Анализ результатов оценочных процедур и адресные решения", blocks: ["assessment"], subjects: [] },
  { title: "Школа Минпросвещения России: модели и критерии", blocks: ["normative"], subjects: [] },
  { title: "Формирующее оценивание на уроке", blocks: ["assessment", "methodical"], subjects: [] },
  {
    title: "Эмоциональное выгорание педагога: профилактика и самопомощь",
    blocks: ["psychological"],
    subjects: [],
  },
  {
    title: "Математическая грамотность в начальной школе",
    blocks: ["subject", "methodical"],
    subjects: ["начальные классы", "математика"],
  },
  {
    title: "Электронный журнал и цифровой след обучающегося: правовые основы",
    blocks: ["digital", "normative"],
    subjects: [],
  },
  { title: "Проектная и исследовательская деятельность обучающихся", blocks: ["methodical"], subjects: [] },
];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) =>
  iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000));

/** A date of the school year (ISO), `from` and `to` in days since 1 September. */
function dayOfYear(rng: Rng, year: number, from = 0, to = 330): string {
  return addDays(`${year - 1}-09-01`, rng.int(from, to));
}

/** About 30 courses of the school year `year` (named by the year it ends). */
export function demoCourses(rng: Rng, year: number): DemoCourse[] {
  return COURSE_THEMES.map((theme) => {
    const hours = rng.pick([24, 36, 36, 72, 72, 48]);
    const startsOn = dayOfYear(rng, year, 10, 270);
    const weeks = hours <= 24 ? 1 : hours <= 36 ? 2 : 4;
    return {
      title: theme.title,
      hours,
      startsOn,
      endsOn: addDays(startsOn, weeks * 7 - 3),
      provider: theme.title.includes("Минпросвещения") ? (PROVIDERS[1] ?? "") : rng.pick(PROVIDERS),
      format: rng.pick<CourseFormat>(["in_person", "remote", "blended", "remote"]),
      blocks: theme.blocks,
      subjects: theme.subjects,
      description: `Дополнительная профессиональная программа повышения квалификации, ${hours} ч.`,
    };
  });
}

/** A teacher of the demo as the enrolments see it. */
export type DemoTeacher = { id: number; subjects: readonly string[] };

/** An enrolment of the demo, by course index. */
export type DemoEnrolment = {
  course: number;
  teacherId: number;
  status: EnrolmentStatus;
  enrolledOn: string;
  completedOn: string | null;
};

/**
 * Enrolments of programme schools' teachers: about half take a course — one of their subject when
 * there is one, otherwise a general one —, a few two; of the courses that have ended most are
 * completed on the course's last day, about one in eight dropped; later ones are in progress.
 */
export function demoEnrolments(
  rng: Rng,
  courses: readonly DemoCourse[],
  teachers: readonly DemoTeacher[],
  lastDay: string,
): DemoEnrolment[] {
  const out: DemoEnrolment[] = [];
  const general = courses.flatMap((c, k) => (c.subjects.length === 0 ? [k] : []));
  for (const teacher of teachers) {
    if (!rng.chance(0.55)) continue;
    const own = courses.flatMap((c, k) => (c.subjects.some((s) => teacher.subjects.includes(s)) ? [k] : []));
    const picks = new Set<number>();
    const first = own.length > 0 && rng.chance(0.7) ? rng.pick(own) : rng.pick(general);
    picks.add(first);
    if (rng.chance(0.3)) picks.add(rng.pick(general));
    for (const course of picks) {
      const c = courses[course];
      if (!c) continue;
      const enrolledOn = addDays(c.startsOn, -rng.int(3, 20));
      const ended = c.endsOn <= lastDay;
      const status: EnrolmentStatus = !ended ? "enrolled" : rng.chance(0.12) ? "dropped" : "completed";
      out.push({
        course,
        teacherId: teacher.id,
        status,
        enrolledOn,
        completedOn: status === "completed" ? c.endsOn : null,
      });
    }
  }
  return out;
}

/** A school of the demo as the events see it. */
export type DemoEventSchool = { id: number; municipalityId: number; isProgramme: boolean };

/** An event of the demo. */
export type DemoEvent = {
  kind: EventKind;
  level: EventLevel;
  heldOn: string;
  topic: string;
  organiser: string;
  municipalityId: number | null;
  schoolIds: number[];
  teachersCount: number;
  headsCount: number;
  studentsCount: number;
  municipalitiesCount: number;
};

const TOPICS: Record<EventKind, string[]> = {
  seminar: [
    "Повышение качества образования в школах с низкими результатами",
    "Анализ результатов ВПР и адресные меры",
    "Организация внутришкольного контроля",
    "Работа с неуспевающими обучающимися",
  ],
  webinar: [
    "Функциональная грамотность: банк заданий",
    "Объективность оценивания: опыт школ-лидеров",
    "Цифровая образовательная среда: новые сервисы",
    "Индивидуальный образовательный маршрут педагога",
  ],
  round_table: [
    "Школа и семья: совместная ответственность",
    "Наставничество: что работает",
    "Резильентные школы региона",
  ],
  master_class: [
    "Приёмы смыслового чтения",
    "Формирующее оценивание на уроке",
    "Урок-исследование по физике",
  ],
  subject_week: [
    "Неделя математики",
    "Неделя русского языка и литературы",
    "Неделя естественных наук",
    "Неделя истории",
  ],
  open_lesson: [
    "Открытый урок математики",
    "Открытый урок русского языка",
    "Открытый урок в начальной школе",
  ],
  diagnostic_test: [
    "Диагностика читательской грамотности",
    "Диагностика математической грамотности",
    "Диагностика профессиональных дефицитов педагогов",
  ],
  conference: ["Качество образования: вызовы и решения", "Эффективные практики повышения результатов"],
  competition: ["Конкурс «Учитель года»", "Олимпиада по математике", "Конкурс методических разработок"],
};

const LEVEL_PLAN: { level: EventLevel; count: number; kinds: EventKind[] }[] = [
  { level: "federal", count: 12, kinds: ["webinar", "conference", "competition", "diagnostic_test"] },
  {
    level: "regional",
    count: 38,
    kinds: ["seminar", "webinar", "round_table", "conference", "competition", "master_class"],
  },
  {
    level: "municipal",
    count: 55,
    kinds: ["seminar", "round_table", "master_class", "subject_week", "competition", "diagnostic_test"],
  },
  {
    level: "school",
    count: 45,
    kinds: ["open_lesson", "subject_week", "master_class", "diagnostic_test", "seminar"],
  },
];

function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return rng.shuffle(items).slice(0, Math.max(0, Math.min(n, items.length)));
}

/**
 * About 150 events of the school year at every level: federal and regional ones with programme
 * schools of many municipalities (their numbers «N педагогов из M районов»), municipal ones kept by
 * the МОЦ of a municipality with programme schools and their neighbours, school ones of one
 * programme school.
 */
export function demoEvents(
  rng: Rng,
  year: number,
  schools: readonly DemoEventSchool[],
  municipalityNames: ReadonlyMap<number, string>,
): DemoEvent[] {
  const programme = schools.filter((s) => s.isProgramme);
  if (programme.length === 0) return [];
  const byMunicipality = new Map<number, DemoEventSchool[]>();
  for (const s of schools)
    byMunicipality.set(s.municipalityId, [...(byMunicipality.get(s.municipalityId) ?? []), s]);
  const programmeMunicipalities = [...new Set(programme.map((s) => s.municipalityId))];
  const out: DemoEvent[] = [];
  for (const plan of LEVEL_PLAN) {
    for (let k = 0; k < plan.count; k++) {
      const kind = rng.pick(plan.kinds);
      const topic = rng.pick(TOPICS[kind]);
      let chosen: DemoEventSchool[];
      let municipalityId: number | null = null;
      let organiser: string;
      if (plan.level === "federal" || plan.level === "regional") {
        chosen = sample(rng, programme, rng.int(4, Math.min(30, programme.length)));
        organiser =
          plan.level === "federal"
            ? rng.pick([
                "ФГАОУ ДПО «Академия Минпросвещения России»",
                "ФГБНУ «ФИОКО»",
                "Минпросвещения России",
              ])
            : rng.pick([
                "ГАУ ДПО «СОИРО»",
                "Министерство образования и науки Смоленской области",
                "ГАУ ДПО «СОИРО», ЦНППМ",
              ]);
      } else {
        municipalityId = rng.pick(programmeMunicipalities);
        const local = byMunicipality.get(municipalityId) ?? [];
        const localProgramme = local.filter((s) => s.isProgramme);
        const name = municipalityNames.get(municipalityId) ?? "";
        if (plan.level === "municipal") {
          chosen = [...new Set([...localProgramme, ...sample(rng, local, rng.int(1, 5))])];
          organiser = `МОЦ ${name}`.trim();
        } else {
          chosen = [rng.pick(localProgramme.length > 0 ? localProgramme : local)].filter(
            Boolean,
          ) as DemoEventSchool[];
          organiser = "Школа (методическое объединение)";
        }
      }
      const forStudents = ["subject_week", "competition", "diagnostic_test", "open_lesson"].includes(kind);
      const teachersCount = chosen.reduce((sum) => sum + rng.int(2, 7), 0);
      const municipalitiesCount =
        plan.level === "federal" || plan.level === "regional"
          ? new Set(chosen.map((s) => s.municipalityId)).size
          : 0;
      out.push({
        kind,
        level: plan.level,
        heldOn: dayOfYear(rng, year, 5, 300),
        topic,
        organiser,
        municipalityId,
        schoolIds: chosen.map((s) => s.id),
        teachersCount,
        headsCount:
          kind === "seminar" || kind === "round_table" || kind === "conference"
            ? rng.int(0, chosen.length)
            : 0,
        studentsCount: forStudents ? chosen.reduce((sum) => sum + rng.int(15, 60), 0) : 0,
        municipalitiesCount,
      });
    }
  }
  return out.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
}
