import { EVENT_LEVEL_LABELS, EVENT_LEVELS } from "../../events";
import { counted } from "../ru-text";
import { heading, para, type ReportBlock } from "./blocks";
import type { RegionalFigures } from "./figures";

/** What was done in the year, with the counts of the support log, requests, courses, events, mentoring and partnerships. */
export function workDoneSection(f: RegionalFigures): ReportBlock[] {
  const w = f.work;
  const events = EVENT_LEVELS.reduce((sum, level) => sum + w.eventsByLevel[level], 0);
  const levels = EVENT_LEVELS.filter((level) => w.eventsByLevel[level] > 0)
    .map((level) => `${EVENT_LEVEL_LABELS[level].toLowerCase()} уровень – ${w.eventsByLevel[level]}`)
    .join(", ");
  const items = [
    `Адресная поддержка МОЦ: проведено ${counted(w.consultations, "консультация", "консультации", "консультаций")} для руководителей, учителей и обучающихся, ${counted(w.parentConsultations, "консультация", "консультации", "консультаций")} для родителей, ${counted(w.interviews, "собеседование", "собеседования", "собеседований")} с директорами, ${counted(w.visits, "выезд", "выезда", "выездов")} в школы; охвачено ${counted(w.peopleReached, "человек", "человека", "человек")}.`,
    `Работа специалистов: поступило ${counted(w.requests, "заявка", "заявки", "заявок")} школ, выполнено ${w.requestsDone}; специалисты обследовали и проконсультировали ${counted(w.specialistPeople, "человека", "человек", "человек")}.`,
    `Повышение квалификации: ${counted(w.courses, "курс", "курса", "курсов")}, ${counted(w.courseEnrolments, "зачисление", "зачисления", "зачислений")} педагогов и руководителей школ программы, завершили обучение ${w.courseCompleted}.`,
    `Мероприятия: ${counted(events, "мероприятие", "мероприятия", "мероприятий")}${levels ? ` (${levels})` : ""}, участвовали ${counted(w.eventTeachers, "педагог", "педагога", "педагогов")}.`,
    `Наставничество: ${counted(w.mentoringPairs, "пара", "пары", "пар")} «наставник – педагог», ${counted(w.mentoringMeetings, "встреча", "встречи", "встреч")}.`,
    `Партнерство: ${counted(w.partnerships, "соглашение", "соглашения", "соглашений")} о сетевом и социальном партнерстве; школу-партнера с высокими результатами имеют ${counted(w.schoolsWithPartnerSchool, "школа", "школы", "школ")}.`,
  ];
  return [heading(`Что сделано в ${f.year} году`), ...items.map(para)];
}
