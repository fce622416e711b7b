import type { Case } from "../case";
import { ADDRESSED_CASES } from "./addressed.cases";
import { CAUSES_CASES } from "./causes.cases";
import { COURSE_CASES } from "./courses.cases";
import { DATA_CASES } from "./data.cases";
import { DECISION_CASES } from "./decisions.cases";
import { EVENT_CASES } from "./events.cases";
import { HIERARCHY_CASES } from "./hierarchy.cases";
import { IDENTIFICATION_CASES } from "./identification.cases";
import { MATERIAL_CASES } from "./materials.cases";
import { MENTORING_CASES } from "./mentoring.cases";
import { MONITORING_CASES } from "./monitoring.cases";
import { PARTNER_CASES } from "./partners.cases";
import { PLAN_CASES } from "./plans.cases";
import { QUALITY_CASES } from "./quality.cases";
import { REPORT_CASES } from "./reports.cases";
import { SUPPORT_CASES } from "./support.cases";
import { SYSTEM_CASES } from "./system.cases";
import { TEACHER_CASES } from "./teachers.cases";

/** Every row of the access matrix, a file per area; a new route adds its rows to its area's file. */
export const ALL_CASES: Case[] = [
  ...SYSTEM_CASES,
  ...HIERARCHY_CASES,
  ...DATA_CASES,
  ...IDENTIFICATION_CASES,
  ...CAUSES_CASES,
  ...PLAN_CASES,
  ...ADDRESSED_CASES,
  ...TEACHER_CASES,
  ...MENTORING_CASES,
  ...SUPPORT_CASES,
  ...COURSE_CASES,
  ...EVENT_CASES,
  ...PARTNER_CASES,
  ...MATERIAL_CASES,
  ...MONITORING_CASES,
  ...QUALITY_CASES,
  ...DECISION_CASES,
  ...REPORT_CASES,
];
