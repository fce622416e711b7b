import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import ru from "./ru.json";

/** The default (and for now the only) locale. */
export const DEFAULT_LOCALE = "ru";

declare module "i18next" {
  /** Typed translation keys: a missing key in ru.json is a compile error. */
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof ru };
  }
}

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  resources: { ru: { translation: ru } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The configured i18next instance (for code outside React components). */
export const i18n = i18next;
