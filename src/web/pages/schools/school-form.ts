import type { School } from "../../../shared/api";
import { SCHOOL_KINDS, type SchoolKind } from "../../../shared/hierarchy";

/** What the school form holds: NumberInput gives `""` for an empty field, Select gives null. */
export type SchoolFormValues = {
  code: string;
  fullName: string;
  shortName: string;
  municipalityId: number | null;
  kind: SchoolKind | null;
  isRural: boolean;
  isSmall: boolean;
  students: number | string;
  teachers: number | string;
  address: string;
  latitude: number | string;
  longitude: number | string;
};

function isSchoolKind(value: string): value is SchoolKind {
  return SCHOOL_KINDS.some((k) => k === value);
}

/** The form's starting values: the school being edited, or an empty school in a chosen municipality. */
export function schoolFormValues(school: School | null, municipalityId: number | null): SchoolFormValues {
  if (!school) {
    return {
      code: "",
      fullName: "",
      shortName: "",
      municipalityId,
      kind: "СОШ",
      isRural: false,
      isSmall: false,
      students: "",
      teachers: "",
      address: "",
      latitude: "",
      longitude: "",
    };
  }
  return {
    code: school.code,
    fullName: school.fullName,
    shortName: school.shortName,
    municipalityId: school.municipalityId,
    kind: isSchoolKind(school.kind) ? school.kind : null,
    isRural: school.isRural,
    isSmall: school.isSmall,
    students: school.students,
    teachers: school.teachers,
    address: school.address,
    latitude: school.latitude ?? "",
    longitude: school.longitude ?? "",
  };
}

/** `""` → null (the schema then says what is missing); a number stays; other text is parsed. */
function toNumber(value: number | string): number | null {
  if (typeof value === "number") return value;
  const text = value.trim().replace(",", ".");
  return text === "" ? null : Number(text);
}

/** The form's values in the shape of schoolInputSchema, ready to be checked by it. */
export function toSchoolCandidate(values: SchoolFormValues) {
  return {
    ...values,
    students: toNumber(values.students),
    teachers: toNumber(values.teachers),
    latitude: toNumber(values.latitude),
    longitude: toNumber(values.longitude),
  };
}
