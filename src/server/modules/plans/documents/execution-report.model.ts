import type { Signature } from "./docx-kit";
import type { DocumentCheckIn, DocumentSection, RoadMapActivity } from "./plan-document.model";
import { formatDateRu, type IsoDate } from "./ru-date";

/** An activity as the execution report prints it: its number, title, deadline and check-ins. */
export type ReportActivity = Pick<RoadMapActivity, "number" | "title" | "deadlineText"> & {
  /** The check-ins in the order to print; they fill the «Информация» cell. */
  checkIns: DocumentCheckIn[];
};

/**
 * The report on the execution of a plan of measures with its effectiveness analysis (seed 002).
 * Text is printed as given.
 */
export type ExecutionReportInput = {
  /**
   * The title block, a line each, centred: «ОТЧЕТ», «о реализации плана мероприятий», «по
   * сопровождению школ с низкими результатами обучения», «в 2020–2021 учебном году».
   */
  titleLines: string[];
  /** The period the analysis is «на»: «2020–2021 учебный год». */
  period: string;
  /** Sections (unnumbered in seed 002: «Организационно-управленческие меры», …). */
  sections: DocumentSection<ReportActivity>[];
  /** The paragraphs of the effectiveness analysis; line breaks inside one become paragraphs too. */
  analysis: string[];
  /** Who signs the report, and when; none for an unsigned draft. */
  signature: (Signature & { date: IsoDate | null }) | null;
};

/** What the «Информация» cell says of an activity with no check-ins. */
export const NO_CHECK_INS = "Сведений о выполнении нет.";

/**
 * The «Информация» cell of an activity as paragraphs: each check-in's text led by its date
 * («12.10.2020 — …», its further lines as paragraphs of their own), then «Подтверждение: …» when
 * evidence was given; «Сведений о выполнении нет.» when there are no check-ins.
 */
export function checkInParagraphs(checkIns: readonly DocumentCheckIn[]): string[] {
  if (checkIns.length === 0) return [NO_CHECK_INS];
  return checkIns.flatMap((checkIn) => {
    const [first = "", ...rest] = checkIn.text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "");
    const evidence = checkIn.evidence?.trim() ? [`Подтверждение: ${checkIn.evidence.trim()}`] : [];
    return [`${formatDateRu(checkIn.date)} — ${first}`.trimEnd(), ...rest, ...evidence];
  });
}
