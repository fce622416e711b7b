import type { MocAnnualTable } from "../../../../core/reports";

/** The «УТВЕРЖДЕН» block: who approved, by which order, when; each line editable with a default. */
export type ApprovalBlock = {
  position: string;
  organisation: string;
  name: string;
  /** «Приказ от … № …», empty to leave the line out. */
  order: string;
  /** «14.05.2020», or a blank line to fill by hand. */
  date: string;
};

/** Everything the МОЦ annual report prints. */
export type MocAnnualDocument = {
  approval: ApprovalBlock;
  mocName: string;
  municipalityName: string;
  table: MocAnnualTable;
  coordinator: { position: string; name: string };
};

/** The lines of the «УТВЕРЖДЕН» block, empty ones left out, as seed 000 sets them (top right). */
export function approvalLines(approval: ApprovalBlock): string[] {
  return ["УТВЕРЖДЕН", approval.position, approval.organisation, approval.order, approval.name, approval.date]
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The title lines: «ОТЧЕТ МОЦ», the centre and municipality, the school year. */
export function titleLines(doc: MocAnnualDocument): string[] {
  return [
    "ОТЧЕТ МОЦ",
    doc.mocName,
    `муниципальное образование ${doc.municipalityName}`,
    `о работе в ${doc.table.period.label} учебном году`,
  ].filter((line) => line.trim() !== "");
}

/** The table's header, as seed 000 prints it. */
export const MOC_ANNUAL_HEADERS = ["Месяц", "Мероприятие", "Содержание"] as const;
