import type { Role } from "../../../shared/roles";
import { forbidden } from "../../platform/errors";
import type { Actor } from "../access/actor";

/** Who may download the reports: the region's roles, the federal operator (read) and a МОЦ. */
const REPORT_READERS: readonly Role[] = [
  "federal_operator",
  "region_admin",
  "region_analyst",
  "moc_coordinator",
];

/** Who may download the regional analytical report: the region and the federal operator. */
const REGIONAL_READERS: readonly Role[] = ["federal_operator", "region_admin", "region_analyst"];

/** 403 unless the actor's role reads reports (school, mentor and specialist roles do not). */
export function requireReportReader(actor: Actor): void {
  if (!REPORT_READERS.includes(actor.role)) throw forbidden("Документы отчетов доступны региону и МОЦ");
}

/** 403 unless the actor reads the regional analytical report. */
export function requireRegionalReader(actor: Actor): void {
  if (!REGIONAL_READERS.includes(actor.role))
    throw forbidden("Региональный аналитический отчет доступен региону");
}

/** True when the actor may read the regional report (the reports page lists it only then). */
export function canReadRegional(actor: Actor): boolean {
  return REGIONAL_READERS.includes(actor.role);
}
