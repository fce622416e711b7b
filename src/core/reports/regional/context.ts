import { percentRu } from "../ru-text";
import { heading, para, type ReportBlock } from "./blocks";
import type { RegionalFigures } from "./figures";

/**
 * Seed 003's context paragraph with the region's own figures: «из 367 функционирующих в регионе
 * школ 64,8% являются сельскими, из них 59,9% – малокомплектные. В сельских школах обучается
 * 20,2% учащихся.» A missing figure reads «нет данных».
 */
export function contextSection(f: RegionalFigures): ReportBlock[] {
  const c = f.context;
  const schools = c.schools === null ? "нет данных о числе" : String(c.schools);
  const lines = [
    `Ключевой характеристикой системы образования региона «${f.regionName}» является то, что из ${schools} функционирующих в регионе школ (${c.municipalities} муниципальных образований) сельскими являются ${percentRu(c.ruralShare)}, из них малокомплектные – ${percentRu(c.smallShareOfRural)}. В сельских школах обучается ${percentRu(c.ruralStudentsShare)} учащихся.`,
  ];
  lines.push(
    c.flaggedRuralShare === null
      ? "Доля сельских школ в группе ШНРО и ШФНСУ: нет данных."
      : `В группе ШНРО и ШФНСУ ${percentRu(c.flaggedRuralShare)} составляют сельские школы.`,
  );
  return [heading("Контекст"), ...lines.map(para)];
}
