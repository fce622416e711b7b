import {
  computeRule,
  type IndicatorValue,
  isReportEditable,
  type MonitoringTemplate,
  type ReportStatus,
  ruleSentence,
  type SchoolFacts,
  type TemplateIndicator,
} from "../../../core/monitoring";
import type { ReportView } from "../../../shared/monitoring-api";
import type { ReportEntry } from "../../db/schema/monitoring";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** True when the report's computed values are the ones stored at submission, not today's. */
export function isFrozen(status: ReportStatus): boolean {
  return status === "submitted" || status === "approved";
}

/**
 * The value of an indicator in a report: a computed one from the facts while the school works on the
 * report (frozen as stored once it is submitted), a reported one as the school entered it.
 */
export function entryValue(
  indicator: TemplateIndicator,
  entry: ReportEntry | undefined,
  facts: SchoolFacts,
  status: ReportStatus,
): IndicatorValue {
  if (indicator.source.kind === "reported") return entry?.value ?? null;
  if (isFrozen(status) && entry !== undefined) return entry.value;
  return computeRule(indicator.source.rule, facts);
}

/** The entries a submitted report stores: the reported ones as they are, the computed ones as of now. */
export function freezeEntries(
  template: MonitoringTemplate,
  entries: Readonly<Record<string, ReportEntry>>,
  facts: SchoolFacts,
): Record<string, ReportEntry> {
  return Object.fromEntries(
    template.indicators.map((ind) => {
      const entry = entries[ind.code] ?? { value: null, comment: "", mocComment: "" };
      return [ind.code, { ...entry, value: entryValue(ind, entry, facts, "draft") }];
    }),
  );
}

/** What the view is built from. */
export type ReportViewInput = {
  actor: Actor;
  school: { schoolId: number; schoolName: string; municipalityName: string };
  year: number;
  stage: ReportView["stage"];
  isProgrammeSchool: boolean;
  template: { version: number; content: MonitoringTemplate };
  report:
    | {
        id: number;
        status: ReportStatus;
        entries: Record<string, ReportEntry>;
        narrative: string;
        mocComment: string;
        returnMessage: string;
        updatedByName: string;
      }
    | undefined;
  facts: SchoolFacts;
  events: ReportView["events"];
};

/** The report as the page shows it, with what the actor may do. */
export function buildReportView(input: ReportViewInput): ReportView {
  const { actor, report, template } = input;
  const status = report?.status ?? "draft";
  const entries = report?.entries ?? {};
  const canEnter = can(actor, "data.enter") && input.isProgrammeSchool;
  const canReview = (can(actor, "data.approve") || can(actor, "data.accept")) && report !== undefined;
  return {
    id: report?.id ?? null,
    schoolId: input.school.schoolId,
    schoolName: input.school.schoolName,
    municipalityName: input.school.municipalityName,
    year: input.year,
    stage: input.stage,
    status,
    isProgrammeSchool: input.isProgrammeSchool,
    templateVersion: template.version,
    criteria: template.content.criteria,
    indicators: template.content.indicators.map((ind) => {
      const entry = entries[ind.code];
      return {
        code: ind.code,
        criterion: ind.criterion,
        wording: ind.wording,
        base: ind.base,
        source: ind.source.kind,
        valueType: ind.source.kind === "reported" ? ind.source.valueType : "boolean",
        rule: ind.source.kind === "computed" ? ruleSentence(ind.source.rule) : null,
        value: entryValue(ind, entry, input.facts, status),
        comment: entry?.comment ?? "",
        mocComment: entry?.mocComment ?? "",
      };
    }),
    narrative: report?.narrative ?? "",
    mocComment: report?.mocComment ?? "",
    returnMessage: report?.returnMessage ?? "",
    updatedByName: report?.updatedByName ?? "",
    events: input.events,
    permissions: {
      canEdit: canEnter && isReportEditable(status),
      canSubmit: canEnter && isReportEditable(status),
      canReview: canReview && status !== "draft",
    },
  };
}
