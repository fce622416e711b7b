import type { SchoolWriteRefusal } from "../access/school-write.policy";
import type { SchoolWrite } from "./school-import.repo";

/** Russian names of the school fields a registry row may change, for the reason of a refusal. */
const FIELD_LABELS: Record<keyof SchoolWrite, string> = {
  municipalityId: "муниципалитет",
  code: "код",
  fullName: "полное наименование",
  shortName: "краткое наименование",
  kind: "вид",
  isRural: "сельская",
  isSmall: "малокомплектная",
  students: "обучающихся",
  teachers: "педагогов",
  address: "адрес",
  latitude: "широта",
  longitude: "долгота",
};

/** The fields in which a write differs from the stored school, in Russian. */
export function changedFieldLabels(write: SchoolWrite, stored: SchoolWrite): string[] {
  return (Object.keys(FIELD_LABELS) as (keyof SchoolWrite)[])
    .filter((key) => write[key] !== stored[key])
    .map((key) => FIELD_LABELS[key]);
}

/** What a refused registry row is about: the school's code, its municipality in the file, what changes. */
export type RefusedRow = {
  code: string;
  municipality: string;
  changed: string[];
  /** Whether the actor may create schools (then a school out of scope is not simply «absent»). */
  canCreate: boolean;
};

/**
 * The message of a registry row that the school write rule (refuseSchoolWrite) refuses, and which
 * column it concerns: the code column for the school, the municipality column for a move.
 * A school out of the actor's scope is described as absent from it, like the API's 404.
 */
export function refusalOfRow(
  refusal: SchoolWriteRefusal,
  row: RefusedRow,
): { message: string; column: "code" | "municipality" } {
  const school = `«${row.code}»`;
  switch (refusal) {
    case "no_update_right":
      return {
        column: "code",
        message: `школа ${school} изменилась бы (${row.changed.join(", ")}), а изменять школы вам нельзя`,
      };
    case "no_create_right":
      return {
        column: "code",
        message: `школы с кодом ${school} нет в вашей области, а создавать школы вам нельзя`,
      };
    case "school_not_found":
      return {
        column: "code",
        message: row.canCreate
          ? `код ${school} уже занят школой вне вашей области`
          : `школы с кодом ${school} нет в вашей области, а создавать школы вам нельзя`,
      };
    case "no_identity_right":
      return {
        column: "municipality",
        message: `школа ${school} перешла бы в муниципалитет «${row.municipality}», а переносить школы между муниципалитетами вам нельзя`,
      };
    case "municipality_not_found":
      return { column: "municipality", message: `муниципалитет «${row.municipality}» вне вашей области` };
    case "other_region":
      return { column: "municipality", message: "нельзя перенести школу в другой регион" };
  }
}
