import type { Role } from "../../shared/roles";
import type { DemoUser } from "./demo-region.types";
import { DEMO_MUNICIPALITIES, type DemoMunicipalitySpec } from "./municipalities.data";
import { createPerson } from "./people";
import { createRng } from "./random";
import { schoolCode } from "./schools";

/** A demo sign-in for the README and the startup banner. */
export type DemoSignIn = { login: string; password: string; role: Role; description: string };

type SignInPlan = DemoSignIn & Pick<DemoUser, "municipalityCode" | "schoolCode" | "assignedSchoolCodes">;

function municipalitySchoolCount(spec: DemoMunicipalitySpec): number {
  return spec.towns.reduce((sum, town) => sum + town.schools, 0) + spec.ruralSchools;
}

/**
 * The code of a municipality's school by its place in that municipality's list (0-based). Schools are
 * numbered municipality by municipality, urban first, so the code does not depend on the seed.
 */
function schoolCodeIn(specs: DemoMunicipalitySpec[], municipalityCode: string, offset: number): string {
  const index = specs.findIndex((spec) => spec.code === municipalityCode);
  const spec = specs[index];
  if (!spec || offset >= municipalitySchoolCount(spec))
    throw new Error(`Нет школы ${offset} в ${municipalityCode}`);
  const before = specs.slice(0, index).reduce((sum, previous) => sum + municipalitySchoolCount(previous), 0);
  return schoolCode(before + offset + 1);
}

function urbanCount(specs: DemoMunicipalitySpec[], municipalityCode: string): number {
  const spec = specs.find((candidate) => candidate.code === municipalityCode);
  return spec ? spec.towns.reduce((sum, town) => sum + town.schools, 0) : 0;
}

function schoolCodesIn(
  specs: DemoMunicipalitySpec[],
  municipalityCode: string,
  from: number,
  count: number,
): string[] {
  return Array.from({ length: count }, (_, step) => schoolCodeIn(specs, municipalityCode, from + step));
}

/** Who signs in to the demo: one user of every role, two МОЦ coordinators and two directors. */
function planSignIns(specs: DemoMunicipalitySpec[]): SignInPlan[] {
  const cityDirector = schoolCodeIn(specs, "smolensk", 0);
  const districtDirector = schoolCodeIn(specs, "dorogobuzh", 0);
  const mentorSchools = schoolCodesIn(specs, "dorogobuzh", urbanCount(specs, "dorogobuzh") + 1, 4);
  const specialistSchools = schoolCodesIn(specs, "smolensky", urbanCount(specs, "smolensky"), 3);
  return [
    {
      login: "federal",
      password: "demo-federal",
      role: "federal_operator",
      description: "Федеральный оператор: все регионы, только чтение и аналитика",
    },
    {
      login: "admin",
      password: "demo-admin",
      role: "region_admin",
      description: "Администратор региона: пользователи, справочники, журнал аудита",
    },
    {
      login: "analyst",
      password: "demo-analyst",
      role: "region_analyst",
      description: "Региональный аналитик (СОИРО): весь регион, идентификация и мониторинг",
    },
    {
      login: "moc.smolensk",
      password: "demo-moc",
      role: "moc_coordinator",
      municipalityCode: "smolensk",
      description: "Координатор МОЦ г. Смоленска: школы города",
    },
    {
      login: "moc.dorogobuzh",
      password: "demo-moc",
      role: "moc_coordinator",
      municipalityCode: "dorogobuzh",
      description: "Координатор МОЦ Дорогобужского района: школы района",
    },
    {
      login: `director.${cityDirector}`,
      password: "demo-director",
      role: "school_director",
      municipalityCode: "smolensk",
      schoolCode: cityDirector,
      description: `Директор школы ${cityDirector} (г. Смоленск)`,
    },
    {
      login: `director.${districtDirector}`,
      password: "demo-director",
      role: "school_director",
      municipalityCode: "dorogobuzh",
      schoolCode: districtDirector,
      description: `Директор школы ${districtDirector} (Дорогобужский район)`,
    },
    {
      login: "mentor",
      password: "demo-mentor",
      role: "mentor",
      assignedSchoolCodes: mentorSchools,
      description: `Наставник: сельские школы ${mentorSchools.join(", ")} (Дорогобужский район)`,
    },
    {
      login: "specialist",
      password: "demo-specialist",
      role: "specialist",
      assignedSchoolCodes: specialistSchools,
      description: `Специалист (педагог-психолог): сельские школы ${specialistSchools.join(", ")} (Смоленский район)`,
    },
  ];
}

/** The demo sign-ins (login, password, what the user sees); the same for every seed. */
export const DEMO_SIGN_INS: DemoSignIn[] = planSignIns(DEMO_MUNICIPALITIES).map(
  ({ login, password, role, description }) => ({
    login,
    password,
    role,
    description,
  }),
);

/** The demo users with generated names; logins, passwords and scopes follow DEMO_SIGN_INS. */
export function generateUsers(seed: number, specs: DemoMunicipalitySpec[]): DemoUser[] {
  const rng = createRng(seed, "users");
  return planSignIns(specs).map((plan) => ({
    login: plan.login,
    password: plan.password,
    fullName: createPerson(rng, 0.7).fullName,
    role: plan.role,
    ...(plan.municipalityCode === undefined ? {} : { municipalityCode: plan.municipalityCode }),
    ...(plan.schoolCode === undefined ? {} : { schoolCode: plan.schoolCode }),
    ...(plan.assignedSchoolCodes === undefined ? {} : { assignedSchoolCodes: plan.assignedSchoolCodes }),
  }));
}
