import type { ReportBlock } from "./blocks";
import { contextSection } from "./context";
import type { RegionalFigures } from "./figures";
import { goalsSection } from "./goals";
import { identificationSection } from "./identification";
import { methodSection } from "./method";
import { plansSection } from "./plans";
import { workDoneSection } from "./work-done";

/**
 * The named insertion points of seed 003 that other parts of Opora fill (Table 1 and Table 2 of the
 * monitoring, the narrative per criterion, the analysis of МОЦ reports with the quality flags, the
 * recommendations). Until a provider is wired, its section is left out of the document.
 */
export const REGIONAL_SLOTS = [
  "table1",
  "table2",
  "criteriaNarrative",
  "mocReportsAnalysis",
  "recommendations",
] as const;
/** A named insertion point. */
export type RegionalSlot = (typeof REGIONAL_SLOTS)[number];

/** The editable texts of the report. */
export type RegionalOptions = { goalsText?: string };

/** A section of the report: built from the figures, or an insertion point filled from outside. */
export type RegionalSection =
  | { kind: "builder"; id: string; build: (f: RegionalFigures, options: RegionalOptions) => ReportBlock[] }
  | { kind: "slot"; id: RegionalSlot };

/** Seed 003's structure, in order. */
export const REGIONAL_SECTIONS: readonly RegionalSection[] = [
  { kind: "builder", id: "context", build: (f) => contextSection(f) },
  { kind: "builder", id: "goals", build: (_f, o) => goalsSection(o.goalsText) },
  { kind: "builder", id: "workDone", build: (f) => workDoneSection(f) },
  { kind: "builder", id: "method", build: (f) => methodSection(f) },
  { kind: "builder", id: "identification", build: (f) => identificationSection(f) },
  { kind: "slot", id: "table1" },
  { kind: "slot", id: "table2" },
  { kind: "slot", id: "criteriaNarrative" },
  { kind: "builder", id: "plans", build: (f) => plansSection(f) },
  { kind: "slot", id: "mocReportsAnalysis" },
  { kind: "slot", id: "recommendations" },
];

/** What the insertion points hold: the blocks of each wired slot; a slot absent here is omitted. */
export type SlotContent = Partial<Record<RegionalSlot, ReportBlock[]>>;

/** The report's body, headings numbered in order: every builder's blocks and the wired slots' blocks, in seed 003's order. */
export function buildRegionalReport(
  figures: RegionalFigures,
  options: RegionalOptions = {},
  slots: SlotContent = {},
): ReportBlock[] {
  const blocks = REGIONAL_SECTIONS.flatMap((section) =>
    section.kind === "builder" ? section.build(figures, options) : (slots[section.id] ?? []),
  );
  // Sections are numbered as printed, so an omitted insertion point leaves no gap.
  let number = 0;
  return blocks.map((block) =>
    block.kind === "heading" ? { ...block, text: `${++number}. ${block.text}` } : block,
  );
}
