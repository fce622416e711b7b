import { z } from "zod";

/** Kinds of events the seeds name (seminars, webinars … competitions). */
export const EVENT_KINDS = [
  "seminar",
  "webinar",
  "round_table",
  "master_class",
  "subject_week",
  "open_lesson",
  "diagnostic_test",
  "conference",
  "competition",
] as const;
/** A kind of event. */
export const eventKindSchema = z.enum(EVENT_KINDS);
/** A kind of event. */
export type EventKind = z.infer<typeof eventKindSchema>;

/** Russian names of the kinds. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  seminar: "Семинар",
  webinar: "Вебинар",
  round_table: "Круглый стол",
  master_class: "Мастер-класс",
  subject_week: "Предметная неделя",
  open_lesson: "Открытый урок",
  diagnostic_test: "Диагностическая работа",
  conference: "Конференция",
  competition: "Конкурс",
};

/** Levels of events, from the widest. */
export const EVENT_LEVELS = ["federal", "regional", "municipal", "school"] as const;
/** A level of event. */
export const eventLevelSchema = z.enum(EVENT_LEVELS);
/** A level of event. */
export type EventLevel = z.infer<typeof eventLevelSchema>;

/** Russian names of the levels. */
export const EVENT_LEVEL_LABELS: Record<EventLevel, string> = {
  federal: "Федеральный",
  regional: "Региональный",
  municipal: "Муниципальный",
  school: "Школьный",
};

/** The levels a МОЦ keeps events of (its municipality's); the region keeps every level. */
export const MUNICIPAL_EVENT_LEVELS: readonly EventLevel[] = ["municipal", "school"];

/** Formats of a course. */
export const COURSE_FORMATS = ["in_person", "remote", "blended"] as const;
/** A format of a course. */
export const courseFormatSchema = z.enum(COURSE_FORMATS);
/** A format of a course. */
export type CourseFormat = z.infer<typeof courseFormatSchema>;

/** Russian names of the formats. */
export const COURSE_FORMAT_LABELS: Record<CourseFormat, string> = {
  in_person: "Очно",
  remote: "Дистанционно",
  blended: "Очно-заочно",
};

/** Statuses of an enrolment. */
export const ENROLMENT_STATUSES = ["enrolled", "completed", "dropped"] as const;
/** A status of an enrolment. */
export const enrolmentStatusSchema = z.enum(ENROLMENT_STATUSES);
/** A status of an enrolment. */
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

/** Russian names of the statuses. */
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: "Обучается",
  completed: "Завершил",
  dropped: "Выбыл",
};

const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\-–—_]+/g, " ");

function reader<T extends string>(
  labels: Record<T, string>,
  extra: Record<string, T>,
): (text: string) => T | null {
  const words = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    words.set(normal(code), code);
    words.set(normal(label), code);
  }
  for (const [word, code] of Object.entries(extra)) words.set(normal(word), code);
  return (text) => words.get(normal(text)) ?? null;
}

/** Reads a kind of event as people write it in a table («семинар», «Мастер-класс», «webinar»); null if unknown. */
export const readEventKind = reader(EVENT_KIND_LABELS, {
  "круглый стол": "round_table",
  мастеркласс: "master_class",
  "предметная декада": "subject_week",
  "диагностическая работа": "diagnostic_test",
  диагностика: "diagnostic_test",
  "диагностическое тестирование": "diagnostic_test",
  "научно практическая конференция": "conference",
  олимпиада: "competition",
});

/** Reads a level («региональный», «муниципальный уровень», «school»); null if unknown. */
export const readEventLevel = reader(EVENT_LEVEL_LABELS, {
  "федеральный уровень": "federal",
  "региональный уровень": "regional",
  "муниципальный уровень": "municipal",
  "школьный уровень": "school",
  "уровень оо": "school",
  "уровень ОО": "school",
});

/** Reads a course format («очно», «дистанционно», «очно-заочно», «смешанный»); null if unknown. */
export const readCourseFormat = reader(COURSE_FORMAT_LABELS, {
  очный: "in_person",
  очная: "in_person",
  дистанционный: "remote",
  дистанционная: "remote",
  заочно: "remote",
  онлайн: "remote",
  смешанный: "blended",
  смешанная: "blended",
  "очно заочная": "blended",
});

/** Reads an enrolment status («завершил», «обучается», «выбыл», «отчислен»); null if unknown. */
export const readEnrolmentStatus = reader(ENROLMENT_STATUS_LABELS, {
  зачислен: "enrolled",
  записан: "enrolled",
  обучается: "enrolled",
  завершил: "completed",
  завершила: "completed",
  окончил: "completed",
  окончила: "completed",
  прошел: "completed",
  прошла: "completed",
  выбыл: "dropped",
  выбыла: "dropped",
  отчислен: "dropped",
  отчислена: "dropped",
});
