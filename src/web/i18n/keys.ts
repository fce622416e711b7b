import type { ParseKeys } from "i18next";

/** Any key of ru.json, for places that store a key and translate it later. */
export type TranslationKey = ParseKeys;
