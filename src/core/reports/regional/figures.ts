import type { EventLevel } from "../../events";

/** The region's own figures of seed 003's context; null where Opora holds no data. */
export type ContextFigures = {
  municipalities: number;
  schools: number | null;
  /** Rural schools among all (0…1). */
  ruralShare: number | null;
  /** Small (малокомплектные) schools among the rural ones. */
  smallShareOfRural: number | null;
  /** Students of rural schools among all students. */
  ruralStudentsShare: number | null;
  /** Rural schools among the identified ШНРО and ШФНСУ. */
  flaggedRuralShare: number | null;
};

/** What was done in the programme year, as counts from the records. */
export type WorkFigures = {
  consultations: number;
  parentConsultations: number;
  interviews: number;
  visits: number;
  peopleReached: number;
  requests: number;
  requestsDone: number;
  /** People examined or consulted by specialists (sum of the sessions' counts). */
  specialistPeople: number;
  courses: number;
  courseEnrolments: number;
  courseCompleted: number;
  eventsByLevel: Record<EventLevel, number>;
  eventTeachers: number;
  mentoringPairs: number;
  mentoringMeetings: number;
  partnerships: number;
  schoolsWithPartnerSchool: number;
};

/** The approved identification run of the year: its rule sets and their criteria. */
export type MethodFigures = {
  approvedAt: string | null;
  schoolCount: number;
  ruleSets: { name: string; version: number; category: string; criteria: string[] }[];
};

/** Identification results: counts by category and by municipality. */
export type IdentificationFigures = {
  shnro: number;
  shfnsu: number;
  both: number;
  none: number;
  insufficientData: number;
  byMunicipality: { name: string; shnro: number; shfnsu: number; both: number }[];
};

/** The programme schools' plans. */
export type PlanFigures = { programmeSchools: number; withPlan: number; approved: number };

/** Everything the regional analytical report is written from. */
export type RegionalFigures = {
  regionName: string;
  year: number;
  context: ContextFigures;
  work: WorkFigures;
  /** null when the year has no approved run */
  method: MethodFigures | null;
  identification: IdentificationFigures | null;
  plans: PlanFigures;
};
