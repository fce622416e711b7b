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
  /** An account of the demo region (its federal operator included): reads demo regions only. */
  isDemo: boolean;
  /**
   * The regions a federal operator may read: null for every region of the installation; for a demo
   * federal account, the demo regions only. Other roles read their own region and carry null here.
   */
  federalRegionIds: readonly number[] | null;
};

/**
 * The actor used by the command line and the demo loader: acts as the system, in no region.
 * It reads every region; it has no right to write users (the command line creates the first admin
 * through its own documented path).
 */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  login: "system",
  fullName: "Система",
  role: "federal_operator",
  regionId: null,
  municipalityId: null,
  schoolId: null,
  isDemo: false,
  federalRegionIds: null,
};
