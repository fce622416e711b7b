import { counted, percentRu } from "../ru-text";
import { heading, para, type ReportBlock } from "./blocks";
import type { RegionalFigures } from "./figures";

/** The programme schools' plans: how many have one and how many are approved. */
export function plansSection(f: RegionalFigures): ReportBlock[] {
  const p = f.plans;
  const base = p.programmeSchools > 0 ? p.programmeSchools : null;
  return [
    heading("Программы школ"),
    para(
      `Из ${counted(p.programmeSchools, "школы", "школ", "школ")} проекта программу перехода в эффективный режим функционирования разработали ${p.withPlan} (${percentRu(base === null ? null : p.withPlan / base)}), утверждены программы ${counted(p.approved, "школы", "школ", "школ")} (${percentRu(base === null ? null : p.approved / base)}).`,
    ),
  ];
}
