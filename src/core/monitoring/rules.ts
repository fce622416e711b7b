import type { ComputedRule } from "./template.schema";

/**
 * What Opora holds about one programme school for a programme year (from (Y−1)-09-01 to Y-12-31):
 * the repositories gather it, the rules read it.
 */
export type SchoolFacts = {
  /** The school's municipality has a road map (municipal plan) of the year. */
  hasMunicipalRoadMap: boolean;
  /** The school's programme (plan) of the year is approved. */
  hasApprovedProgramme: boolean;
  /** Signed agreements in force in the period, by partner kind. */
  partnerSchools: number;
  socialPartners: number;
  parentPartners: number;
  /** Course enrolments of the school's teachers completed in the period and in the period a year before. */
  coursesCompleted: number;
  coursesCompletedBefore: number;
  /** Events of the period the school took part in, by level; «school» are its own (institutional) events. */
  eventsFederal: number;
  eventsRegional: number;
  eventsMunicipal: number;
  eventsSchool: number;
  /** Teachers of the school with an individual route (ИОМ) for the year. */
  individualRoutes: number;
};

/** Facts of a school that has nothing recorded. */
export const EMPTY_FACTS: SchoolFacts = {
  hasMunicipalRoadMap: false,
  hasApprovedProgramme: false,
  partnerSchools: 0,
  socialPartners: 0,
  parentPartners: 0,
  coursesCompleted: 0,
  coursesCompletedBefore: 0,
  eventsFederal: 0,
  eventsRegional: 0,
  eventsMunicipal: 0,
  eventsSchool: 0,
  individualRoutes: 0,
};

type Rule = { sentence: string; compute: (f: SchoolFacts) => boolean };

const events = (f: SchoolFacts) => f.eventsFederal + f.eventsRegional + f.eventsMunicipal + f.eventsSchool;

/** Each rule: the Russian sentence shown to users and the yes/no it computes. */
export const RULES: Record<ComputedRule, Rule> = {
  municipal_road_map: {
    sentence: "Да, если у муниципалитета школы есть дорожная карта (муниципальный план) на этот год.",
    compute: (f) => f.hasMunicipalRoadMap,
  },
  programme_plan: {
    sentence: "Да, если программа школы (план) на этот год утверждена.",
    compute: (f) => f.hasApprovedProgramme,
  },
  partners_social: {
    sentence:
      "Да, если у школы есть действующий договор с социальным партнёром (культура, спорт, библиотека и др.).",
    compute: (f) => f.socialPartners > 0,
  },
  partners_school: {
    sentence: "Да, если у школы есть действующий договор со школой-партнёром.",
    compute: (f) => f.partnerSchools > 0,
  },
  partners_parents: {
    sentence: "Да, если у школы есть действующее соглашение с родителями-партнёрами.",
    compute: (f) => f.parentPartners > 0,
  },
  partners_none: {
    sentence: "Да, если у школы нет ни одного действующего договора о партнёрстве.",
    compute: (f) => f.partnerSchools + f.socialPartners + f.parentPartners === 0,
  },
  courses_growth: {
    sentence:
      "Да, если педагоги школы завершили в этом году больше курсов повышения квалификации, чем в предыдущем.",
    compute: (f) => f.coursesCompleted > f.coursesCompletedBefore,
  },
  courses_stable: {
    sentence:
      "Да, если педагоги школы завершили в этом году столько же курсов повышения квалификации (не меньше одного), сколько в предыдущем.",
    compute: (f) => f.coursesCompleted > 0 && f.coursesCompleted === f.coursesCompletedBefore,
  },
  events_federal: {
    sentence: "Да, если школа участвовала хотя бы в одном мероприятии федерального уровня.",
    compute: (f) => f.eventsFederal > 0,
  },
  events_regional: {
    sentence: "Да, если школа участвовала хотя бы в одном мероприятии регионального уровня.",
    compute: (f) => f.eventsRegional > 0,
  },
  events_municipal: {
    sentence: "Да, если школа участвовала хотя бы в одном мероприятии муниципального уровня.",
    compute: (f) => f.eventsMunicipal > 0,
  },
  events_school_organised: {
    sentence: "Да, если в журнале мероприятий есть мероприятие школьного уровня этой школы.",
    compute: (f) => f.eventsSchool > 0,
  },
  events_none: {
    sentence: "Да, если в журнале мероприятий нет ни одного мероприятия с участием школы.",
    compute: (f) => events(f) === 0,
  },
  individual_routes: {
    sentence:
      "Да, если хотя бы у одного педагога школы есть индивидуальный образовательный маршрут (ИОМ) на год.",
    compute: (f) => f.individualRoutes > 0,
  },
  individual_routes_none: {
    sentence:
      "Да, если ни у одного педагога школы нет индивидуального образовательного маршрута (ИОМ) на год.",
    compute: (f) => f.individualRoutes === 0,
  },
};

/** The yes/no of a computed rule for a school's facts. */
export function computeRule(rule: ComputedRule, facts: SchoolFacts): boolean {
  return RULES[rule].compute(facts);
}

/** The Russian sentence of a rule. */
export function ruleSentence(rule: ComputedRule): string {
  return RULES[rule].sentence;
}
