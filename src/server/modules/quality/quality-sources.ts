/**
 * The texts the similarity check compares, by source: a registry, so that another module (the
 * school monitoring reports of the monitoring module) adds its texts as one more entry after the
 * merge. Texts are compared only with texts of the same kind.
 */
import type { Plan } from "../../../core/plans";
import type { MocReportRecommendation, MocReportSection } from "../../../shared/quality-api";
import type { Db } from "../../platform/db";
import {
  findExecutionTexts,
  findMocReports,
  findMonitoringNarratives,
  findProgrammeTexts,
} from "./quality.repo";

/** A text of a source, with the place that decides who reads it. */
export type LoadedText = {
  id: string;
  kind: string;
  label: string;
  text: string;
  municipalityId: number | null;
  mocReportId: number | null;
};

/** A source of texts: its kind, its Russian name, and how its texts of a region's year are read. */
export type TextSource = {
  kind: string;
  label: string;
  load: (db: Db, regionId: number, year: number) => Promise<LoadedText[]>;
};

/** The whole text of a МОЦ report: the sections (heading, then text), then the recommendations. */
export function mocReportText(report: {
  sections: readonly MocReportSection[];
  recommendations: readonly MocReportRecommendation[];
}): string {
  const parts = report.sections.flatMap((s) => [s.title, s.text]);
  if (report.recommendations.length > 0) parts.push(...report.recommendations.map((r) => r.text));
  return parts.filter((part) => part.trim() !== "").join("\n");
}

/** The text of a plan: its title, each section's heading, each activity with its implementation indicator. */
export function programmeText(plan: Plan): string {
  const lines = [plan.title];
  for (const section of plan.sections) {
    lines.push(`${section.number} ${section.title}`.trim());
    for (const activity of section.activities) {
      lines.push(`${activity.number} ${activity.title}`.trim());
      if (activity.indicator.text.trim() !== "") lines.push(activity.indicator.text);
    }
  }
  return lines.join("\n");
}

const mocReportsSource: TextSource = {
  kind: "moc_report",
  label: "Отчёты МОЦ",
  load: async (db, regionId, year) =>
    (await findMocReports(db, { regionId, year, scope: undefined })).map((row) => ({
      id: `moc_report:${row.id}`,
      kind: "moc_report",
      label: `${row.title} (${row.municipalityName})`,
      text: mocReportText(row),
      municipalityId: row.municipalityId,
      mocReportId: row.id,
    })),
};

const programmesSource: TextSource = {
  kind: "programme",
  label: "Программы школ",
  load: async (db, regionId, year) =>
    (await findProgrammeTexts(db, regionId, year)).map((row) => ({
      id: `programme:${row.planId}`,
      kind: "programme",
      label: `Программа школы ${row.schoolName}`,
      text: programmeText(row.content),
      municipalityId: row.municipalityId,
      mocReportId: null,
    })),
};

const executionSource: TextSource = {
  kind: "execution",
  label: "Отчёты о выполнении программ",
  load: async (db, regionId, year) => {
    const byPlan = new Map<number, LoadedText>();
    for (const row of await findExecutionTexts(db, regionId, year)) {
      const text = byPlan.get(row.planId);
      if (text) text.text += `\n${row.text}`;
      else
        byPlan.set(row.planId, {
          id: `execution:${row.planId}`,
          kind: "execution",
          label: `Выполнение программы школы ${row.schoolName}`,
          text: row.text,
          municipalityId: row.municipalityId,
          mocReportId: null,
        });
    }
    return [...byPlan.values()];
  },
};

const STAGE_WORDS: Record<string, string> = { entry: "входной", final: "итоговый" };

const monitoringSource: TextSource = {
  kind: "monitoring_report",
  label: "Отчёты школ о мониторинге",
  load: async (db, regionId, year) =>
    (await findMonitoringNarratives(db, regionId, year)).map((row) => ({
      id: `monitoring_report:${row.reportId}`,
      kind: "monitoring_report",
      label: `Отчёт о мониторинге (${STAGE_WORDS[row.stage] ?? row.stage}) школы ${row.schoolName}`,
      text: row.text,
      municipalityId: row.municipalityId,
      mocReportId: null,
    })),
};

/** The sources compared: the МОЦ reports, the programmes, their execution, the schools' monitoring reports. */
export const textSources: TextSource[] = [
  mocReportsSource,
  programmesSource,
  executionSource,
  monitoringSource,
];

/** The Russian name of a kind of text, for the flags. */
export function textKindLabel(kind: string): string {
  return textSources.find((source) => source.kind === kind)?.label ?? kind;
}
