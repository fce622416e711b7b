import type { PlanTemplate } from "../../plans";
import type { Rng } from "../random";

/** The МОЦ's complex examination of a school, as the demo writes it (seed 000's steps). */
export type DemoExamination = {
  participants: string;
  documentCheck: string;
  interviews: string;
  assessmentAnalysis: string;
  findings: string;
};

const DOCUMENTS = [
  "Проверены положение о ВСОКО, план внутришкольного контроля, рабочие программы по математике и русскому языку.",
  "Изучены протоколы педагогических советов, журналы, план методической работы и справки по итогам ВПР.",
  "Проверены локальные акты об оценивании, планы ШМО и индивидуальные планы работы с неуспевающими.",
];
const INTERVIEWS = [
  "Собеседование с директором и заместителем по УВР; беседа с руководителями ШМО.",
  "Собеседование с администрацией; встреча с учителями математики и русского языка.",
  "Беседы с директором, классными руководителями 9 и 11 классов и педагогом-психологом.",
];
const ANALYSES = [
  "Результаты ВПР, ОГЭ и ЕГЭ за три года сопоставлены с годовыми отметками: внутренняя оценка выше внешней.",
  "Проанализированы все оценочные процедуры года: устойчиво низкие результаты по математике в 9 классе.",
  "Сопоставлены результаты диагностических работ и ГИА: доля неудовлетворительных результатов растёт.",
];

/** The examination of a school by its МОЦ: who took part and what was checked, with the findings in a sentence. */
export function demoExamination(rng: Rng, coordinator: string, findings: string): DemoExamination {
  return {
    participants: `${coordinator} (координатор МОЦ), руководитель-наставник, педагог-психолог МОЦ`,
    documentCheck: rng.pick(DOCUMENTS),
    interviews: rng.pick(INTERVIEWS),
    assessmentAnalysis: rng.pick(ANALYSES),
    findings,
  };
}

/** What a МОЦ writes when it returns a programme: on the whole and on one activity. */
export const RETURN_COMMENTS = {
  overall: [
    "Программа не связывает мероприятия с показателями: укажите целевые значения к концу года.",
    "Сроки слишком общие («в течение года»): разбейте на этапы с датами.",
  ],
  activity: [
    "Укажите ответственного: кто из заместителей ведёт это мероприятие?",
    "Целевое значение не лучше базового — уточните показатель.",
    "Мероприятие не связано с подтверждённой причиной: свяжите или уберите.",
  ],
  answer: [
    "Исправлено: добавлены ответственные и целевые значения.",
    "Сроки уточнены по четвертям, показатели связаны с причинами.",
  ],
};

/** A template with its years moved: «2021 года» in its deadlines and title become the given year. */
export function templateForYear(template: PlanTemplate, fromYear: number, toYear: number): PlanTemplate {
  const move = (text: string) => text.replaceAll(String(fromYear), String(toYear));
  return {
    ...template,
    title: move(template.title),
    period: { from: move(template.period.from), to: move(template.period.to) },
    sections: template.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => ({
        ...activity,
        deadlineText: move(activity.deadlineText),
        indicatorText: move(activity.indicatorText),
      })),
    })),
  };
}
