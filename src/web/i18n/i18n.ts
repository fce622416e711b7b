import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import ruAddressed from "./ru.addressed.json";
import ruCauses from "./ru.causes.json";
import ruDecisions from "./ru.decisions.json";
import ruEvents from "./ru.events.json";
import ru from "./ru.json";
import ruMentoring from "./ru.mentoring.json";
import ruMonitoring from "./ru.monitoring.json";
import ruPartners from "./ru.partners.json";
import ruPlans from "./ru.plans.json";
import ruQuality from "./ru.quality.json";
import ruReports from "./ru.reports.json";
import ruSupport from "./ru.support.json";
import ruTeachers from "./ru.teachers.json";

/**
 * The Russian texts: ru.json, and a file per later feature under its own key (`causes.*`, `plans.*`, `support.*`, `events.*`, `teachers.*`, `mentoring.*`, `partners.*`),
 * so that features add their texts without touching each other's.
 */
const translation = {
  ...ru,
  causes: ruCauses,
  plans: ruPlans,
  support: ruSupport,
  events: ruEvents,
  teachers: ruTeachers,
  mentoring: ruMentoring,
  partners: ruPartners,
  addressed: ruAddressed,
  monitoring: ruMonitoring,
  quality: ruQuality,
  decisions: ruDecisions,
  reports: ruReports,
};

/** The default (and for now the only) locale. */
export const DEFAULT_LOCALE = "ru";

declare module "i18next" {
  /** Typed translation keys: a missing key in ru.json is a compile error. */
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof translation };
  }
}

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  resources: { ru: { translation } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The configured i18next instance (for code outside React components). */
export const i18n = i18next;
