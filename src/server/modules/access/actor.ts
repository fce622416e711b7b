import type { Role } from "../../../shared/roles";

/** The person making a request, with their place in the hierarchy. Every use case takes one. */
export type Actor = {
  userId: number;
  login: string;
  fullName: string;
  role: Role;
  /** null only for a federal operator, who sees every region */
  regionId: number | null;
  municipalityId: number | null;
  schoolId: number | null;
};

/** The actor used by the command line and the demo loader: acts as the system, in no region. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  login: "system",
  fullName: "Система",
  role: "federal_operator",
  regionId: null,
  municipalityId: null,
  schoolId: null,
};
