import type { Case } from "../case";
import { CAUSES_CASES } from "./causes.cases";
import { DATA_CASES } from "./data.cases";
import { HIERARCHY_CASES } from "./hierarchy.cases";
import { IDENTIFICATION_CASES } from "./identification.cases";
import { MATERIAL_CASES } from "./materials.cases";
import { PARTNER_CASES } from "./partners.cases";
import { PLAN_CASES } from "./plans.cases";
import { SYSTEM_CASES } from "./system.cases";

/** Every row of the access matrix, a file per area; a new route adds its rows to its area's file. */
export const ALL_CASES: Case[] = [
  ...SYSTEM_CASES,
  ...HIERARCHY_CASES,
  ...DATA_CASES,
  ...IDENTIFICATION_CASES,
  ...CAUSES_CASES,
  ...PLAN_CASES,
  ...PARTNER_CASES,
  ...MATERIAL_CASES,
];
