import type { MocPosition, MunicipalityKind, SchoolKind } from "../../shared/hierarchy";
import type { Role } from "../../shared/roles";

/** A municipality of the demo region. */
export type DemoMunicipality = { code: string; name: string; kind: MunicipalityKind };

/** A school of the demo region (общеобразовательная организация). */
export type DemoSchool = {
  /** Unique in the region: «67-001». */
  code: string;
  fullName: string;
  shortName: string;
  municipalityCode: string;
  kind: SchoolKind;
  isRural: boolean;
  /** Малокомплектная школа. */
  isSmall: boolean;
  students: number;
  teachers: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

/** A member of a МОЦ's staff. */
export type DemoMocStaff = { fullName: string; position: MocPosition; email: string; phone: string };

/** A municipal education centre (МОЦ) with its staff. */
export type DemoMoc = { municipalityCode: string; name: string; staff: DemoMocStaff[] };

/** A demo user; scope fields follow the role (municipality for МОЦ, school for a director, assigned schools for a mentor or specialist). */
export type DemoUser = {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  municipalityCode?: string;
  schoolCode?: string;
  assignedSchoolCodes?: string[];
};

/** A synthetic region shaped by Smolensk region's figures. */
export type DemoRegion = {
  region: { code: string; name: string };
  municipalities: DemoMunicipality[];
  schools: DemoSchool[];
  mocs: DemoMoc[];
  users: DemoUser[];
};
